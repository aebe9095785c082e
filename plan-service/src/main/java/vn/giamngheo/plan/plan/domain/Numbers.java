package vn.giamngheo.plan.plan.domain;

import java.math.BigDecimal;

/** Indicator values without meaningless trailing zeros, so 1.50 and 1.5 are the same value everywhere. */
final class Numbers {

    private Numbers() {
    }

    static BigDecimal normalize(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
