package vn.giamngheo.localstack;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the suite's topics and the services' dead-letter topics with a chosen partition count before any service
 * starts, so no topic is ever left to auto-creation or to a binder's default of one partition (and the services need
 * no right to create topics). A topic that exists is left as it is.
 */
final class KafkaTopics {

    private KafkaTopics() {
    }

    /** An admin client for the stack's own set-up: the topics, the users and the ACLs. */
    static Admin admin(Map<String, Object> adminClientProperties, Duration timeout) {
        Map<String, Object> config = new HashMap<>(adminClientProperties);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-topics");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(config);
    }

    static void ensure(Admin admin, List<String> names, int partitions, Duration timeout) {
        List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
            awaitCreated(created.getKey(), created.getValue(), timeout);
        }
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new LocalStackException("Cannot create the Kafka topic " + topic + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new LocalStackException("Creating the Kafka topic " + topic + " took longer than "
                    + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while creating the Kafka topic " + topic, e);
        }
    }
}
