package vn.giamngheo.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.EventSchemas;

/** Checks a record a service really emitted against the contract: envelope, key, schema, no undeclared fields. */
public final class EmittedEvents {

    private EmittedEvents() {
    }

    public static JsonNode assertMatchesContract(ConsumerRecord<String, byte[]> record, String topic) {
        String type = TopicProbe.header(record, "ce_type");
        assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(TopicProbe.header(record, "ce_id"))).isNotNull();
        assertThat(TopicProbe.header(record, "ce_source")).startsWith("/giamngheo/");
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(record.key());
        assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
        assertThat(EventCatalog.find(type)).as("type %s is in the catalog", type).isPresent();
        assertThat(EventCatalog.find(type).orElseThrow().topic()).isEqualTo(topic);
        JsonNode payload = EventJson.parse(record.value());
        assertThat(EventSchemas.violations(type, payload)).as("schema violations of %s", type).isEmpty();
        JsonNode schema = EventJson.mapper().readTree(EventSchemas.schemaText(type));
        Set<String> declared = new HashSet<>(schema.get("properties").propertyNames());
        assertThat(declared).as("fields of %s declared in its schema", type).containsAll(payload.propertyNames());
        return payload;
    }
}
