package vn.giamngheo.support.consume;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.contracts.EventJson;

/** A received event whose envelope and payload were checked against the contract. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, long version,
                            JsonNode data) {

    /** The kind of aggregate the event is about, e.g. {@code plan}; one topic may carry several kinds. */
    public String aggregate() {
        return EventCatalog.find(type).orElseThrow().aggregate();
    }

    public boolean isAbout(String aggregateKind) {
        return aggregate().equals(aggregateKind);
    }

    /** The payload as the contract's record for this type. */
    public DomainEvent payload() {
        return EventJson.read(data, EventCatalog.find(type).orElseThrow().recordType());
    }
}
