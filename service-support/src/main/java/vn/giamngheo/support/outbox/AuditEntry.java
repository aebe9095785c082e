package vn.giamngheo.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.EventJson;

/** One change of an aggregate in its audit trail: the version it produced, the event type, who made it and when. */
public record AuditEntry(long version, String type, Actor actor, Instant at) {

    /** The change an outbox or log entry records; its actor is in the payload (null for events from before actors). */
    static AuditEntry of(OutboxEntry change) {
        Actor actor = EventJson.actorOf(EventJson.parse(change.payload().getBytes(StandardCharsets.UTF_8)));
        return new AuditEntry(change.version(), change.type(), actor, change.occurredAt());
    }
}
