package vn.giamngheo.faulttests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.instancio.Instancio;
import org.instancio.InstancioGenApi;
import vn.giamngheo.contracts.EventJson;

/**
 * Generators of hostile input, drawn from Instancio's seeded random source (a failing run names its seed; {@code
 * @Seed} replays it). Values come in two families: <em>invalid</em> ones, which a service must refuse, and
 * <em>nasty but valid</em> text, which a service must store exactly as sent.
 */
final class Hostile {

    /** Operators and syntax of the stores and languages behind an API, sent as plain text. */
    static final List<String> INJECTIONS = List.of("{\"$ne\":null}", "{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}",
            "$ne", "[$gt]=", "'; DROP TABLE tasks; --", "\" OR \"1\"=\"1", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", ".*", "^(a+)+$",
            "(a|aa)+b", "%00", "%2e%2e%2f", "$regex", "this.status == 'DONE'", "{{7*7}}", "#{7*7}");

    /** Text that is valid but tests every layer's handling of Unicode. */
    static final List<String> UNICODE = List.of("Giảm nghèo bền vững — Sơn La", "Đ đ Ư ư Ơ ơ",
            "Hỗ trợ\u0301 kết hợp", "👩‍👩‍👧‍👦 gia đình", "\u202Eđảo chiều\u202C", "zero\u200Bwidth", "\uFEFFBOM",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛", "中文 日本語 한국어", "العربية", "tab\tnew\nline\rreturn", "back\\slash \"quote\"",
            "ﷺ ﷽", "Ａ（全角）", "x\u00A0y\u2028z\u2029");

    static final List<String> INVALID_DATES = List.of("2026-02-30", "2026-13-01", "2026-00-10", "31/12/2026",
            "2026/12/31", "", " ", "0000-00-00", "+1000000000-01-01", "2026-1-1", "hôm qua",
            "20260101", "2026-02-29", "1e3", "2026-01-01T00:00:00Z".substring(0, 11));

    /** JSON values (as JSON text) that no string, date, enum or number field accepts. */
    static final List<String> WRONG_TYPES = List.of("{}", "[]", "{\"$ne\":null}", "[\"a\",\"b\"]",
            "{\"$gt\":\"\"}", "[[[[[[]]]]]]", "{\"nested\":{\"$where\":\"1\"}}");

    private Hostile() {
    }

    static InstancioGenApi gen() {
        return Instancio.gen();
    }

    static <T> T oneOf(List<T> values) {
        return values.get(gen().ints().range(0, values.size() - 1).get());
    }

    static boolean chance(int percent) {
        return gen().ints().range(1, 100).get() <= percent;
    }

    static int between(int min, int max) {
        return gen().ints().range(min, max).get();
    }

    /** A string of the given length drawn from letters, Vietnamese letters and symbols. */
    static String text(int length) {
        return gen().string().length(length).mixedCase().get();
    }

    /** Nasty text that stays within {@code maxLength} characters. */
    static String nastyText(int maxLength) {
        String value = switch (between(0, 3)) {
            case 0 -> oneOf(INJECTIONS);
            case 1 -> oneOf(UNICODE);
            case 2 -> oneOf(INJECTIONS) + " " + oneOf(UNICODE);
            default -> gen().string().length(1, 40).unicode(Character.UnicodeBlock.LATIN_EXTENDED_ADDITIONAL,
                    Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS, Character.UnicodeBlock.ARABIC,
                    Character.UnicodeBlock.GENERAL_PUNCTUATION).get();
        };
        value = value.length() > maxLength ? value.substring(0, maxLength) : value;
        return value.isBlank() ? "x" + value : value;
    }

    /** A JSON string literal. */
    static String json(String value) {
        return EventJson.mapper().writeValueAsString(value);
    }

    /** A body: fields in order, values as JSON text (absent from the map = left out). */
    static String body(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(json(name) + ":" + value));
        return "{" + String.join(",", parts) + "}";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The shape of a write endpoint's body: a valid example and what each field accepts. */
    record Field(String name, Kind kind, boolean required, int maxLength) {

        enum Kind { TEXT, CODE, DATE, ENUM, NUMBER, PERCENT, LIST }

        static Field text(String name, boolean required, int maxLength) {
            return new Field(name, Kind.TEXT, required, maxLength);
        }

        static Field code(String name, boolean required) {
            return new Field(name, Kind.CODE, required, 32);
        }

        static Field date(String name, boolean required) {
            return new Field(name, Kind.DATE, required, 0);
        }

        static Field enumeration(String name, boolean required) {
            return new Field(name, Kind.ENUM, required, 0);
        }

        static Field number(String name, boolean required) {
            return new Field(name, Kind.NUMBER, required, 0);
        }

        static Field percent(String name) {
            return new Field(name, Kind.PERCENT, true, 0);
        }
    }

    /**
     * A body that is invalid on purpose: one field made certainly wrong (left out or null if required, a JSON type
     * nothing converts, a string over its limit or with forbidden characters, an impossible date, an unknown enum
     * constant, a number out of range), the other fields possibly made nasty but still valid.
     */
    static String invalidBody(Map<String, String> valid, List<Field> fields) {
        Map<String, String> body = new LinkedHashMap<>(valid);
        for (Field field : fields) {
            if (field.kind() == Field.Kind.TEXT && chance(30)) {
                body.put(field.name(), json(nastyText(Math.min(field.maxLength(), 200))));
            }
        }
        List<Field> breakable = fields.stream().filter(f -> f.required() || f.kind() != Field.Kind.TEXT).toList();
        Field target = oneOf(breakable);
        String broken = switch (between(0, 3)) {
            case 0 -> target.required() ? null : wrongType(target);
            case 1 -> wrongType(target);
            case 2 -> outOfRange(target);
            default -> target.required() ? "null" : outOfRange(target);
        };
        if (broken == null) {
            body.remove(target.name());
        } else {
            body.put(target.name(), broken);
        }
        if (chance(10)) {
            body.put(oneOf(List.of("$where", "$set", "state.status", "version", "_id", "outbox")),
                    oneOf(List.of("\"DONE\"", "{\"$ne\":null}", "999", "[]")));
        }
        return body(body);
    }

    private static String wrongType(Field field) {
        return switch (field.kind()) {
            case NUMBER, PERCENT -> oneOf(List.of("\"abc\"", "{}", "[]", "{\"$gt\":0}", "[1]"));
            case LIST -> oneOf(List.of("\"a\"", "{}", "{\"$ne\":null}", "42"));
            default -> oneOf(WRONG_TYPES);
        };
    }

    private static String outOfRange(Field field) {
        return switch (field.kind()) {
            case TEXT -> json(field.required() && chance(30) ? oneOf(List.of("", "   ", "\t\n"))
                    : text(field.maxLength() + between(1, 50_000)));
            case CODE -> json(oneOf(List.of("../etc", "{\"$ne\":null}", "a b", "Đ-14", "x;y", "<u>", "%00",
                    "a".repeat(33), "$ne", "ü")));
            // an empty date reads as null, which an optional date takes: only a required one is broken by it
            case DATE -> json(oneOf(INVALID_DATES.stream().filter(d -> field.required() || !d.isBlank()).toList()));
            case ENUM -> json(oneOf(List.of("NOT_A_VALUE", "{\"$ne\":null}", "DRAFT'--", "ĐÃ_XONG", "ASSIGNED ")));
            case NUMBER -> oneOf(List.of("-1", "1e400", "99999999999999999999999999", "-99999999", "0.5e-400",
                    "\"NaN\"", "\"Infinity\""));
            case PERCENT -> oneOf(List.of("-1", "101", "1000000", "2147483648", "-2147483649"));
            case LIST -> "[" + oneOf(WRONG_TYPES) + "]";
        };
    }
}
