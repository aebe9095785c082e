package vn.giamngheo.support;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code giamngheo.messaging.*}: what a service publishes and how.
 *
 * @param topic             the service's own topic (empty for a service that publishes nothing)
 * @param source            the CloudEvents source, e.g. {@code /giamngheo/plan-service}
 * @param outboxCollections the aggregate collections whose outboxes the relay drains
 * @param partitions        partitions of the topics this service creates
 * @param pollInterval      how often an idle relay searches its collections (whole-collection scans) for events no
 *                          nudge named; while busy every ten intervals (and at once on start, after a failure, and
 *                          to go on with a search that gave way to fresh writes)
 * @param lease             how long a relay's claim on a document lasts; longer than a producer delivery timeout
 * @param batchSize         documents claimed per relay round
 */
@ConfigurationProperties("giamngheo.messaging")
public record MessagingProperties(String topic, String source, List<String> outboxCollections, Integer partitions,
                                  Duration pollInterval, Duration lease, Integer batchSize) {

    public MessagingProperties {
        outboxCollections = outboxCollections == null ? List.of() : List.copyOf(outboxCollections);
        partitions = partitions == null ? 3 : partitions;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        batchSize = batchSize == null ? 100 : batchSize;
    }
}
