package vn.giamngheo.plan.plan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.plan.plan.domain.FieldChange;
import vn.giamngheo.plan.plan.domain.HistoryEntry;
import vn.giamngheo.plan.plan.domain.PlanAction;

/** One step in a plan's history: the version it produced, what was done, by whom, when, why, and what changed. */
public record HistoryEntryResponse(long version, PlanAction action,
                                   @Schema(description = "Who made the step; null for steps recorded before the "
                                           + "service kept audit trails") ActorResponse actor,
                                   Instant recordedAt, LocalDate effectiveOn, Integer revisionNumber, String reason,
                                   String documentCode, List<FieldChange> changes) {

    /**
     * Who made a step. Signed-in readers see the account ({@code subject}) and its display name; the public sees only
     * the kind of actor and the unit it acted for, since account names are internal to the province.
     */
    public record ActorResponse(String subject, String name, String unit, Actor.Kind kind) {

        static ActorResponse of(Actor actor, boolean identified) {
            if (actor == null) {
                return null;
            }
            return identified ? new ActorResponse(actor.subject(), actor.name(), actor.unit(), actor.kind())
                    : new ActorResponse(null, null, actor.unit(), actor.kind());
        }
    }

    static HistoryEntryResponse of(HistoryEntry h, Actor actor, boolean identified) {
        return new HistoryEntryResponse(h.version(), h.action(), ActorResponse.of(actor, identified), h.recordedAt(),
                h.effectiveOn(), h.revisionNumber(), h.reason(), h.documentCode(), h.changes());
    }
}
