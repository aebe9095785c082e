package vn.giamngheo.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** Validates event payloads against the committed JSON Schema of their type. */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of the payload against its type's schema; empty when valid. */
    public static List<String> violations(String type, JsonNode payload) {
        return schemaOf(type).validate(payload).stream().map(Error::toString).toList();
    }

    public static Schema schemaOf(String type) {
        EventCatalog.Entry entry = EventCatalog.find(type)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + type));
        return SCHEMAS.computeIfAbsent(type, t -> REGISTRY.getSchema(read(entry.schemaResource()), InputFormat.JSON));
    }

    /** The raw schema document of a type, for tests and documentation. */
    public static String schemaText(String type) {
        return read(EventCatalog.find(type).orElseThrow().schemaResource());
    }

    private static String read(String resource) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
