package vn.giamngheo.report.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.contracts.DomainEvent;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.report.fixtures.Events.Task;

/**
 * The figures the reports must show, derived straight from the events a scenario sent — written apart from the
 * service's code, from the rules the README states, so that a test compares two independent derivations.
 */
final class Oracle {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private Oracle() {
    }

    /** A task as its events say it was just before a moment. */
    record Snap(String status, int percent, LocalDate due, LocalDate completedOn, LocalDate dueAtCompletion,
                Map<String, int[]> reach, String priority, String lead, List<String> coordinating,
                LocalDate start) {

        boolean open() {
            return !status.equals("DONE") && !status.equals("CANCELLED");
        }

        boolean overdueOn(LocalDate day) {
            return open() && due.isBefore(day);
        }

        boolean onTime() {
            return status.equals("DONE") && !completedOn.isAfter(dueAtCompletion);
        }

        long delay() {
            return status.equals("DONE") ? Math.max(0, ChronoUnit.DAYS.between(dueAtCompletion, completedOn)) : 0;
        }
    }

    static JsonNode json(DomainEvent event) {
        return EventJson.mapper().readTree(EventJson.write(event));
    }

    static Optional<Snap> snap(Task task, Instant cutoff) {
        String status = null;
        int percent = 0;
        LocalDate due = null;
        LocalDate completedOn = null;
        LocalDate dueAtCompletion = null;
        Map<String, int[]> reach = new HashMap<>();
        String priority = null;
        String lead = null;
        List<String> coordinating = List.of();
        LocalDate start = null;
        for (DomainEvent event : task.events) {
            if (cutoff != null && !event.occurredAt().isBefore(cutoff)) {
                break;
            }
            JsonNode e = json(event);
            if (e.has("leadUnitCode") && e.has("priority")) {
                priority = e.get("priority").asString();
                lead = e.get("leadUnitCode").asString();
                coordinating = new ArrayList<>();
                for (JsonNode c : e.get("coordinatingUnitCodes")) {
                    coordinating.add(c.asString());
                }
                start = LocalDate.parse(e.get("startDate").asString());
            }
            if (e.hasNonNull("dueDate")) {
                due = LocalDate.parse(e.get("dueDate").asString());
            }
            String next = e.get("status").asString();
            if (next.equals("DONE") && !"DONE".equals(status)) {
                completedOn = LocalDate.ofInstant(event.occurredAt(), VN);
                dueAtCompletion = due;
            }
            status = next;
            percent = e.get("percentComplete").asInt();
            if (e.has("unitOfficialsReached")) {
                reach.put(e.get("unitCode").asString(), new int[] {e.get("unitOfficialsReached").asInt(),
                        e.get("officialsTotal").asInt()});
            }
        }
        return status == null ? Optional.empty() : Optional.of(new Snap(status, percent, due, completedOn,
                dueAtCompletion, reach, priority, lead, coordinating, start));
    }

    /** Progress figures as the README defines them. */
    record Progress(long taskCount, Map<String, Long> byStatus, double average, double weighted, long overdue,
                    long done, long doneOnTime) {
    }

    static Progress progress(List<Task> tasks, Instant cutoff, LocalDate day) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String s : List.of("PLANNED", "ASSIGNED", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED")) {
            byStatus.put(s, 0L);
        }
        long count = 0;
        double sum = 0;
        double weightedSum = 0;
        double weights = 0;
        long counted = 0;
        long overdue = 0;
        long done = 0;
        long onTime = 0;
        for (Task task : tasks) {
            Optional<Snap> found = snap(task, cutoff);
            if (found.isEmpty()) {
                continue;
            }
            Snap s = found.get();
            count++;
            byStatus.merge(s.status(), 1L, Long::sum);
            if (!s.status().equals("CANCELLED")) {
                int weight = switch (s.priority()) {
                    case "HIGH" -> 3;
                    case "LOW" -> 1;
                    default -> 2;
                };
                counted++;
                sum += s.percent();
                weightedSum += weight * s.percent();
                weights += weight;
            }
            if (s.overdueOn(day)) {
                overdue++;
            }
            if (s.status().equals("DONE")) {
                done++;
                if (s.onTime()) {
                    onTime++;
                }
            }
        }
        return new Progress(count, byStatus, round1(counted == 0 ? 0 : sum / counted),
                round1(weights == 0 ? 0 : weightedSum / weights), overdue, done, onTime);
    }

    /** A unit's scorecard figures as the README defines them. */
    record Card(long led, long coordinated, long done, long onTime, long overdue, long open, Double onTimeRate,
                Double averageDelay, long coordinatedDone, long coordinatedOverdue, int disseminationTasks,
                long reached, long officials, Double coverage) {
    }

    static Card card(String unit, List<Task> tasks, LocalDate periodStart, LocalDate periodEnd, LocalDate day) {
        Instant cutoff = day.plusDays(1).atStartOfDay(VN).toInstant();
        long led = 0;
        long coordinated = 0;
        long done = 0;
        long onTime = 0;
        long overdue = 0;
        long open = 0;
        long delay = 0;
        long coordinatedDone = 0;
        long coordinatedOverdue = 0;
        int dissemination = 0;
        long reached = 0;
        long officials = 0;
        for (Task task : tasks) {
            Optional<Snap> found = snap(task, cutoff);
            if (found.isEmpty()) {
                continue;
            }
            Snap s = found.get();
            boolean inPeriod = !s.status().equals("CANCELLED") && !s.start().isAfter(periodEnd)
                    && !(s.status().equals("DONE") && s.completedOn().isBefore(periodStart));
            if (!inPeriod) {
                continue;
            }
            if (unit.equals(s.lead())) {
                led++;
                if (s.status().equals("DONE")) {
                    done++;
                    delay += s.delay();
                    onTime += s.onTime() ? 1 : 0;
                } else {
                    open++;
                    overdue += s.overdueOn(day) ? 1 : 0;
                }
            } else if (s.coordinating().contains(unit)) {
                coordinated++;
                if (s.status().equals("DONE")) {
                    coordinatedDone++;
                } else if (s.overdueOn(day)) {
                    coordinatedOverdue++;
                }
            }
            int[] r = s.reach().get(unit);
            if (r != null) {
                dissemination++;
                reached += r[0];
                officials += r[1];
            }
        }
        return new Card(led, coordinated, done, onTime, overdue, open,
                done == 0 ? null : round1(100.0 * onTime / done), done == 0 ? null : round1((double) delay / done),
                coordinatedDone, coordinatedOverdue, dissemination, reached, officials,
                officials == 0 ? null : round1(100.0 * reached / officials));
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
