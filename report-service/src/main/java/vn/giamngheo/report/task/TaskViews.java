package vn.giamngheo.report.task;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.giamngheo.contracts.task.TaskCreated;
import vn.giamngheo.support.consume.ApplyOutcome;
import vn.giamngheo.support.consume.IncomingEvent;
import vn.giamngheo.support.consume.VersionedCopies;

/**
 * One document per task, kept from task.events: the facts progress reports aggregate. Every task event carries the
 * task's status and percentage after the change, so each event simply sets them.
 */
@Component
public class TaskViews {

    public static final String COLLECTION = "task_views";

    private final VersionedCopies copies;

    public TaskViews(MongoTemplate mongo, VersionedCopies copies) {
        this.copies = copies;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("planId", Sort.Direction.ASC));
    }

    public ApplyOutcome apply(IncomingEvent event) {
        Update update = new Update()
                .set("planId", event.data().get("planId").asString())
                .set("status", event.data().get("status").asString())
                .set("percentComplete", event.data().get("percentComplete").asInt())
                .set("updatedAt", event.time());
        if (event.payload() instanceof TaskCreated created) {
            update.set("title", created.title()).set("leadUnitCode", created.leadUnitCode())
                    .set("coordinatingUnitCodes", created.coordinatingUnitCodes());
        }
        // TaskCreated, TaskDeadlineExtended and TaskOverdue carry the due date in force after the change.
        if (event.data().hasNonNull("dueDate")) {
            update.set("dueDate", event.data().get("dueDate").asString());
        }
        return copies.applyNext(COLLECTION, event.subject(), event.version(), update);
    }
}
