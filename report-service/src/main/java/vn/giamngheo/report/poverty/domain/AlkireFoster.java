package vn.giamngheo.report.poverty.domain;

import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Alkire–Foster adjusted headcount ratio M0 with its partial indices (Alkire &amp; Foster 2011, "Counting and
 * multidimensional poverty measurement", J. Public Economics 95: 476–487). Deprivation score c_i = Σ w_j g_ij; poor
 * when c_i ≥ k; censored score c_i(k) = c_i if poor else 0; H = q/n; A = Σ c_i(k)/q; M0 = H·A = Σ c_i(k)/n;
 * censored headcount h_j = share poor and deprived in j; M0 = Σ w_j h_j; contribution of j = w_j h_j / M0.
 *
 * <p>Units are added one at a time, so any number streams through an accumulator in constant memory. Scores are
 * kept as whole multiples of 1/lcd(weights), which keeps the arithmetic exact and fast.
 */
public final class AlkireFoster {

    private final MpiSpec spec;
    private final List<String> indicators;
    private final long[] units;
    private final BigInteger scale;
    private final BigInteger kNumeratorScaled;
    private final BigInteger kDenominator;

    public AlkireFoster(MpiSpec spec) {
        this.spec = spec;
        this.indicators = List.copyOf(spec.weights().keySet());
        this.scale = spec.commonDenominator();
        this.units = new long[indicators.size()];
        for (int j = 0; j < indicators.size(); j++) {
            Rational w = spec.weights().get(indicators.get(j));
            units[j] = w.numerator().multiply(scale.divide(w.denominator())).longValueExact();
        }
        this.kNumeratorScaled = spec.k().numerator().multiply(scale);
        this.kDenominator = spec.k().denominator();
    }

    public MpiSpec spec() {
        return spec;
    }

    public Accumulator accumulator() {
        return new Accumulator();
    }

    /** Measures a whole population given as the set of indicators each unit is deprived in. */
    public MpiResult measure(List<? extends Collection<String>> deprivations) {
        Accumulator accumulator = accumulator();
        deprivations.forEach(accumulator::add);
        return accumulator.result();
    }

    /** Adds units one by one; not thread-safe. */
    public final class Accumulator {
        private long n;
        private long q;
        private long censoredScoreUnits;
        private final long[] deprived = new long[indicators.size()];
        private final long[] poorAndDeprived = new long[indicators.size()];

        /** Adds one unit; indicators outside the weights are ignored. */
        public void add(Collection<String> deprivedIn) {
            n++;
            long score = 0;
            boolean[] flags = new boolean[indicators.size()];
            for (int j = 0; j < indicators.size(); j++) {
                if (deprivedIn.contains(indicators.get(j))) {
                    flags[j] = true;
                    deprived[j]++;
                    score += units[j];
                }
            }
            // c ≥ k  ⇔  score/scale ≥ kNum/kDen  ⇔  score·kDen ≥ kNum·scale
            if (BigInteger.valueOf(score).multiply(kDenominator).compareTo(kNumeratorScaled) >= 0) {
                q++;
                censoredScoreUnits += score;
                for (int j = 0; j < flags.length; j++) {
                    if (flags[j]) {
                        poorAndDeprived[j]++;
                    }
                }
            }
        }

        public long units() {
            return n;
        }

        public MpiResult result() {
            Rational sumCensored = new Rational(BigInteger.valueOf(censoredScoreUnits), scale);
            Rational h = n == 0 ? Rational.ZERO : Rational.of(q, n);
            Rational a = q == 0 ? Rational.ZERO : sumCensored.dividedBy(q);
            Rational m0 = n == 0 ? Rational.ZERO : sumCensored.dividedBy(n);
            Map<String, MpiResult.IndicatorResult> results = new LinkedHashMap<>();
            for (int j = 0; j < indicators.size(); j++) {
                Rational weight = spec.weights().get(indicators.get(j));
                Rational uncensored = n == 0 ? Rational.ZERO : Rational.of(deprived[j], n);
                Rational censored = n == 0 ? Rational.ZERO : Rational.of(poorAndDeprived[j], n);
                Rational contribution = m0.signum() == 0 ? Rational.ZERO : weight.times(censored).dividedBy(m0);
                results.put(indicators.get(j),
                        new MpiResult.IndicatorResult(weight, uncensored, censored, contribution));
            }
            return new MpiResult(n, q, spec.k(), h, a, m0, results);
        }
    }
}
