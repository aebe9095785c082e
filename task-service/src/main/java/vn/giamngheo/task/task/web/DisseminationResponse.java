package vn.giamngheo.task.task.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.task.task.domain.DisseminationSession;
import vn.giamngheo.task.task.domain.Task;

/**
 * A dissemination task's sessions, oldest first, and per unit the officials reached so far out of the unit's total
 * (as given at its latest session).
 */
public record DisseminationResponse(String taskId, long version, List<DisseminationSession> sessions,
                                    List<UnitReach> units) {

    public record UnitReach(String unitCode, int sessions, int officialsReached, int officialsTotal,
                            BigDecimal sharePercent) {
    }

    static DisseminationResponse of(Versioned<Task> task) {
        Map<String, DisseminationSession> latest = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (DisseminationSession session : task.state().disseminationSessions()) {
            latest.put(session.unitCode(), session);
            counts.merge(session.unitCode(), 1, Integer::sum);
        }
        List<UnitReach> units = latest.values().stream().map(s -> new UnitReach(s.unitCode(),
                counts.get(s.unitCode()), s.unitOfficialsReached(), s.officialsTotal(),
                BigDecimal.valueOf(s.unitOfficialsReached() * 100L).divide(BigDecimal.valueOf(s.officialsTotal()),
                        1, RoundingMode.HALF_UP))).toList();
        return new DisseminationResponse(task.id(), task.version(), task.state().disseminationSessions(), units);
    }
}
