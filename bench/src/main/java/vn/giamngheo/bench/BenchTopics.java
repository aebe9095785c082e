package vn.giamngheo.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The bench's Kafka clients' settings, its own topics, and the offsets that tell how far a topic and a consumer group
 * are. Every client of the bench logs in as the stack's Kafka admin (SASL/SCRAM, as the services log in as their own
 * users): {@code kafka} is {@code LocalStack.kafkaClientProperties()}, bootstrap servers included.
 */
final class BenchTopics {

    private BenchTopics() {
    }

    /** The stack's client settings plus a client's own. */
    static Map<String, Object> config(Map<String, Object> kafka, Map<String, Object> own) {
        Map<String, Object> config = new java.util.HashMap<>(kafka);
        config.putAll(own);
        return config;
    }

    static Admin admin(Map<String, Object> kafka) {
        return Admin.create(config(kafka, Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "bench-admin")));
    }

    static void ensure(Map<String, Object> kafka, String topic, int partitions) {
        try (Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
    }

    /** The end offset of every partition of the topic. */
    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /**
     * Waits until the group has consumed every record the topic holds now: a measured window that starts while a
     * consumer still works off the previous window's records would share the machine with that backlog.
     */
    static void awaitConsumed(Map<String, Object> kafka, String group, String topic) {
        try (Admin admin = admin(kafka)) {
            long end = endOffsets(admin, topic).values().stream().mapToLong(Long::longValue).sum();
            SuiteClient.await(group + " to consume " + topic, () -> committed(admin, group, topic) >= end);
        }
    }

    /** How many records of the topic the group has committed, summed over the partitions. */
    static long committed(Admin admin, String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of group " + group, e);
        }
    }
}
