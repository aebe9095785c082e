package vn.giamngheo.report.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.plan.PlanViews;
import vn.giamngheo.report.plan.PlanViews.PlanView;
import vn.giamngheo.report.task.TaskViews;
import vn.giamngheo.support.domain.NotFoundException;

/** Computes a plan's progress from the task copies at read time, so it can never drift from them. */
@Component
public class PlanProgressQuery {

    private static final List<String> STATUSES =
            List.of("PLANNED", "ASSIGNED", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED");

    private final MongoTemplate mongo;
    private final PlanViews plans;
    private final Clock clock;

    public PlanProgressQuery(MongoTemplate mongo, PlanViews plans, Clock clock) {
        this.mongo = mongo;
        this.plans = plans;
        this.clock = clock;
    }

    public PlanProgress of(String planId) {
        PlanView plan = plans.find(planId).orElseThrow(() -> new NotFoundException("Plan", planId));
        Query query = Query.query(Criteria.where("planId").is(planId));
        query.fields().include("status", "percentComplete", "dueDate");
        List<Document> tasks = mongo.find(query, Document.class, TaskViews.COLLECTION);
        String today = LocalDate.now(clock).toString();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0L));
        long counted = 0;
        long percentSum = 0;
        long overdue = 0;
        for (Document task : tasks) {
            String status = task.getString("status");
            byStatus.merge(status, 1L, Long::sum);
            if (!"CANCELLED".equals(status)) {
                counted++;
                percentSum += task.getInteger("percentComplete", 0);
            }
            String due = task.getString("dueDate");
            boolean open = !"DONE".equals(status) && !"CANCELLED".equals(status);
            if (open && due != null && due.compareTo(today) < 0) {
                overdue++;
            }
        }
        double average = counted == 0 ? 0 : Math.round(percentSum * 10.0 / counted) / 10.0;
        return new PlanProgress(planId, plan.code(), plan.title(), plan.status(), tasks.size(), byStatus, average,
                overdue);
    }
}
