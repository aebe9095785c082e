package vn.giamngheo.support.consume;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.EventSchemas;

/**
 * Reads a CloudEvents binary-mode Kafka record and checks it against the contract. Anything that can never be
 * processed becomes a {@link PoisonEventException}, which is not retried and goes to the dead-letter topic.
 */
public final class IncomingEventReader {

    static final String KAFKA_KEY = "kafka_receivedMessageKey";

    public IncomingEvent read(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String specVersion = attribute(headers, "specversion");
        if (!"1.0".equals(specVersion)) {
            throw new PoisonEventException("Not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        String id = required(headers, "id");
        String type = required(headers, "type");
        String source = required(headers, "source");
        String subject = required(headers, "subject");
        if (EventCatalog.find(type).isEmpty()) {
            throw new PoisonEventException("Unknown event type " + type);
        }
        String key = header(headers, KAFKA_KEY);
        if (key != null && !key.equals(subject)) {
            throw new PoisonEventException("Record key " + key + " differs from ce_subject " + subject);
        }
        JsonNode data = parse(message.getPayload(), type);
        List<String> violations = EventSchemas.violations(type, data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException(type + " violates its schema: " + String.join("; ", violations));
        }
        return new IncomingEvent(id, type, source, subject, time(headers), data.get("version").asLong(), data);
    }

    private static JsonNode parse(byte[] payload, String type) {
        if (payload == null || payload.length == 0) {
            throw new PoisonEventException(type + " has no payload");
        }
        try {
            JsonNode data = EventJson.parse(payload);
            if (data == null || !data.isObject()) {
                throw new PoisonEventException(type + " payload is not a JSON object");
            }
            return data;
        } catch (JacksonException e) {
            throw new PoisonEventException(type + " payload is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant time(MessageHeaders headers) {
        String time = attribute(headers, "time");
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 timestamp: " + time, e);
        }
    }

    private static String required(MessageHeaders headers, String name) {
        String value = attribute(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Missing CloudEvents header ce_" + name);
        }
        return value;
    }

    /**
     * A CloudEvents attribute. On Kafka it travels as a {@code ce_} header; Spring Cloud Function renames the
     * attributes to its canonical {@code ce-} prefix before the handler sees them when it converts the message, which
     * it does for a record without {@code content-type} (datacontenttype is optional, so such a record is valid).
     */
    private static String attribute(MessageHeaders headers, String name) {
        String value = header(headers, "ce_" + name);
        return value != null ? value : header(headers, "ce-" + name);
    }

    /** Kafka header values arrive as raw bytes unless the binder already converted them. */
    private static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
