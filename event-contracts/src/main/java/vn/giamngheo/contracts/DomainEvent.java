package vn.giamngheo.contracts;

import java.time.Instant;

/**
 * An event about one aggregate. {@code version} is the aggregate's version after the change (1, 2, 3 …), which
 * consumers use to apply each event exactly once and in order.
 */
public interface DomainEvent {

    /** The aggregate id: the Kafka record key and the CloudEvents subject. */
    String subject();

    long version();

    Instant occurredAt();
}
