package vn.giamngheo.support.outbox;

import java.time.Instant;
import java.util.UUID;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.contracts.EventJson;

/**
 * An event waiting in its aggregate's document to be published. The payload is stored as the exact JSON text that
 * will be sent, so what was validated and committed is byte for byte what consumers receive.
 */
public record OutboxEntry(String eventId, String type, String subject, long version, String payload,
                          Instant occurredAt) {

    public static OutboxEntry of(DomainEvent event) {
        return new OutboxEntry(UUID.randomUUID().toString(), EventCatalog.typeOf(event.getClass()), event.subject(),
                event.version(), EventJson.write(event), event.occurredAt());
    }

    /** The event as published, with who caused it in its payload. */
    public static OutboxEntry of(DomainEvent event, Actor actor) {
        return new OutboxEntry(UUID.randomUUID().toString(), EventCatalog.typeOf(event.getClass()), event.subject(),
                event.version(), EventJson.write(event, actor), event.occurredAt());
    }
}
