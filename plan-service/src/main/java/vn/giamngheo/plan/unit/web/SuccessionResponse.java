package vn.giamngheo.plan.unit.web;

import java.time.LocalDate;
import java.util.List;

/** What became of a unit on a date: the units valid then that it turned into (itself, if it still existed). */
public record SuccessionResponse(String unitCode, LocalDate on, List<UnitResponse> units) {
}
