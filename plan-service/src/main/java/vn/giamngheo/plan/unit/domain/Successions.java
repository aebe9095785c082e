package vn.giamngheo.plan.unit.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** "What became of unit X on date D": the units valid on D reached from X by following successor links. */
public final class Successions {

    private Successions() {
    }

    /**
     * The unit itself when it is valid on {@code date}; its successors' answers when it ended before; nothing when it
     * did not exist yet or was dissolved without successors. Cycles in bad data are cut, never followed forever.
     */
    public static List<Unit> resolve(Unit start, LocalDate date, Function<String, Optional<Unit>> units) {
        List<Unit> found = new ArrayList<>();
        follow(start, date, units, new HashSet<>(), found);
        return found;
    }

    private static void follow(Unit unit, LocalDate date, Function<String, Optional<Unit>> units, Set<String> seen,
                               List<Unit> found) {
        if (!seen.add(unit.code())) {
            return;
        }
        if (unit.validOn(date)) {
            found.add(unit);
        } else if (unit.validTo() != null && date.isAfter(unit.validTo())) {
            for (String code : unit.successorCodes()) {
                units.apply(code).ifPresent(successor -> follow(successor, date, units, seen, found));
            }
        }
    }
}
