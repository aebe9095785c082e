package vn.giamngheo.report.poverty.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.report.poverty.domain.EthnicGroups;
import vn.giamngheo.report.poverty.domain.MovementTable;
import vn.giamngheo.report.poverty.domain.PovertyStandard;
import vn.giamngheo.report.poverty.domain.PovertyStandards;
import vn.giamngheo.report.poverty.domain.UnitCrosswalk;
import vn.giamngheo.report.poverty.indicators.IndicatorActuals;
import vn.giamngheo.report.poverty.review.ReviewQueries;
import vn.giamngheo.support.domain.NotFoundException;

@RestController
@RequestMapping("/api/v1/poverty")
@Tag(name = "Poverty analysis", description = "Biến động hộ nghèo (thoát nghèo, tái nghèo, phát sinh nghèo), "
        + "household history, indicator actuals, the standards and the unit crosswalk")
public class PovertyAnalysisController {

    private final ReviewQueries queries;
    private final IndicatorActuals actuals;
    private final PovertyStandards standards;
    private final UnitCrosswalk units;
    private final EthnicGroups ethnicGroups;

    public PovertyAnalysisController(ReviewQueries queries, IndicatorActuals actuals, PovertyStandards standards,
                                     UnitCrosswalk units, EthnicGroups ethnicGroups) {
        this.queries = queries;
        this.actuals = actuals;
        this.standards = standards;
        this.units = units;
        this.ethnicGroups = ethnicGroups;
    }

    @GetMapping("/movements")
    @Operation(summary = "Movements between two reviews by commune (in the later review's units, through the "
            + "crosswalk) or ethnic group: escaped, re-poverty, new poverty, remained poor, and households that "
            + "appeared or left. Households are matched by their stable code across every review on record. Public "
            + "when both reviews are published; readers only otherwise")
    public ReviewQueries.Movements movements(@RequestParam @Min(2000) @Max(2100) int from,
                                             @RequestParam @Min(2000) @Max(2100) int to,
                                             @RequestParam(defaultValue = "COMMUNE") MovementTable.By by) {
        return queries.movements(from, to, by);
    }

    @GetMapping("/households/{householdCode}")
    @Operation(summary = "One household across every review on record, each with its classification and reasons. "
            + "Personal data: signed-in readers only")
    public List<HouseholdResponse> household(@PathVariable String householdCode) {
        return queries.householdHistory(householdCode.toUpperCase(Locale.ROOT)).stream()
                .map(stored -> HouseholdResponse.of(stored, queries.standardOf(stored.record().year()), units,
                        ethnicGroups)).toList();
    }

    @GetMapping("/indicator-actuals")
    @Operation(summary = "Published results recorded as indicator actuals (MPR, POOR_RATE, NEAR_POOR_RATE, "
            + "HOUSEHOLDS, POOR_HOUSEHOLDS, NEAR_POOR_HOUSEHOLDS by province, former district and commune; MPR_EM, "
            + "POOR_RATE_EM, NEAR_POOR_RATE_EM for the province); public")
    public List<IndicatorActuals.Actual> indicatorActuals(@RequestParam(required = false) String indicatorCode,
                                                          @RequestParam(required = false) String areaCode,
                                                          @RequestParam(required = false) Integer year) {
        return actuals.find(indicatorCode, areaCode, year);
    }

    @GetMapping("/standards")
    @Operation(summary = "The national poverty standards: years, income lines, middle-income ceilings, "
            + "dimensions and indicators, cut-off")
    public List<PovertyStandard> standards() {
        return standards.all();
    }

    @GetMapping("/standards/{code}")
    @Operation(summary = "One standard")
    public PovertyStandard standard(@PathVariable String code) {
        return standards.byCode(code).orElseThrow(() -> new NotFoundException("Poverty standard", code));
    }

    @GetMapping("/units")
    @Operation(summary = "The commune crosswalk (sample: the demo communes): former communes and districts, the "
            + "units they became on 01/07/2025")
    public UnitCrosswalk units() {
        return units;
    }
}
