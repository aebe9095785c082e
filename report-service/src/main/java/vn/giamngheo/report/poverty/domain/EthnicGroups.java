package vn.giamngheo.report.poverty.domain;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical names of the ethnic groups, so that "Hmông" and "Mông" count as one group. Names are compared in Unicode
 * NFC and without regard to case; a name it does not know is kept as written (trimmed, NFC).
 */
public final class EthnicGroups {

    /** One group with the spellings accepted for it. */
    public record Group(String name, List<String> aliases) {
    }

    public static final String ETHNIC_MINORITY = "ETHNIC_MINORITY";
    public static final String KINH = "KINH";

    private final String kinh;
    private final Map<String, String> canonical = new HashMap<>();

    public EthnicGroups(String kinh, List<Group> groups) {
        this.kinh = kinh;
        for (Group group : groups) {
            canonical.put(key(group.name()), group.name());
            group.aliases().forEach(alias -> canonical.put(key(alias), group.name()));
        }
    }

    public String canonical(String name) {
        String trimmed = Normalizer.normalize(name.trim(), Normalizer.Form.NFC);
        return canonical.getOrDefault(key(trimmed), trimmed);
    }

    public boolean isKinh(String canonicalName) {
        return kinh.equals(canonicalName);
    }

    /** ETHNIC_MINORITY or KINH, the split the program's targets are set on. */
    public String ethnicity(String canonicalName) {
        return isKinh(canonicalName) ? KINH : ETHNIC_MINORITY;
    }

    public static String ethnicityName(String ethnicity) {
        return KINH.equals(ethnicity) ? "Dân tộc Kinh" : "Dân tộc thiểu số";
    }

    private static String key(String name) {
        return Normalizer.normalize(name.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
