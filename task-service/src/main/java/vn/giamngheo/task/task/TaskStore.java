package vn.giamngheo.task.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.giamngheo.support.outbox.AggregateStore;
import vn.giamngheo.support.outbox.AggregateStores;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.web.PageResponse;
import vn.giamngheo.task.task.domain.Task;
import vn.giamngheo.task.task.domain.TaskKind;
import vn.giamngheo.task.task.domain.TaskStatus;

/** The tasks collection: aggregate documents with their outbox, and the queries of the API and the overdue check. */
@Component
public class TaskStore {

    public static final String COLLECTION = "tasks";
    private static final List<String> OPEN = List.of("PLANNED", "ASSIGNED", "IN_PROGRESS", "BLOCKED");

    private final AggregateStore<Task> aggregates;

    public TaskStore(AggregateStores stores, MongoTemplate mongo) {
        this.aggregates = stores.forCollection(COLLECTION, Task.class, "Task");
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("state.planId", Sort.Direction.ASC).on("state.status", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("state.leadUnitCode", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("state.coordinatingUnitCodes", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("state.objectiveId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("state.status", Sort.Direction.ASC).on("state.dueDate", Sort.Direction.ASC));
    }

    public AggregateStore<Task> aggregates() {
        return aggregates;
    }

    public Versioned<Task> get(String id) {
        return aggregates.get(id);
    }

    List<Versioned<Task>> openTasksOf(String planId) {
        return aggregates.find(Criteria.where("state.planId").is(planId).and("state.status").in(OPEN),
                PageRequest.of(0, 10_000), Sort.by("_id"));
    }

    /** Open tasks whose due date passed before {@code today} and that have not been reported overdue for it. */
    public List<Versioned<Task>> overdueUnreported(LocalDate today, int limit) {
        Criteria criteria = Criteria.where("state.status").in(OPEN).and("state.dueDate").lt(today)
                .and("state.overdueReported").ne(true);
        return aggregates.find(criteria, PageRequest.of(0, limit), Sort.by("state.dueDate", "_id"));
    }

    public PageResponse<Versioned<Task>> search(TaskFilter filter, LocalDate today, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        if (filter.planId() != null) {
            all.add(Criteria.where("state.planId").is(filter.planId()));
        }
        if (filter.objectiveId() != null) {
            all.add(Criteria.where("state.objectiveId").is(filter.objectiveId()));
        }
        if (filter.unitCode() != null) {
            Criteria lead = Criteria.where("state.leadUnitCode").is(filter.unitCode());
            Criteria coordinating = Criteria.where("state.coordinatingUnitCodes").is(filter.unitCode());
            all.add(filter.role() == UnitRole.LEAD ? lead : filter.role() == UnitRole.COORDINATING ? coordinating
                    : new Criteria().orOperator(lead, coordinating));
        }
        // An empty ?status= arrives as null, as it does for the single-valued filters: no filter, not a failure.
        List<String> statuses = filter.statuses() == null ? List.of()
                : filter.statuses().stream().filter(Objects::nonNull).map(Enum::name).toList();
        if (!statuses.isEmpty()) {
            all.add(Criteria.where("state.status").in(statuses));
        }
        if (filter.kind() != null) {
            all.add(Criteria.where("state.kind").is(filter.kind().name()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            all.add(Criteria.where("state.dueDate").lt(today).and("state.status").in(OPEN));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            all.add(new Criteria().orOperator(Criteria.where("state.dueDate").gte(today),
                    Criteria.where("state.status").nin(OPEN)));
        }
        if (filter.dueBefore() != null) {
            all.add(Criteria.where("state.dueDate").lt(filter.dueBefore()));
        }
        if (filter.dueAfter() != null) {
            all.add(Criteria.where("state.dueDate").gt(filter.dueAfter()));
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        List<Versioned<Task>> items = aggregates.find(criteria, PageRequest.of(page, size),
                Sort.by("state.dueDate", "_id"));
        return new PageResponse<>(items, page, size, aggregates.count(criteria));
    }

    /** How a unit takes part in a task. */
    public enum UnitRole {
        /** Đơn vị chủ trì. */
        LEAD,
        /** Đơn vị phối hợp. */
        COORDINATING
    }

    /**
     * Filters of the task list; all optional. {@code unitCode} matches the lead or a coordinating unit, or only one
     * of them when {@code role} is given. {@code dueBefore} and {@code dueAfter} are exclusive.
     */
    public record TaskFilter(String planId, String objectiveId, String unitCode, UnitRole role,
                             List<TaskStatus> statuses, TaskKind kind, Boolean overdue, LocalDate dueBefore,
                             LocalDate dueAfter) {
    }
}
