package vn.giamngheo.plan.plan.domain;

import java.util.List;
import vn.giamngheo.contracts.plan.ObjectiveSnapshot;

/** An objective (mục tiêu) of a plan with its indicators. */
public record Objective(String code, String nameVi, String nameEn, List<Indicator> indicators) {

    public Objective {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    ObjectiveSnapshot snapshot() {
        return new ObjectiveSnapshot(code, nameVi, nameEn, indicators.stream().map(Indicator::snapshot).toList());
    }
}
