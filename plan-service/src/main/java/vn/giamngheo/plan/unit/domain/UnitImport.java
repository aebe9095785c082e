package vn.giamngheo.plan.unit.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.giamngheo.support.domain.FieldViolation;

/**
 * Decides, line by line, what a bulk import does: bad lines are rejected with their errors and the good ones kept.
 * A line may refer to units stored earlier or to units on other good lines of the same import (a merged commune
 * names its successor, which may come later in the file); a line whose reference is rejected is rejected in turn.
 */
public final class UnitImport {

    /** How existing units are treated: an import replaces them; seeding reference data leaves them alone. */
    public enum Mode { UPSERT, ONLY_ABSENT }

    public enum Action { CREATE, CHANGE, UNCHANGED, SKIPPED_EXISTING, REJECTED }

    /** One line as read: its unit, or the errors that kept it from being read. */
    public record Line(int number, UnitData data, List<FieldViolation> readErrors) {

        public Line {
            readErrors = readErrors == null ? List.of() : List.copyOf(readErrors);
        }

        public static Line of(int number, UnitData data) {
            return new Line(number, data, List.of());
        }
    }

    /** What happens to one line; {@code current} is the stored unit it changes, if any. */
    public record Decision(int line, String code, Action action, UnitData data, Unit current,
                           List<FieldViolation> errors) {
    }

    private UnitImport() {
    }

    public static List<Decision> decide(List<Line> lines, Function<String, Optional<Unit>> stored, Mode mode) {
        // Keyed by position in the import, since lines from several files may share a line number.
        Map<Integer, List<FieldViolation>> rejected = new HashMap<>();
        Map<String, Integer> candidates = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            List<FieldViolation> errors = new ArrayList<>(line.readErrors());
            if (errors.isEmpty()) {
                errors.addAll(Unit.violations(line.data()));
            }
            String code = line.data() == null ? null : line.data().code();
            if (errors.isEmpty() && candidates.containsKey(code)) {
                errors.add(new FieldViolation("code", code + " is already on line "
                        + lines.get(candidates.get(code)).number()));
            }
            if (errors.isEmpty()) {
                candidates.put(code, i);
            } else {
                rejected.put(i, errors);
            }
        }
        // Rejecting a line can break a line that refers to it, so check again until nothing more is rejected.
        boolean changed = true;
        while (changed) {
            changed = false;
            Function<String, Optional<Unit>> view = code -> effective(code, lines, candidates, stored, mode);
            for (Map.Entry<String, Integer> candidate : List.copyOf(candidates.entrySet())) {
                if (mode == Mode.ONLY_ABSENT && stored.apply(candidate.getKey()).isPresent()) {
                    continue;
                }
                List<FieldViolation> errors = UnitReferences.violations(lines.get(candidate.getValue()).data(), view);
                if (!errors.isEmpty()) {
                    candidates.remove(candidate.getKey());
                    rejected.put(candidate.getValue(), errors);
                    changed = true;
                }
            }
        }
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String code = line.data() == null ? null : line.data().code();
            if (rejected.containsKey(i)) {
                decisions.add(new Decision(line.number(), code, Action.REJECTED, line.data(), null, rejected.get(i)));
                continue;
            }
            Optional<Unit> current = stored.apply(code);
            Action action;
            if (current.isEmpty()) {
                action = Action.CREATE;
            } else if (mode == Mode.ONLY_ABSENT) {
                action = Action.SKIPPED_EXISTING;
            } else if (Unit.of(line.data()).equals(current.get())) {
                action = Action.UNCHANGED;
            } else {
                action = Action.CHANGE;
            }
            decisions.add(new Decision(line.number(), code, action, line.data(), current.orElse(null), List.of()));
        }
        return decisions;
    }

    private static Optional<Unit> effective(String code, List<Line> lines, Map<String, Integer> candidates,
                                            Function<String, Optional<Unit>> stored, Mode mode) {
        Optional<Unit> existing = stored.apply(code);
        Integer index = candidates.get(code);
        if (index == null || (mode == Mode.ONLY_ABSENT && existing.isPresent())) {
            return existing;
        }
        return Optional.of(Unit.of(lines.get(index).data()));
    }
}
