package vn.giamngheo.faulttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.EventCatalog;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.contracts.EventSchemas;
import vn.giamngheo.localstack.Service;

/**
 * The suite's invariants, checked by comparing what each service holds with what clients were told and with a fresh
 * replay of the topics computed here, independently of the services' code.
 */
final class Invariants {

    private Invariants() {
    }

    /** One valid event as read from a topic. */
    record Event(String key, long version, String id, String type, JsonNode payload, int partition, long offset) {

        String aggregate() {
            return EventCatalog.find(type).orElseThrow().aggregate();
        }

        String text(String field) {
            JsonNode value = payload.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    /** A topic read from the beginning: its valid events per aggregate (first delivery of each id) and counts. */
    record Replay(String topic, int records, int invalid, int duplicates, Map<String, List<Event>> byKey,
                  Map<String, Integer> duplicatesByKey) {

        int distinctEvents() {
            return byKey.values().stream().mapToInt(List::size).sum();
        }

        /** The aggregate's latest event, or null. */
        Event latest(String key) {
            return byKey.getOrDefault(key, List.of()).stream().max((a, b) -> Long.compare(a.version(), b.version()))
                    .orElse(null);
        }

        Map<String, Event> latestOfKind(String aggregateKind) {
            Map<String, Event> latest = new HashMap<>();
            for (String key : byKey.keySet()) {
                Event event = latest(key);
                if (event.aggregate().equals(aggregateKind)) {
                    latest.put(key, event);
                }
            }
            return latest;
        }

        Event at(String key, long version) {
            return byKey.getOrDefault(key, List.of()).stream().filter(e -> e.version() == version).findFirst()
                    .orElse(null);
        }
    }

    /**
     * Reads a topic: records that are not valid events of the contract (poison) are counted and left out; a record
     * whose ce_id was seen before is a redelivery (counted as a duplicate, and it must carry the same payload).
     */
    static Replay replay(FaultStack stack, String topic) {
        List<FaultStack.Rec> records = stack.readAll(topic);
        Map<String, List<Event>> byKey = new LinkedHashMap<>();
        Map<String, Event> byId = new HashMap<>();
        Map<String, Integer> duplicatesByKey = new HashMap<>();
        int invalid = 0;
        int duplicates = 0;
        for (FaultStack.Rec record : records) {
            Event event = parse(record);
            if (event == null) {
                invalid++;
                continue;
            }
            Event earlier = byId.get(event.id());
            if (earlier != null) {
                duplicates++;
                duplicatesByKey.merge(event.key(), 1, Integer::sum);
                assertThat(event.payload()).as("redelivered event %s carries the same payload", event.id())
                        .isEqualTo(earlier.payload());
                continue;
            }
            byId.put(event.id(), event);
            byKey.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event);
        }
        return new Replay(topic, records.size(), invalid, duplicates, byKey, duplicatesByKey);
    }

    private static Event parse(FaultStack.Rec record) {
        String type = record.header("ce_type");
        String id = record.header("ce_id");
        if (type == null || id == null || EventCatalog.find(type).isEmpty() || record.value() == null
                || !Objects.equals(record.key(), record.header("ce_subject"))) {
            return null;
        }
        try {
            JsonNode payload = EventJson.parse(record.value());
            if (payload == null || !payload.isObject() || !EventSchemas.violations(type, payload).isEmpty()) {
                return null;
            }
            return new Event(record.key(), payload.get("version").asLong(), id, type, payload, record.partition(),
                    record.offset());
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /**
     * The owner's topic holds every aggregate's history exactly: versions 1..N of each aggregate the owner stores
     * (N = its stored version), one event id per version, in version order, and nothing for aggregates it does not
     * have (except keys a test injected itself). The outboxes are empty: everything was published.
     */
    static void ownerTopicMatches(FaultStack stack, Service owner, List<String> collections, Replay replay,
                                  Set<String> injectedKeys) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> stored = new HashMap<>();
        for (String name : collections) {
            for (Document document : stack.db(owner).getCollection(name).find()) {
                String id = String.valueOf(document.get("_id"));
                stored.put(id, ((Number) document.get("version")).longValue());
                List<?> outbox = document.getList("outbox", Object.class, List.of());
                if (!outbox.isEmpty()) {
                    problems.add(name + "/" + id + " still has " + outbox.size() + " unpublished event(s)");
                }
            }
        }
        for (Map.Entry<String, Long> aggregate : stored.entrySet()) {
            List<Event> events = replay.byKey().getOrDefault(aggregate.getKey(), List.of());
            List<Long> versions = events.stream().map(Event::version).toList();
            List<Long> expected = new ArrayList<>();
            for (long v = 1; v <= aggregate.getValue(); v++) {
                expected.add(v);
            }
            if (!versions.equals(expected)) {
                problems.add(aggregate.getKey() + ": versions on " + replay.topic() + " " + abbreviate(versions)
                        + " but the owner holds version " + aggregate.getValue());
            }
        }
        for (String key : replay.byKey().keySet()) {
            if (!stored.containsKey(key) && !injectedKeys.contains(key)) {
                problems.add(key + " has events on " + replay.topic() + " but " + owner.moduleName()
                        + " has no such aggregate");
            }
        }
        assertThat(problems).as("%s against %s", replay.topic(), owner.moduleName()).isEmpty();
    }

    /**
     * The task's progress reports as stored, oldest first: the payloads of its {@code TaskProgressReported} events,
     * still in the document's outbox or already in the {@code tasks_log} change log (each version once; the document
     * is read first, so an event the relay moves meanwhile is seen in both rather than in neither).
     */
    static List<Document> storedProgressReports(FaultStack stack, Document task) {
        Map<Long, Document> changes = new java.util.TreeMap<>();
        for (Document pending : task.getList("outbox", Document.class, List.of())) {
            changes.put(((Number) pending.get("version")).longValue(), pending);
        }
        long version = ((Number) task.get("version")).longValue();
        List<String> ids = new ArrayList<>();
        for (long v = 1; v <= version; v++) {
            ids.add(task.get("_id") + ":" + v);
        }
        for (Document logged : stack.db(Service.TASK).getCollection("tasks_log").find(Filters.in("_id", ids))) {
            changes.putIfAbsent(((Number) logged.get("version")).longValue(), logged);
        }
        return changes.values().stream().filter(c -> "task.TaskProgressReported.v1".equals(c.getString("type")))
                .map(c -> Document.parse(c.getString("payload"))).toList();
    }

    /**
     * Every acknowledged progress report is in the task's log exactly once, and its event (the version the client
     * was given) is on the topic with the same note; an uncertain one is there at most once; nothing else of the
     * scenario is. Returns how many uncertain writes turned out to be stored.
     */
    static int progressLogsHoldExactly(FaultStack stack, Ledger ledger, String notePrefix, Replay taskEvents) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> notesByTask = new HashMap<>();
        MongoCollection<Document> tasks = stack.db(Service.TASK).getCollection("tasks");
        Set<String> taskIds = new HashSet<>();
        ledger.acknowledged.forEach(w -> taskIds.add(w.aggregateId()));
        ledger.uncertain.forEach(w -> taskIds.add(w.aggregateId()));
        for (String taskId : taskIds) {
            Document task = tasks.find(Filters.eq("_id", taskId)).first();
            if (task == null) {
                problems.add("task " + taskId + " is missing");
                continue;
            }
            List<Document> reports = storedProgressReports(stack, task);
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                if (reports.get(i).getInteger("reportNumber") != i + 1) {
                    problems.add(taskId + ": progress report " + (i + 1) + " is numbered "
                            + reports.get(i).getInteger("reportNumber"));
                }
                notes.add(reports.get(i).getString("note"));
            }
            notesByTask.put(taskId, notes);
        }
        Set<String> accounted = new HashSet<>();
        for (Ledger.Write write : ledger.acknowledged) {
            accounted.add(write.note());
            long count = notesByTask.getOrDefault(write.aggregateId(), List.of()).stream()
                    .filter(write.note()::equals).count();
            if (count != 1) {
                problems.add("acknowledged \"" + write.note() + "\" is in the log of " + write.aggregateId() + " "
                        + count + " time(s)");
            }
            Event event = taskEvents.at(write.aggregateId(), write.version());
            if (event == null || !"task.TaskProgressReported.v1".equals(event.type())
                    || !write.note().equals(event.text("note"))) {
                problems.add("acknowledged \"" + write.note() + "\" (version " + write.version() + ") has no "
                        + "matching event on task.events but " + (event == null ? "nothing" : event.type() + " "
                        + event.text("note")));
            }
        }
        int uncertainStored = 0;
        for (Ledger.Write write : ledger.uncertain) {
            accounted.add(write.note());
            long count = notesByTask.getOrDefault(write.aggregateId(), List.of()).stream()
                    .filter(write.note()::equals).count();
            if (count > 1) {
                problems.add("uncertain \"" + write.note() + "\" is stored " + count + " times");
            }
            uncertainStored += (int) count;
        }
        notesByTask.forEach((taskId, notes) -> notes.stream()
                .filter(note -> note != null && note.startsWith(notePrefix) && !accounted.contains(note))
                .forEach(note -> problems.add(taskId + " holds \"" + note + "\", which no client was told was "
                        + "stored and which was refused")));
        assertThat(problems).as("progress logs against what clients were told").isEmpty();
        return uncertainStored;
    }

    /** The consumers' copies and projections equal what a fresh replay of the topics gives. */
    static void projectionsMatchReplay(FaultStack stack, Replay planEvents, Replay taskEvents) {
        List<String> problems = new ArrayList<>();
        compare(problems, stack.db(Service.REPORT).getCollection("task_views"), "report task_views",
                taskEvents.latestOfKind(EventCatalog.TASK), List.of("status", "planId", "percentComplete"));
        Map<String, Event> plans = planEvents.latestOfKind(EventCatalog.PLAN);
        compare(problems, stack.db(Service.REPORT).getCollection("plan_views"), "report plan_views", plans,
                List.of("status"));
        compare(problems, stack.db(Service.TASK).getCollection("known_plans"), "task known_plans", plans,
                List.of("status"));
        compare(problems, stack.db(Service.TASK).getCollection("known_units"), "task known_units",
                planEvents.latestOfKind(EventCatalog.UNIT), List.of("validTo", "nameVi"));
        assertThat(problems).as("projections against a fresh replay").isEmpty();
    }

    private static void compare(List<String> problems, MongoCollection<Document> copies, String what,
                                Map<String, Event> expected, List<String> fields) {
        Map<String, Document> actual = new HashMap<>();
        for (Document document : copies.find()) {
            actual.put(String.valueOf(document.get("_id")), document);
        }
        for (Map.Entry<String, Event> entry : expected.entrySet()) {
            Document copy = actual.get(entry.getKey());
            Event event = entry.getValue();
            if (copy == null) {
                problems.add(what + ": " + entry.getKey() + " is missing (replay: version " + event.version() + ")");
                continue;
            }
            long lastVersion = ((Number) copy.get("lastVersion")).longValue();
            if (lastVersion != event.version()) {
                problems.add(what + ": " + entry.getKey() + " at version " + lastVersion + ", replay "
                        + event.version());
                continue;
            }
            for (String field : fields) {
                String have = copy.get(field) == null ? null : String.valueOf(copy.get(field));
                String want = event.text(field);
                if (!Objects.equals(have, want)) {
                    problems.add(what + ": " + entry.getKey() + "." + field + " = " + have + ", replay " + want);
                }
            }
        }
        for (String id : actual.keySet()) {
            if (!expected.containsKey(id)) {
                problems.add(what + ": " + id + " exists but no valid event of it is on the topic");
            }
        }
    }

    /** Every dead letter is one a test injected; returns how many there are per dead-letter topic. */
    static Map<String, Integer> deadLettersOnly(FaultStack stack, Set<String> injectedKeys) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String topic : FaultStack.DEAD_LETTER_TOPICS) {
            List<FaultStack.Rec> records = stack.readAll(topic);
            counts.put(topic, records.size());
            for (FaultStack.Rec record : records) {
                if (!injectedKeys.contains(record.key())) {
                    problems.add(topic + " " + record.partition() + ":" + record.offset() + " key=" + record.key()
                            + " type=" + record.header("ce_type") + ": " + record.header("x-exception-message"));
                }
            }
        }
        assertThat(problems).as("dead letters nobody injected").isEmpty();
        return counts;
    }

    /**
     * The task-service follows its plans: no task of an issued plan is still PLANNED, every task of a cancelled plan
     * is cancelled (or was done before), and no task was assigned or cancelled twice.
     */
    static void tasksFollowTheirPlans(FaultStack stack, Replay taskEvents) {
        List<String> problems = new ArrayList<>();
        Map<String, String> planStatus = new HashMap<>();
        for (Document plan : stack.db(Service.PLAN).getCollection("plans").find()) {
            planStatus.put(plan.getString("_id"), plan.get("state", Document.class).getString("status"));
        }
        for (Document task : stack.db(Service.TASK).getCollection("tasks").find()) {
            Document state = task.get("state", Document.class);
            String plan = planStatus.get(state.getString("planId"));
            String status = state.getString("status");
            if ("ISSUED".equals(plan) && "PLANNED".equals(status)) {
                problems.add("task " + task.get("_id") + " is PLANNED under an issued plan");
            }
            if ("CANCELLED".equals(plan) && !Set.of("CANCELLED", "DONE").contains(status)) {
                problems.add("task " + task.get("_id") + " is " + status + " under a cancelled plan");
            }
        }
        for (Map.Entry<String, List<Event>> history : taskEvents.byKey().entrySet()) {
            for (String once : List.of("task.TaskAssigned.v1", "task.TaskCancelled.v1", "task.TaskCreated.v1")) {
                long count = history.getValue().stream().filter(e -> e.type().equals(once)).count();
                if (count > 1) {
                    problems.add("task " + history.getKey() + " has " + count + " " + once);
                }
            }
        }
        assertThat(problems).as("tasks against their plans").isEmpty();
    }

    /** Aggregates whose first deliveries are not in version order (the duplicates' order does not matter). */
    static void inVersionOrder(Replay replay, Set<String> injectedKeys) {
        List<String> problems = new ArrayList<>();
        replay.byKey().forEach((key, events) -> {
            if (injectedKeys.contains(key)) {
                return;
            }
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).version() != i + 1) {
                    problems.add(key + ": delivery " + (i + 1) + " is version " + events.get(i).version());
                    return;
                }
            }
        });
        assertThat(problems).as("per-aggregate order on %s", replay.topic()).isEmpty();
    }

    private static String abbreviate(List<Long> versions) {
        return versions.size() <= 12 ? versions.toString()
                : versions.subList(0, 6) + "…" + versions.subList(versions.size() - 3, versions.size())
                + " (" + versions.size() + ")";
    }
}
