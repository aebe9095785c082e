package vn.giamngheo.plan.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.plan.plan.domain.Direction;
import vn.giamngheo.plan.plan.domain.Indicator;
import vn.giamngheo.plan.plan.domain.MeasurementLevel;
import vn.giamngheo.plan.plan.domain.Objective;
import vn.giamngheo.plan.plan.domain.Plan;
import vn.giamngheo.plan.plan.domain.PlanKind;
import vn.giamngheo.plan.plan.domain.PlanStatus;
import vn.giamngheo.plan.plan.domain.Program;
import vn.giamngheo.plan.plan.domain.YearlyTarget;
import vn.giamngheo.support.outbox.Versioned;

public record PlanResponse(String id, long version, String code, String title, PlanKind kind, Program program,
                           String issuingUnitCode, String parentPlanId, LocalDate periodStart, LocalDate periodEnd,
                           PlanStatus status, LocalDate issuedOn, String cancellationReason, int revisionCount,
                           List<ObjectiveResponse> objectives) {

    public record ObjectiveResponse(String code, String nameVi, String nameEn, List<IndicatorResponse> indicators) {

        static ObjectiveResponse of(Objective o) {
            return new ObjectiveResponse(o.code(), o.nameVi(), o.nameEn(),
                    o.indicators().stream().map(IndicatorResponse::of).toList());
        }
    }

    public record IndicatorResponse(String code, String nameVi, String nameEn, String unitOfMeasure,
                                    Direction direction, int baselineYear, BigDecimal baselineValue,
                                    MeasurementLevel measurementLevel, boolean allowTargetsAgainstDirection,
                                    List<TargetResponse> targets) {

        static IndicatorResponse of(Indicator i) {
            return new IndicatorResponse(i.code(), i.nameVi(), i.nameEn(), i.unitOfMeasure(), i.direction(),
                    i.baselineYear(), i.baselineValue(), i.measurementLevel(), i.allowTargetsAgainstDirection(),
                    i.targets().stream().map(TargetResponse::of).toList());
        }
    }

    public record TargetResponse(int year, String areaCode, BigDecimal value) {

        static TargetResponse of(YearlyTarget t) {
            return new TargetResponse(t.year(), t.areaCode(), t.value());
        }
    }

    static PlanResponse of(Versioned<Plan> versioned) {
        Plan p = versioned.state();
        return new PlanResponse(versioned.id(), versioned.version(), p.code(), p.title(), p.kind(), p.program(),
                p.issuingUnitCode(), p.parentPlanId(), p.periodStart(), p.periodEnd(), p.status(), p.issuedOn(),
                p.cancellationReason(), p.revisions().size(),
                p.objectives().stream().map(ObjectiveResponse::of).toList());
    }
}
