package vn.giamngheo.report.poverty.domain;

import java.util.Map;

/**
 * An Alkire–Foster result: n units, q of them poor; H = q/n, A = average censored score of the poor, M0 = H × A;
 * and per indicator its weight, the uncensored and censored headcount ratios (share deprived; share poor and
 * deprived) and its contribution w·h/M0. All exact.
 */
public record MpiResult(long n, long q, Rational k, Rational h, Rational a, Rational m0,
                        Map<String, IndicatorResult> indicators) {

    public record IndicatorResult(Rational weight, Rational uncensoredHeadcount, Rational censoredHeadcount,
                                  Rational contribution) {
    }
}
