package vn.giamngheo.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.IncomingEventReader;
import vn.giamngheo.support.health.DatabaseOutage;

/**
 * Applies a poll of task.events at a time (the binding consumes in batch mode): one bulk write per collection for
 * each round of the batch — round k holds the k-th event of every task in it, so a task's events are still applied in
 * order — instead of two or three round trips per event. A replay of the topic, where a poll holds hundreds of
 * different tasks, pays for the database once per poll and collection.
 *
 * <p>Failures end as they would record by record ({@link vn.giamngheo.support.consume.BatchConsumerErrors}): the
 * batch fails with the index of the first record that cannot be applied, the records before it are committed, that
 * record is retried or parked, the rest delivered again. So that index is exact, anything unexpected in a bulk write
 * sends the whole batch through the one-event path, in order: it is idempotent, so what the bulk writes applied comes
 * back as a duplicate, and the first event that fails is the one named. A record that cannot be read (poison, a
 * tombstone) ends the batch at its index after the records before it were applied. The database being unavailable
 * is waited out here, the whole batch tried again after each pause ({@link DatabaseOutage#waitOut}): nothing is
 * parked for an outage, and the record's own failures alone decide whether it is.
 */
final class TaskEventBatches implements Consumer<Message<List<byte[]>>> {

    private final IncomingEventReader reader;
    private final ReportProjections projections;
    private final TaskViews tasks;
    private final Duration outagePause;

    TaskEventBatches(IncomingEventReader reader, ReportProjections projections, TaskViews tasks,
                     Duration outagePause) {
        this.reader = reader;
        this.projections = projections;
        this.tasks = tasks;
        this.outagePause = outagePause;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<Message<byte[]>> records = records(batch);
        List<IncomingEvent> events = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (Message<byte[]> record : records) {
            try {
                events.add(reader.read(record));
            } catch (RuntimeException failure) {
                unreadable = failure;
                break;
            }
        }
        DatabaseOutage.waitOut(outagePause, () -> apply(events));
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, events.size());
        }
    }

    private void apply(List<IncomingEvent> events) {
        if (events.isEmpty() || inRounds(events)) {
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                projections.apply(events.get(i));
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, i);
            }
        }
    }

    /** True if the bulk writes applied every event; false: apply them one by one. */
    private boolean inRounds(List<IncomingEvent> events) {
        if (!events.stream().allMatch(e -> e.isAbout(EventCatalog.TASK))) {
            return false;
        }
        try {
            for (List<IncomingEvent> round : rounds(events)) {
                if (!tasks.applyAll(round)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException failure) {
            if (DatabaseOutage.isCause(failure)) {
                throw failure;
            }
            // Not caught and dropped: the one-event path meets the same failure and names the event that caused it.
            return false;
        }
    }

    /** Round k: the k-th event of each task in the batch, in the batch's order. */
    static List<List<IncomingEvent>> rounds(List<IncomingEvent> events) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<IncomingEvent>> rounds = new ArrayList<>();
        for (IncomingEvent event : events) {
            int round = seen.merge(event.subject(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(event);
        }
        return rounds;
    }

    /**
     * The batch as the binder hands it over — payloads in a list, each record's headers and key in lists of their
     * own — taken apart into one message per record, as a record-at-a-time binding would have delivered them.
     */
    static List<Message<byte[]>> records(Message<List<byte[]>> batch) {
        MessageHeaders headers = batch.getHeaders();
        // a tombstone arrives as a KafkaNull, not as bytes: empty here, so the reader refuses it as it would alone
        List<?> payloads = batch.getPayload();
        List<?> converted = headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        List<?> natives = headers.get(KafkaHeaders.NATIVE_HEADERS, List.class);
        List<?> keys = headers.get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<Message<byte[]>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            MessageBuilder<byte[]> record = MessageBuilder.withPayload(
                    payloads.get(i) instanceof byte[] bytes ? bytes : new byte[0]);
            if (converted != null && converted.get(i) instanceof Map<?, ?> map) {
                map.forEach((name, value) -> record.setHeader(name.toString(), value));
            } else if (natives != null && natives.get(i) instanceof Headers kafkaHeaders) {
                for (Header header : kafkaHeaders) {
                    record.setHeader(header.key(), header.value());
                }
            }
            if (keys != null && keys.get(i) != null) {
                Object key = keys.get(i);
                record.setHeader(KafkaHeaders.RECEIVED_KEY,
                        key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString());
            }
            records.add(record.build());
        }
        return records;
    }
}
