package vn.giamngheo.report.poverty.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** The counts of one area as published; the rates follow from them exactly as they did when published. */
public record PublishedArea(AreaKind kind, String code, String name, long households, long poor, long nearPoor,
                            long middleIncome, Map<String, Long> deprivations) {

    public static PublishedArea of(AreaRate rate) {
        return new PublishedArea(rate.kind(), rate.code(), rate.name(), rate.households(), rate.poor(),
                rate.nearPoor(), rate.middleIncome(), new LinkedHashMap<>(rate.deprivations()));
    }

    public AreaRate toRate() {
        return AreaRate.of(kind, code, name, households, poor, nearPoor, middleIncome, deprivations);
    }
}
