package vn.giamngheo.report.poverty.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact fraction. The Alkire–Foster identification compares a weighted sum with the cut-off k (c ≥ k); with
 * weights such as 1/12 or 1/3, floating-point sums fall just short of k (1/3 + 1/3 + 1/3 ≠ 1.0 in binary), which
 * would misidentify exactly the households on the cut-off. Fractions make such comparisons and the published worked
 * examples exact.
 */
public record Rational(BigInteger numerator, BigInteger denominator) implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    public Rational {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static Rational of(long numerator, long denominator) {
        return new Rational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Rational of(long whole) {
        return of(whole, 1);
    }

    /** Parses "1/3", "0.25" or "2". */
    public static Rational parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        if (slash > 0) {
            return new Rational(new BigInteger(value.substring(0, slash).trim()),
                    new BigInteger(value.substring(slash + 1).trim()));
        }
        BigDecimal decimal = new BigDecimal(value);
        return decimal.scale() <= 0 ? new Rational(decimal.toBigIntegerExact(), BigInteger.ONE)
                : new Rational(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
    }

    public Rational plus(Rational other) {
        return new Rational(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Rational times(Rational other) {
        return new Rational(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Rational times(long factor) {
        return new Rational(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    public Rational dividedBy(Rational other) {
        return new Rational(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public Rational dividedBy(long divisor) {
        return new Rational(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    public int signum() {
        return numerator.signum();
    }

    public BigDecimal toDecimal(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    public double toDouble() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(Rational other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
