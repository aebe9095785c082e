package vn.giamngheo.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of event payloads: ISO-8601 dates and instants, unknown fields ignored (consumers must accept
 * additive changes), so producers and consumers never disagree on the wire format.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The payload property naming who caused the event; see {@link Actor}. */
    public static final String ACTOR = "actor";

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(DomainEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /**
     * The payload of an event as published: the event's own fields and, as {@code actor}, who caused it. The actor is
     * the same for every event type, so it is added here rather than declared by each record.
     */
    public static String write(DomainEvent event, Actor actor) {
        tools.jackson.databind.node.ObjectNode payload = MAPPER.valueToTree(event);
        payload.set(ACTOR, MAPPER.valueToTree(actor));
        return MAPPER.writeValueAsString(payload);
    }

    /** The actor of a payload, or null for events published before actors were recorded. */
    public static Actor actorOf(JsonNode payload) {
        JsonNode actor = payload.get(ACTOR);
        return actor == null || actor.isNull() ? null : MAPPER.treeToValue(actor, Actor.class);
    }

    public static JsonNode parse(byte[] json) {
        return MAPPER.readTree(json);
    }

    public static <T> T read(JsonNode json, Class<T> type) {
        return MAPPER.treeToValue(json, type);
    }
}
