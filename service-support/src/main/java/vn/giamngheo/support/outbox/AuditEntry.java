package vn.giamngheo.support.outbox;

import java.time.Instant;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventCatalog;

/** One change of an aggregate in its audit trail: the version it produced, the event type, who made it and when. */
public record AuditEntry(long version, String type, Actor actor, Instant at) {

    static AuditEntry of(DomainEvent event, Actor actor) {
        return new AuditEntry(event.version(), EventCatalog.typeOf(event.getClass()), actor, event.occurredAt());
    }
}
