package vn.giamngheo.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.contracts.Topics;
import vn.giamngheo.support.outbox.AuditEntry;
import vn.giamngheo.support.outbox.Versioned;
import vn.giamngheo.support.security.CurrentCaller;
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

    @Autowired
    CurrentCaller callers;

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

    TaskCommands racingWith(KnownPlans plans) {
        return new TaskCommands(store, plans, units, clock, callers);
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
        TaskCommands racing = racingWith(changingBetweenLooks(knownPlans, "ISSUED"));

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
        TaskCommands racing = racingWith(changingBetweenLooks(knownPlans, "CANCELLED"));

        // when
        Versioned<Task> created = racing.create(newTask(planId));

        // then
        assertThat(created.state().status()).isEqualTo(TaskStatus.CANCELLED);
    }

    @Test
    void the_assignment_that_follows_the_plan_is_the_services_even_inside_the_admins_request() {
        // given: the creation runs in a request of the administrator, and the plan is issued meanwhile
        String planId = UUID.randomUUID().toString();
        planService.publish(Topics.PLAN_EVENTS, planCreated(planId));
        await().atMost(SETTLE).until(() -> knownPlans.find(planId).isPresent());
        TaskCommands racing = racingWith(changingBetweenLooks(knownPlans, "ISSUED"));
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject("admin").claim("roles", List.of("ADMIN"))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        // when
        Versioned<Task> created;
        try {
            created = racing.create(newTask(planId));
            // then: the request's caller is back for whatever the request does next
            assertThat(callers.get().subject()).isEqualTo("admin");
        } finally {
            RequestContextHolder.resetRequestAttributes();
            SecurityContextHolder.clearContext();
        }

        // then
        assertThat(store.aggregates().auditTrail(created.id())).extracting(AuditEntry::type,
                e -> e.actor().subject(), e -> e.actor().kind()).containsExactly(
                tuple("task.TaskCreated.v1", "admin", Actor.Kind.USER),
                tuple("task.TaskAssigned.v1", "task-service", Actor.Kind.SYSTEM));
    }
}
