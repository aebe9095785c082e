package vn.giamngheo.report.plan.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.plan.IndicatorAdded;
import vn.giamngheo.contracts.plan.IndicatorChanged;
import vn.giamngheo.contracts.plan.IndicatorRemoved;
import vn.giamngheo.contracts.plan.IndicatorSnapshot;
import vn.giamngheo.contracts.plan.IndicatorTargetsSet;
import vn.giamngheo.contracts.plan.ObjectiveAdded;
import vn.giamngheo.contracts.plan.ObjectiveChanged;
import vn.giamngheo.contracts.plan.ObjectiveRemoved;
import vn.giamngheo.contracts.plan.ObjectiveSnapshot;
import vn.giamngheo.contracts.plan.PlanRevised;
import vn.giamngheo.contracts.plan.TargetSnapshot;

/**
 * A plan's objectives and indicators (with baselines and targets), folded from its events: a draft's edits one by one,
 * a revision as the plan's whole content.
 */
public record PlanStructure(List<ObjectiveDef> objectives, List<IndicatorDef> indicators) {

    public static final PlanStructure EMPTY = new PlanStructure(List.of(), List.of());

    public PlanStructure {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public static boolean changesStructure(DomainEvent event) {
        return event instanceof ObjectiveAdded || event instanceof ObjectiveChanged || event instanceof ObjectiveRemoved
                || event instanceof IndicatorAdded || event instanceof IndicatorChanged
                || event instanceof IndicatorRemoved || event instanceof IndicatorTargetsSet
                || event instanceof PlanRevised;
    }

    /** The structure after the event; events that do not change it return this structure. */
    public PlanStructure apply(DomainEvent event) {
        if (event instanceof ObjectiveAdded e) {
            return withObjective(new ObjectiveDef(e.objectiveCode(), e.nameVi(), e.nameEn()));
        }
        if (event instanceof ObjectiveChanged e) {
            return withObjective(new ObjectiveDef(e.objectiveCode(), e.nameVi(), e.nameEn()));
        }
        if (event instanceof ObjectiveRemoved e) {
            List<String> removed = e.removedIndicatorCodes() == null ? List.of() : e.removedIndicatorCodes();
            return new PlanStructure(objectives.stream().filter(o -> !o.code().equals(e.objectiveCode())).toList(),
                    indicators.stream().filter(i -> !e.objectiveCode().equals(i.objectiveCode())
                            && !removed.contains(i.code())).toList());
        }
        if (event instanceof IndicatorAdded e) {
            return withIndicator(of(e.objectiveCode(), e.indicator()));
        }
        if (event instanceof IndicatorChanged e) {
            return withIndicator(of(e.objectiveCode(), e.indicator()));
        }
        if (event instanceof IndicatorRemoved e) {
            return new PlanStructure(objectives,
                    indicators.stream().filter(i -> !i.code().equals(e.indicatorCode())).toList());
        }
        if (event instanceof IndicatorTargetsSet e) {
            return new PlanStructure(objectives, indicators.stream()
                    .map(i -> i.code().equals(e.indicatorCode()) ? i.withTargets(targets(e.targets())) : i).toList());
        }
        if (event instanceof PlanRevised e) {
            return of(e.objectives());
        }
        return this;
    }

    public static PlanStructure of(List<ObjectiveSnapshot> snapshots) {
        List<ObjectiveDef> objectives = new ArrayList<>();
        List<IndicatorDef> indicators = new ArrayList<>();
        for (ObjectiveSnapshot o : snapshots == null ? List.<ObjectiveSnapshot>of() : snapshots) {
            objectives.add(new ObjectiveDef(o.code(), o.nameVi(), o.nameEn()));
            if (o.indicators() != null) {
                o.indicators().forEach(i -> indicators.add(of(o.code(), i)));
            }
        }
        return new PlanStructure(objectives, indicators);
    }

    private PlanStructure withObjective(ObjectiveDef objective) {
        List<ObjectiveDef> list = new ArrayList<>(objectives);
        int at = indexOf(list.stream().map(ObjectiveDef::code).toList(), objective.code());
        if (at < 0) {
            list.add(objective);
        } else {
            list.set(at, objective);
        }
        return new PlanStructure(list, indicators);
    }

    private PlanStructure withIndicator(IndicatorDef indicator) {
        List<IndicatorDef> list = new ArrayList<>(indicators);
        int at = indexOf(list.stream().map(IndicatorDef::code).toList(), indicator.code());
        if (at < 0) {
            list.add(indicator);
        } else {
            list.set(at, indicator);
        }
        return new PlanStructure(objectives, list);
    }

    private static int indexOf(List<String> codes, String code) {
        for (int i = 0; i < codes.size(); i++) {
            if (Objects.equals(codes.get(i), code)) {
                return i;
            }
        }
        return -1;
    }

    private static IndicatorDef of(String objectiveCode, IndicatorSnapshot s) {
        return new IndicatorDef(s.code(), objectiveCode, s.nameVi(), s.nameEn(), s.unitOfMeasure(), s.direction(),
                s.baselineYear(), s.baselineValue(), s.measurementLevel(), targets(s.targets()));
    }

    private static List<TargetDef> targets(List<TargetSnapshot> snapshots) {
        return snapshots == null ? List.of()
                : snapshots.stream().map(t -> new TargetDef(t.year(), t.areaCode(), t.value())).toList();
    }
}
