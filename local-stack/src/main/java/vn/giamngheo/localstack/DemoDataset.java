package vn.giamngheo.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo content — Sơn La's poverty-reduction plans with their objectives, indicators, funding and tasks — read
 * from {@code demo/demo-data.json} so that a wording or figure fix is a data change. Every {@code note} is for readers
 * of the file (what is real, what is illustrative) and is not sent to the services.
 *
 * @param units the units the content refers to, with the validity the plan-service's reference data gives them; for
 *              readers of the file and for its test
 */
public record DemoDataset(String note, Map<String, Unit> units, List<Plan> plans, List<Task> tasks) {

    static final String RESOURCE = "/demo/demo-data.json";

    public DemoDataset {
        units = units == null ? Map.of() : Map.copyOf(units);
        plans = plans == null ? List.of() : List.copyOf(plans);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public static DemoDataset load() {
        try (InputStream in = DemoDataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new LocalStackException("Missing resource " + RESOURCE + " in the local-stack jar");
            }
            return JsonMapper.shared().readValue(in, DemoDataset.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unit as the plan-service seeds it; {@code validTo} is null while it exists. */
    public record Unit(String nameVi, LocalDate validFrom, LocalDate validTo) {

        public boolean validOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }

        public boolean validThroughout(LocalDate from, LocalDate to) {
            return validOn(from) && validOn(to);
        }
    }

    /**
     * A plan: drafted, given its objectives and indicators, issued, then revised; its allocations come after.
     *
     * @param parentCode the code of the plan this one implements, listed earlier; null for none
     */
    public record Plan(String code, String title, String kind, String program, String issuingUnitCode,
                       String parentCode, LocalDate periodStart, LocalDate periodEnd, LocalDate issuedOn, String note,
                       List<Objective> objectives, List<Revision> revisions, List<Allocation> allocations) {

        public Plan {
            objectives = objectives == null ? List.of() : List.copyOf(objectives);
            revisions = revisions == null ? List.of() : List.copyOf(revisions);
            allocations = allocations == null ? List.of() : List.copyOf(allocations);
        }
    }

    public record Objective(String code, String nameVi, String nameEn, List<Indicator> indicators) {

        public Objective {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    /**
     * An indicator with its yearly targets.
     *
     * @param objectiveCode only in a revision, where the indicator says which objective it joins
     * @param note          where the baseline and targets come from (real, derived or illustrative)
     */
    public record Indicator(String objectiveCode, String code, String nameVi, String nameEn, String unitOfMeasure,
                            String direction, int baselineYear, BigDecimal baselineValue, String measurementLevel,
                            List<Target> targets, String note) {

        public Indicator {
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
    }

    /** A yearly target; {@code areaCode} null for the plan's whole area. */
    public record Target(int year, String areaCode, BigDecimal value) {
    }

    /** A revision of an issued plan (here: indicators added or redefined), with its reason. */
    public record Revision(LocalDate revisedOn, String reason, String documentCode, List<Indicator> indicators) {

        public Revision {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    /**
     * Funds allocated to the plan, then disbursed.
     *
     * @param disbursedTotals the running totals reported one after another (each a total so far, not a payment)
     */
    public record Allocation(String objectiveCode, String unitCode, String source, int year, long allocatedAmount,
                             List<Long> disbursedTotals, String note) {

        public Allocation {
            disbursedTotals = disbursedTotals == null ? List.of() : List.copyOf(disbursedTotals);
        }

        public long finalDisbursed() {
            return disbursedTotals.isEmpty() ? 0 : disbursedTotals.get(disbursedTotals.size() - 1);
        }
    }

    /**
     * A task, created under the plan with {@code planCode}; then, in this order: its dissemination sessions, its
     * progress reports, its deadline extension, and its end — completed (completion note), blocked (block reason) or
     * cancelled (cancel reason).
     *
     * @param objectiveCode sent as the task's {@code objectiveId}: the code of its plan's objective
     */
    public record Task(String planCode, String objectiveCode, String title, String description, String kind,
                       String priority, String expectedOutput, String leadUnitCode,
                       List<String> coordinatingUnitCodes, LocalDate startDate, LocalDate dueDate,
                       List<Session> disseminationSessions, List<Progress> progress, Extension extension,
                       String completionNote, String blockReason, String cancelReason) {

        public Task {
            coordinatingUnitCodes = coordinatingUnitCodes == null ? List.of() : List.copyOf(coordinatingUnitCodes);
            disseminationSessions = disseminationSessions == null ? List.of() : List.copyOf(disseminationSessions);
            progress = progress == null ? List.of() : List.copyOf(progress);
        }

        /** The status the task-service gives the task once its whole history is loaded. */
        public String finalStatus() {
            if (cancelReason != null) {
                return "CANCELLED";
            }
            if (completionNote != null) {
                return "DONE";
            }
            if (blockReason != null) {
                return "BLOCKED";
            }
            return progress.isEmpty() && disseminationSessions.isEmpty() ? "ASSIGNED" : "IN_PROGRESS";
        }

        public int finalPercent() {
            return progress.isEmpty() ? 0 : progress.get(progress.size() - 1).percentComplete();
        }

        /** The due date after loading, on a day the loader runs (see {@link Extension#effectiveDueDate}). */
        public LocalDate finalDueDate(LocalDate today) {
            return extension == null ? dueDate : extension.effectiveDueDate(today);
        }
    }

    /** A dissemination session: how many of the unit's officials attended. */
    public record Session(LocalDate date, String unitCode, int officialsAttending, int officialsTotal, String note) {
    }

    public record Progress(int percentComplete, String note, List<String> evidenceLinks, List<Output> outputs) {

        public Progress {
            evidenceLinks = evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks);
            outputs = outputs == null ? List.of() : List.copyOf(outputs);
        }
    }

    /** A quantitative output reached so far, e.g. "Số hộ được hỗ trợ nhà ở": 595 hộ. */
    public record Output(String indicator, BigDecimal value, String unit) {
    }

    /** Gia hạn: the due date asked for, why and by whom. */
    public record Extension(LocalDate newDueDate, String reason, String requestedBy) {

        /**
         * The task-service refuses an extension into the past. Loaded later than planned (the data is loaded on a
         * stack's first start, whenever that is), the extension goes to the day after {@code today} instead, so the
         * demo loads in any year and the task is still open and not yet late.
         */
        public LocalDate effectiveDueDate(LocalDate today) {
            return newDueDate.isAfter(today) ? newDueDate : today.plusDays(1);
        }
    }
}
