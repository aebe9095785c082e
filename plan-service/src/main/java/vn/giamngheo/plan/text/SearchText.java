package vn.giamngheo.plan.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text folded for searching: lowercase, diacritics stripped and đ → d, so that {@code giam ngheo} finds
 * "Giảm nghèo" and so does {@code giảm nghèo}. Stored beside the text it folds, because neither MongoDB's nor the
 * embedded server's matching knows Vietnamese (and the embedded server has no {@code $text} search at all).
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private SearchText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(Normalizer.normalize(stripped, Normalizer.Form.NFC)).replaceAll(" ").trim();
    }

    /** Joins the searchable parts of a document (nulls skipped) into one folded text. */
    public static String of(String... parts) {
        return normalize(String.join(" ", Arrays.stream(parts).filter(p -> p != null).toList()));
    }

    /**
     * The folded words of a user's query, each escaped for use in a regular expression; a document matches when its
     * folded text contains every word.
     */
    public static List<String> queryPatterns(String query) {
        String folded = normalize(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(folded.split(" ")).map(word -> REGEX_SPECIAL.matcher(word).replaceAll("\\\\$0"))
                .toList();
    }
}
