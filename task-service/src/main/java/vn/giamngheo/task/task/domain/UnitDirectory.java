package vn.giamngheo.task.task.domain;

import java.util.Optional;

/** Looks up units by code; the task-service answers from its local copy of plan.events. */
@FunctionalInterface
public interface UnitDirectory {

    Optional<UnitPeriod> find(String unitCode);
}
