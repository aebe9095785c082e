package vn.giamngheo.report.poverty.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;

/**
 * The choices of an Alkire–Foster measure: the weight of each indicator (positive, summing to 1) and the poverty
 * cut-off k (0 < k ≤ 1) on the weighted deprivation score.
 */
public record MpiSpec(Map<String, Rational> weights, Rational k) {

    public MpiSpec {
        List<FieldViolation> violations = new ArrayList<>();
        if (weights.isEmpty()) {
            violations.add(new FieldViolation("weights", "at least one indicator is needed"));
        }
        Rational sum = Rational.ZERO;
        for (Map.Entry<String, Rational> weight : weights.entrySet()) {
            if (weight.getValue().signum() <= 0) {
                violations.add(new FieldViolation("weights", "the weight of " + weight.getKey() + " must be > 0"));
            }
            sum = sum.plus(weight.getValue());
        }
        if (!weights.isEmpty() && sum.compareTo(Rational.ONE) != 0) {
            violations.add(new FieldViolation("weights", "the weights must sum to 1, they sum to " + sum));
        }
        if (k.signum() <= 0 || k.compareTo(Rational.ONE) > 0) {
            violations.add(new FieldViolation("k", "k must be > 0 and ≤ 1, it is " + k));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /**
     * Equal nested weights: each dimension of the standard gets the same share, split equally among its indicators
     * (the convention of the global MPI).
     */
    public static Map<String, Rational> equalNestedWeights(PovertyStandard standard) {
        Map<String, Rational> weights = new LinkedHashMap<>();
        int dimensions = standard.dimensions().size();
        for (Dimension dimension : standard.dimensions()) {
            for (Indicator indicator : dimension.indicators()) {
                weights.put(indicator.code(), Rational.of(1, (long) dimensions * dimension.indicators().size()));
            }
        }
        return weights;
    }

    /** The default cut-off: the standard's deprivation count as a share of its indicators (3 of 12 = 1/4). */
    public static Rational defaultK(PovertyStandard standard) {
        return Rational.of(standard.deprivationCutoff(), standard.indicators().size());
    }

    /** The least common denominator of the weights: scores are counted in whole units of 1/lcd. */
    BigInteger commonDenominator() {
        BigInteger lcd = BigInteger.ONE;
        for (Rational weight : weights.values()) {
            lcd = lcd.divide(lcd.gcd(weight.denominator())).multiply(weight.denominator());
        }
        return lcd;
    }
}
