package vn.giamngheo.support.outbox;

import java.time.Duration;
import java.util.List;

/**
 * What one service's relay publishes: the aggregate collections it watches, the topic they go to and the CloudEvents
 * source. The lease must outlast a publish attempt, so that a live relay never loses its claim mid-flight.
 */
public record RelaySettings(String topic, String source, List<String> collections, Duration pollInterval,
                            Duration lease, int batchSize) {
}
