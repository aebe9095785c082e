package vn.giamngheo.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.task.TaskServiceScenarios;
import vn.giamngheo.task.plan.KnownPlans;
import vn.giamngheo.task.plan.KnownPlans.KnownPlan;
import vn.giamngheo.task.task.domain.NewTask;
import vn.giamngheo.task.task.domain.Task;
import vn.giamngheo.task.task.domain.TaskKind;
import vn.giamngheo.task.task.domain.TaskStatus;
import vn.giamngheo.task.unit.KnownUnits;

/**
 * A task created while its plan's issue (or cancellation) is being applied must not miss it: the consumer's
 * reconciliation can run before the task is stored, so creation looks at the plan again afterwards.
 */
abstract class PlanRaceScenarios extends TaskServiceScenarios {

    @Autowired
    KnownUnits units;

    @Autowired
    Clock clock;

    /** Answers the plan as DRAFT on the first look and as {@code later} on every look after it. */
    static KnownPlans changingBetweenLooks(KnownPlans real, String later) {
        AtomicInteger looks = new AtomicInteger();
        return new KnownPlans(null, null) {
            @Override
            public Optional<KnownPlan> find(String planId) {
                KnownPlan plan = real.find(planId).orElseThrow();
                String status = looks.getAndIncrement() == 0 ? "DRAFT" : later;
                return Optional.of(new KnownPlan(plan.id(), plan.code(), status));
            }
        };
    }

    NewTask newTask(String planId) {
        return new NewTask(planId, "Hỗ trợ sinh kế cho hộ nghèo", TaskKind.IMPLEMENTATION, "BDT-14", List.of(),
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(2));
    }

    @Autowired
    KnownPlans knownPlans;

    @Test
    void a_task_created_while_its_plan_is_being_issued_ends_up_assigned() {
        // given: the plan is known; between the creator's first look and its store, the plan is issued
        String planId = UUID.randomUUID().toString();
        planService.publish(Topics.PLAN_EVENTS, planCreated(planId));
        await().atMost(SETTLE).until(() -> knownPlans.find(planId).isPresent());
        TaskCommands racing = new TaskCommands(store, changingBetweenLooks(knownPlans, "ISSUED"), units, clock);

        // when
        Versioned<Task> created = racing.create(newTask(planId));

        // then
        assertThat(created.state().status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(store.get(created.id()).version()).isEqualTo(2);
    }

    @Test
    void a_task_created_while_its_plan_is_being_cancelled_ends_up_cancelled() {
        // given
        String planId = UUID.randomUUID().toString();
        planService.publish(Topics.PLAN_EVENTS, planCreated(planId));
        await().atMost(SETTLE).until(() -> knownPlans.find(planId).isPresent());
        TaskCommands racing = new TaskCommands(store, changingBetweenLooks(knownPlans, "CANCELLED"), units, clock);

        // when
        Versioned<Task> created = racing.create(newTask(planId));

        // then
        assertThat(created.state().status()).isEqualTo(TaskStatus.CANCELLED);
    }
}
