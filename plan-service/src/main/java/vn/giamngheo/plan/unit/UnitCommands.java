package vn.giamngheo.plan.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import vn.giamngheo.plan.unit.domain.Unit;
import vn.giamngheo.plan.unit.domain.UnitData;
import vn.giamngheo.plan.unit.domain.UnitImport;
import vn.giamngheo.plan.unit.domain.UnitReferences;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StaleVersionException;
import vn.giamngheo.support.domain.StateConflictException;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.Versioned;

/** Registers, changes, retires and imports units; each stored change is one unit event on plan.events. */
@Service
public class UnitCommands {

    private final UnitStore store;
    private final AggregateStore<Unit> units;
    private final Clock clock;

    public UnitCommands(UnitStore store, Clock clock) {
        this.store = store;
        this.units = store.aggregates();
        this.clock = clock;
    }

    public Versioned<Unit> register(UnitData data) {
        requireValid(data);
        if (store.find(data.code()).isPresent()) {
            throw new StateConflictException("already-exists", "Unit " + data.code() + " exists; change it instead");
        }
        Change<Unit> change = Unit.register(data, clock.instant());
        return units.create(data.code(), change.state(), change.event());
    }

    /** Replaces a unit's state; a request that changes nothing stores nothing and publishes nothing. */
    public Versioned<Unit> change(String code, Long expectedVersion, UnitData data) {
        Versioned<Unit> current = current(code, expectedVersion);
        Optional<Change<Unit>> change = current.state().revise(current.version(), data, clock.instant());
        if (change.isEmpty()) {
            return current;
        }
        requireValid(data);
        return units.update(code, current.version(), change.get().state(), change.get().event());
    }

    public Versioned<Unit> retire(String code, Long expectedVersion, LocalDate lastDay, List<String> successors) {
        Versioned<Unit> current = current(code, expectedVersion);
        Change<Unit> change = current.state().retire(current.version(), lastDay, successors, clock.instant());
        requireValid(change.state().data());
        return units.update(code, current.version(), change.state(), change.event());
    }

    /**
     * Imports units line by line: bad lines are reported and the good ones stored, each as one event. Importing the
     * same lines again changes nothing. {@link UnitImport.Mode#ONLY_ABSENT} adds missing units and leaves stored
     * ones as they are (used to seed reference data without undoing users' corrections).
     */
    public ImportReport importUnits(List<UnitImport.Line> lines, UnitImport.Mode mode) {
        Map<String, Versioned<Unit>> stored = storedUnitsReferredToBy(lines);
        Function<String, Optional<Unit>> lookup = code -> Optional.ofNullable(stored.get(code)).map(Versioned::state);
        List<ImportReport.LineOutcome> outcomes = new ArrayList<>();
        for (UnitImport.Decision decision : UnitImport.decide(lines, lookup, mode)) {
            outcomes.add(carryOut(decision, stored, mode));
        }
        return ImportReport.of(outcomes);
    }

    private ImportReport.LineOutcome carryOut(UnitImport.Decision decision, Map<String, Versioned<Unit>> stored,
                                              UnitImport.Mode mode) {
        try {
            switch (decision.action()) {
                case CREATE -> {
                    Change<Unit> change = Unit.register(decision.data(), clock.instant());
                    units.create(decision.code(), change.state(), change.event());
                }
                case CHANGE -> {
                    Versioned<Unit> current = stored.get(decision.code());
                    current.state().revise(current.version(), decision.data(), clock.instant()).ifPresent(change ->
                            units.update(decision.code(), current.version(), change.state(), change.event()));
                }
                default -> {
                    // REJECTED, UNCHANGED and SKIPPED_EXISTING store nothing.
                }
            }
            return ImportReport.LineOutcome.of(decision);
        } catch (StaleVersionException e) {
            return ImportReport.LineOutcome.failed(decision, new FieldViolation("code",
                    "unit " + decision.code() + " was changed meanwhile; import the line again"));
        } catch (StateConflictException e) {
            if (mode == UnitImport.Mode.ONLY_ABSENT) {
                return new ImportReport.LineOutcome(decision.line(), decision.code(),
                        UnitImport.Action.SKIPPED_EXISTING, List.of());
            }
            return ImportReport.LineOutcome.failed(decision, new FieldViolation("code",
                    "unit " + decision.code() + " was registered meanwhile; import the line again"));
        }
    }

    private Map<String, Versioned<Unit>> storedUnitsReferredToBy(List<UnitImport.Line> lines) {
        Set<String> codes = new HashSet<>();
        for (UnitImport.Line line : lines) {
            UnitData data = line.data();
            if (data != null) {
                if (data.code() != null) {
                    codes.add(data.code());
                }
                if (data.parentCode() != null) {
                    codes.add(data.parentCode());
                }
                codes.addAll(data.successorCodes());
            }
        }
        return new HashMap<>(store.findAll(codes));
    }

    private Versioned<Unit> current(String code, Long expectedVersion) {
        Versioned<Unit> current = units.get(code);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("Unit", code, expectedVersion, current.version());
        }
        return current;
    }

    /** The unit's own rules and its references, all reported at once. */
    private void requireValid(UnitData data) {
        List<FieldViolation> violations = new ArrayList<>(Unit.violations(data));
        violations.addAll(UnitReferences.violations(data, store::find));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
