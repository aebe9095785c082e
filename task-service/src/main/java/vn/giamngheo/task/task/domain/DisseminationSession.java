package vn.giamngheo.task.task.domain;

import java.time.Instant;
import java.time.LocalDate;
import vn.giamngheo.contracts.Actor;

/**
 * A dissemination session (buổi quán triệt) held for a unit's officials. {@code unitOfficialsReached} is the running
 * total of the unit's officials reached under this task, this session included. {@code recordedBy} is who recorded
 * it (null for sessions stored before that was recorded).
 */
public record DisseminationSession(int number, LocalDate date, String unitCode, int officialsAttending,
                                   int officialsTotal, int unitOfficialsReached, String note, Instant recordedAt,
                                   Actor recordedBy) {
}
