package vn.giamngheo.task.task;

import java.time.LocalDate;
import java.util.List;
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
import vn.giamngheo.task.task.domain.TaskStatus;

/** The tasks collection: aggregate documents with their outbox, and the queries of the API. */
@Component
public class TaskStore {

    public static final String COLLECTION = "tasks";
    private static final List<String> OPEN = List.of("PLANNED", "ASSIGNED", "IN_PROGRESS", "BLOCKED");

    private final AggregateStore<Task> aggregates;

    public TaskStore(AggregateStores stores, MongoTemplate mongo) {
        this.aggregates = stores.forCollection(COLLECTION, Task.class, "Task");
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.planId", Sort.Direction.ASC)
                .on("state.status", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.leadUnitCode", Sort.Direction.ASC));
    }

    AggregateStore<Task> aggregates() {
        return aggregates;
    }

    public Versioned<Task> get(String id) {
        return aggregates.get(id);
    }

    List<Versioned<Task>> openTasksOf(String planId) {
        return aggregates.find(Criteria.where("state.planId").is(planId).and("state.status").in(OPEN),
                PageRequest.of(0, 10_000), Sort.by("_id"));
    }

    public PageResponse<Versioned<Task>> search(TaskFilter filter, LocalDate today, int page, int size) {
        Criteria criteria = new Criteria();
        if (filter.planId() != null) {
            criteria.and("state.planId").is(filter.planId());
        }
        if (filter.unitCode() != null) {
            criteria.orOperator(Criteria.where("state.leadUnitCode").is(filter.unitCode()),
                    Criteria.where("state.coordinatingUnitCodes").is(filter.unitCode()));
        }
        if (filter.status() != null) {
            criteria.and("state.status").is(filter.status().name());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            criteria.and("state.dueDate").lt(today).and("state.status").in(OPEN);
        }
        List<Versioned<Task>> items = aggregates.find(criteria, PageRequest.of(page, size),
                Sort.by("state.dueDate", "_id"));
        return new PageResponse<>(items, page, size, aggregates.count(criteria));
    }

    /** Filters of the task list; all optional. {@code unitCode} matches the lead or a coordinating unit. */
    public record TaskFilter(String planId, String unitCode, TaskStatus status, Boolean overdue) {
    }
}
