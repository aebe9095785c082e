package vn.giamngheo.report.poverty.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.report.poverty.domain.AreaKind;
import vn.giamngheo.report.poverty.domain.MpiResult;
import vn.giamngheo.report.poverty.domain.Rational;
import vn.giamngheo.report.poverty.review.ReviewQueries;

/**
 * The Alkire–Foster measure by area. Every ratio is given exactly (a fraction) and as a decimal rounded to six
 * places; H, A, M0 and the headcounts are shares (0–1), not percentages.
 */
public record MpiResponse(int year, String standardCode, AreaKind by, Ratio k, Map<String, Ratio> weights,
                          List<Area> areas) {

    /** A ratio exactly and as a decimal. */
    public record Ratio(String exact, BigDecimal value) {
        static Ratio of(Rational r) {
            return new Ratio(r.toString(), r.toDecimal(6));
        }
    }

    public record IndicatorResult(String code, Ratio weight, Ratio uncensoredHeadcount, Ratio censoredHeadcount,
                                  Ratio contribution) {
    }

    public record Area(AreaKind kind, String code, String name, long n, long q, Ratio h, Ratio a, Ratio m0,
                       List<IndicatorResult> indicators) {
    }

    static MpiResponse of(int year, ReviewQueries.Mpi mpi) {
        Map<String, Ratio> w = new LinkedHashMap<>();
        mpi.spec().weights().forEach((code, weight) -> w.put(code, Ratio.of(weight)));
        List<Area> areas = new ArrayList<>();
        for (ReviewQueries.AreaMpi area : mpi.areas()) {
            MpiResult r = area.result();
            List<IndicatorResult> indicators = new ArrayList<>();
            r.indicators().forEach((code, ind) -> indicators.add(new IndicatorResult(code, Ratio.of(ind.weight()),
                    Ratio.of(ind.uncensoredHeadcount()), Ratio.of(ind.censoredHeadcount()),
                    Ratio.of(ind.contribution()))));
            areas.add(new Area(area.kind(), area.code(), area.name(), r.n(), r.q(), Ratio.of(r.h()), Ratio.of(r.a()),
                    Ratio.of(r.m0()), indicators));
        }
        return new MpiResponse(year, mpi.standardCode(), mpi.by(), Ratio.of(mpi.spec().k()), w, areas);
    }
}
