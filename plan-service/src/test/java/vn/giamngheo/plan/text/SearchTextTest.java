package vn.giamngheo.plan.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void vietnamese_is_folded_to_lowercase_without_diacritics_and_d_for_dj() {
        assertThat(SearchText.normalize("Kế hoạch GIẢM NGHÈO bền vững")).isEqualTo("ke hoach giam ngheo ben vung");
        assertThat(SearchText.normalize("Đảng bộ tỉnh Sơn La – Đắk Lắk")).isEqualTo("dang bo tinh son la – dak lak");
        assertThat(SearchText.normalize("  Mường   Tè\t")).isEqualTo("muong te");
        assertThat(SearchText.normalize(null)).isEmpty();
    }

    @Test
    void text_composed_either_way_folds_the_same() {
        // given: "nghèo" typed with a precomposed è and with e + a combining grave accent
        String precomposed = "ngh\u00e8o";
        String decomposed = "nghe\u0300o";

        // then
        assertThat(SearchText.normalize(precomposed)).isEqualTo(SearchText.normalize(decomposed)).isEqualTo("ngheo");
    }

    @Test
    void a_query_becomes_one_escaped_pattern_per_word_that_matches_with_or_without_diacritics() {
        // given
        String stored = SearchText.of("61/KH-UBND", "Kế hoạch thực hiện Nghị quyết về giảm nghèo bền vững");

        // when
        var plain = SearchText.queryPatterns("giam ngheo");
        var accented = SearchText.queryPatterns("Giảm  Nghèo");
        var special = SearchText.queryPatterns("61/KH-UBND (a+b)");

        // then
        assertThat(plain).containsExactly("giam", "ngheo").isEqualTo(accented);
        assertThat(plain).allMatch(word -> Pattern.compile(word).matcher(stored).find());
        assertThat(special).containsExactly("61/kh-ubnd", "\\(a\\+b\\)");
        assertThat(Pattern.compile(special.get(1)).matcher("x (a+b) y").find()).isTrue();
        assertThat(SearchText.queryPatterns("   ")).isEmpty();
    }
}
