package vn.giamngheo.report.poverty.domain;

import java.util.List;

/** A basic social service (dimension) and its indicators. */
public record Dimension(String code, String nameVi, String nameEn, List<Indicator> indicators) {

    public Dimension {
        indicators = List.copyOf(indicators);
    }
}
