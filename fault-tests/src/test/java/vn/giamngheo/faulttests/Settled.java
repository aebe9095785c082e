package vn.giamngheo.faulttests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.giamngheo.localstack.Service;

/**
 * Waits until the system has settled — every outbox published, every copy and projection equal to a fresh replay —
 * then checks the remaining invariants and returns the figures of the topics.
 */
record Settled(Invariants.Replay planEvents, Invariants.Replay taskEvents, Map<String, Integer> deadLetters,
               long settleMillis) {

    /** A crashed relay's claim on a document lasts 60 s; settling may have to outlast it. */
    static final Duration SETTLE = Duration.ofSeconds(150);

    static Settled check(FaultStack stack, Set<String> injectedKeys) {
        long began = System.nanoTime();
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Invariants.Replay plans = Invariants.replay(stack, "plan.events");
            Invariants.Replay tasks = Invariants.replay(stack, "task.events");
            Invariants.ownerTopicMatches(stack, Service.PLAN, List.of("plans", "units", "allocations"), plans,
                    injectedKeys);
            Invariants.ownerTopicMatches(stack, Service.TASK, List.of("tasks"), tasks, injectedKeys);
            Invariants.projectionsMatchReplay(stack, plans, tasks);
        });
        long settled = (System.nanoTime() - began) / 1_000_000;
        Invariants.Replay plans = Invariants.replay(stack, "plan.events");
        Invariants.Replay tasks = Invariants.replay(stack, "task.events");
        Invariants.inVersionOrder(plans, injectedKeys);
        Invariants.inVersionOrder(tasks, injectedKeys);
        Invariants.tasksFollowTheirPlans(stack, tasks);
        Map<String, Integer> deadLetters = Invariants.deadLettersOnly(stack, injectedKeys);
        return new Settled(plans, tasks, deadLetters, settled);
    }

    int deadLetterCount() {
        return deadLetters.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One summary line per scenario, for the closing report. */
    void print(String scenario, String workload, String faults, Ledger ledger, int uncertainStored,
               String extra) {
        System.out.printf("FAULT-SUITE %s | workload: %s | faults: %s | acknowledged=%d refused=%d conflicts=%d "
                        + "notSent=%d uncertain=%d (stored %d) 503s=%d | plan.events records=%d events=%d "
                        + "duplicates=%d | task.events records=%d events=%d duplicates=%d | dead letters=%d | "
                        + "settled in %.1f s | lost=0%s%n",
                scenario, workload, faults, ledger.acknowledgedCount(), ledger.refused.get(), ledger.stale.get(),
                ledger.notSent.get(), ledger.uncertain.size(), uncertainStored, ledger.unavailable.get(),
                planEvents.records(), planEvents.distinctEvents(), planEvents.duplicates(), taskEvents.records(),
                taskEvents.distinctEvents(), taskEvents.duplicates(), deadLetterCount(), settleMillis / 1000.0,
                extra == null || extra.isEmpty() ? "" : " | " + extra);
    }
}
