package vn.giamngheo.report.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.ReportSettings;
import vn.giamngheo.report.calendar.ProvinceCalendar;
import vn.giamngheo.report.indicator.domain.Actual;
import vn.giamngheo.report.indicator.domain.IndicatorStatusRule;
import vn.giamngheo.report.indicator.domain.Judgement;
import vn.giamngheo.report.indicator.domain.Point;
import vn.giamngheo.report.plan.PlanViews;
import vn.giamngheo.report.plan.PlanVisibility;
import vn.giamngheo.report.plan.domain.IndicatorDef;
import vn.giamngheo.report.plan.domain.PlanRecord;
import vn.giamngheo.report.plan.domain.TargetDef;
import vn.giamngheo.report.poverty.indicators.IndicatorActuals;
import vn.giamngheo.report.submission.SubmissionStore;
import vn.giamngheo.report.submission.domain.IndicatorValue;
import vn.giamngheo.report.submission.domain.Submission;
import vn.giamngheo.report.unit.UnitViews;
import vn.giamngheo.support.domain.NotFoundException;

/**
 * The indicator table: each plan indicator's baseline and targets (from plan.events) against its actuals — the
 * values of approved periodic reports and the published household poverty reviews' figures — with the status
 * projected by {@link IndicatorStatusRule}. Computed when asked.
 *
 * <p>Poverty-review actuals are matched by indicator code (the review's own codes such as {@code MPR}, or a plan code
 * mapped to one in {@code giamngheo.report.indicators.poverty-codes}, e.g. {@code TL-HN → MPR}) and by area: the
 * plan's whole area is the province, a former district {@code H-118} is the review's district {@code 118}, a commune
 * is its code.
 */
@Component
public class IndicatorQuery {

    private final PlanViews plans;
    private final SubmissionStore submissions;
    private final IndicatorActuals povertyActuals;
    private final UnitViews units;
    private final ProvinceCalendar calendar;
    private final ReportSettings.Indicators settings;
    private final IndicatorStatusRule rule;

    public IndicatorQuery(PlanViews plans, SubmissionStore submissions, IndicatorActuals povertyActuals,
                          UnitViews units, ProvinceCalendar calendar, ReportSettings settings) {
        this.plans = plans;
        this.submissions = submissions;
        this.povertyActuals = povertyActuals;
        this.units = units;
        this.calendar = calendar;
        this.settings = settings.indicators();
        this.rule = new IndicatorStatusRule(this.settings.atRiskShare());
    }

    /**
     * What the table is narrowed to; all optional. {@code planWideOnly} leaves out area rows; {@code fromYear} leaves
     * out earlier target years.
     */
    public record Filter(String planId, boolean includeSubPlans, String indicatorCode, Integer year, Integer fromYear,
                         String areaCode, boolean planWideOnly) {

        public static Filter of(String planId) {
            return new Filter(planId, false, null, null, null, null, false);
        }
    }

    public List<IndicatorRow> rows(Filter filter) {
        return rows(filter, false);
    }

    /** As {@link #rows(Filter)}; {@code withoutDrafts}: DRAFT plans are unknown (the public's view). */
    public List<IndicatorRow> rows(Filter filter, boolean withoutDrafts) {
        List<PlanRecord> selected;
        if (filter.planId() != null) {
            PlanRecord plan = plans.find(filter.planId()).filter(p -> !withoutDrafts || !PlanVisibility.isDraft(p))
                    .orElseThrow(() -> new NotFoundException("Plan", filter.planId()));
            selected = filter.includeSubPlans() ? plans.withDescendants(plan) : List.of(plan);
        } else {
            selected = plans.all();
        }
        selected = selected.stream().filter(p -> !p.structure().indicators().isEmpty())
                .filter(p -> !withoutDrafts || !PlanVisibility.isDraft(p)).toList();
        Map<String, List<Actual>> submitted = submittedActuals(selected.stream().map(PlanRecord::id).toList());
        List<IndicatorRow> rows = new ArrayList<>();
        for (PlanRecord plan : selected) {
            for (IndicatorDef indicator : plan.structure().indicators()) {
                if (filter.indicatorCode() != null && !filter.indicatorCode().equals(indicator.code())) {
                    continue;
                }
                List<Actual> actuals = new ArrayList<>(submitted.getOrDefault(plan.id() + "|" + indicator.code(),
                        List.of()));
                actuals.addAll(povertyActuals(indicator));
                rows.addAll(rowsOf(plan, indicator, actuals, filter));
            }
        }
        Set<String> areaCodes = new TreeSet<>();
        rows.forEach(r -> {
            if (r.areaCode() != null) {
                areaCodes.add(r.areaCode());
            }
        });
        if (!areaCodes.isEmpty()) {
            Map<String, String> unitNames = units.namesOf(areaCodes);
            rows.replaceAll(r -> r.areaCode() == null ? r : withAreaName(r, unitNames.get(r.areaCode())));
        }
        return rows;
    }

    private List<IndicatorRow> rowsOf(PlanRecord plan, IndicatorDef indicator, List<Actual> actuals, Filter filter) {
        Set<String> areas = new LinkedHashSet<>();
        areas.add(null);
        indicator.targets().stream().map(TargetDef::areaCode).filter(Objects::nonNull).sorted().forEach(areas::add);
        actuals.stream().filter(a -> Actual.SUBMISSION.equals(a.source())).map(Actual::areaCode)
                .filter(Objects::nonNull).sorted().forEach(areas::add);
        List<IndicatorRow> rows = new ArrayList<>();
        for (String area : areas) {
            if (filter.planWideOnly() && area != null
                    || filter.areaCode() != null && !filter.areaCode().equals(area)) {
                continue;
            }
            List<Actual> ofArea = actuals.stream().filter(a -> Objects.equals(a.areaCode(), area))
                    .sorted(Actual.CHRONOLOGICAL).toList();
            TreeSet<Integer> years = new TreeSet<>();
            indicator.targets().stream().filter(t -> Objects.equals(t.areaCode(), area)).map(TargetDef::year)
                    .forEach(years::add);
            if (filter.year() != null) {
                years.retainAll(Set.of(filter.year()));
                if (years.isEmpty()) {
                    years.add(filter.year());
                }
            } else if (years.isEmpty()) {
                years.add(ofArea.isEmpty() ? calendar.today().getYear() : ofArea.get(ofArea.size() - 1).year());
            }
            if (filter.fromYear() != null) {
                years.removeIf(y -> y < filter.fromYear());
            }
            for (int year : years) {
                rows.add(row(plan, indicator, area, year, ofArea));
            }
        }
        return rows;
    }

    private IndicatorRow row(PlanRecord plan, IndicatorDef indicator, String area, int year, List<Actual> ofArea) {
        Actual latest = null;
        for (Actual actual : ofArea) {
            if (actual.year() <= year) {
                latest = actual;
            }
        }
        Point start = new Point(indicator.baselineYear(), indicator.baselineValue());
        if (area != null) {
            // Area targets start from the area's own level, not the plan-wide baseline: the trend starts at the
            // area's earliest actual when there is one before the latest.
            Actual first = ofArea.isEmpty() ? null : ofArea.get(0);
            start = first != null && latest != null && first.year() < latest.year()
                    ? new Point(first.year(), first.value()) : null;
        }
        BigDecimal target = indicator.target(year, area).map(TargetDef::value).orElse(null);
        Judgement judgement = rule.judge(indicator.direction(), start,
                latest == null ? null : new Point(latest.year(), latest.value()),
                target == null ? null : new Point(year, target));
        return new IndicatorRow(plan.id(), plan.code(), indicator.objectiveCode(), indicator.code(),
                indicator.nameVi(), indicator.nameEn(), indicator.unitOfMeasure(), indicator.direction(),
                indicator.measurementLevel(), area, null, year, indicator.baselineYear(),
                indicator.baselineValue(), target, view(latest), judgement.projectedValue(), judgement.status(),
                ofArea.stream().map(IndicatorQuery::view).toList());
    }

    private Map<String, List<Actual>> submittedActuals(Collection<String> planIds) {
        Map<String, List<Actual>> byIndicator = new HashMap<>();
        if (planIds.isEmpty()) {
            return byIndicator;
        }
        for (Submission s : submissions.approvedFor(planIds)) {
            for (IndicatorValue v : s.values()) {
                byIndicator.computeIfAbsent(v.planId() + "|" + v.indicatorCode(), k -> new ArrayList<>())
                        .add(new Actual(v.areaCode(), s.year(), s.period(), s.periodEnd(), v.value(),
                                Actual.SUBMISSION, s.id(), s.approvedAt()));
            }
        }
        return byIndicator;
    }

    private List<Actual> povertyActuals(IndicatorDef indicator) {
        String code = settings.povertyCodes().getOrDefault(indicator.code(), indicator.code());
        Set<String> targetAreas = new HashSet<>();
        indicator.targets().stream().map(TargetDef::areaCode).filter(Objects::nonNull).forEach(targetAreas::add);
        List<Actual> actuals = new ArrayList<>();
        for (IndicatorActuals.Actual a : povertyActuals.find(code, null, null)) {
            String area;
            if ("PROVINCE".equals(a.areaKind())) {
                if (!settings.provinceCode().equals(a.areaCode())) {
                    continue;
                }
                area = null;
            } else {
                // Only areas the plan sets targets for: a province plan does not list every commune.
                List<String> candidates = "FORMER_DISTRICT".equals(a.areaKind())
                        ? List.of("H-" + a.areaCode(), a.areaCode()) : List.of(a.areaCode());
                area = candidates.stream().filter(targetAreas::contains).findFirst().orElse(null);
                if (area == null) {
                    continue;
                }
            }
            actuals.add(new Actual(area, a.year(), String.valueOf(a.year()), LocalDate.of(a.year(), 12, 31),
                    BigDecimal.valueOf(a.value()), Actual.POVERTY_REVIEW, a.reviewId() + " (lần " + a.revision() + ")",
                    null));
        }
        return actuals;
    }

    private static IndicatorRow.ActualView view(Actual a) {
        return a == null ? null : new IndicatorRow.ActualView(a.year(), a.period(), a.value(), a.source(),
                a.reference());
    }

    private static IndicatorRow withAreaName(IndicatorRow r, String name) {
        return new IndicatorRow(r.planId(), r.planCode(), r.objectiveCode(), r.indicatorCode(), r.nameVi(),
                r.nameEn(), r.unitOfMeasure(), r.direction(), r.measurementLevel(), r.areaCode(), name, r.year(),
                r.baselineYear(), r.baselineValue(), r.target(), r.latestActual(), r.projectedValue(), r.status(),
                r.actuals());
    }
}
