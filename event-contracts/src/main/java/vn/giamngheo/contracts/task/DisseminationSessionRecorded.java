package vn.giamngheo.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventType;

/**
 * A dissemination session (buổi quán triệt) of a dissemination task was held for a unit's officials. Sessions of one
 * unit under one task reach different officials (a later session is for those not yet reached), so
 * {@code unitOfficialsReached} is the running total for the unit under this task and never exceeds
 * {@code officialsTotal}: the share reached is {@code unitOfficialsReached / officialsTotal} of the unit's latest
 * session.
 */
@EventType("task.DisseminationSessionRecorded.v1")
public record DisseminationSessionRecorded(
        String taskId,
        long version,
        String planId,
        int sessionNumber,
        LocalDate sessionDate,
        String unitCode,
        int officialsAttending,
        int officialsTotal,
        int unitOfficialsReached,
        String note,
        String status,
        int percentComplete,
        Instant occurredAt) implements DomainEvent {

    @Override
    public String subject() {
        return taskId;
    }
}
