package vn.giamngheo.faulttests;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What clients were told, per write: acknowledged (2xx, with the version from the ETag), refused (4xx: must not be
 * stored), not sent (the service was down), or uncertain (the request left but its answer was lost, or a 503 came
 * back: it may or may not be stored, but at most once).
 */
final class Ledger {

    /** One progress report a client sent, identified by its unique note. */
    record Write(String aggregateId, long version, String note) {
    }

    final ConcurrentLinkedQueue<Write> acknowledged = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Write> uncertain = new ConcurrentLinkedQueue<>();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger stale = new AtomicInteger();
    final AtomicInteger notSent = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    int acknowledgedCount() {
        return acknowledged.size();
    }

    List<Write> acknowledgedList() {
        return List.copyOf(acknowledged);
    }

    List<Write> uncertainList() {
        return List.copyOf(uncertain);
    }
}
