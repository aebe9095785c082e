package vn.giamngheo.task.schedule;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.giamngheo.task.task.TaskStore;

/**
 * Runs the overdue detection on every instance of the service every {@code giamngheo.task.overdue.check-interval};
 * the detector itself guarantees that a task is reported only once per due date however many instances run.
 */
@Component
public class OverdueCheck {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueCheck.class);

    private final OverdueDetector detector;

    public OverdueCheck(TaskStore store, Clock clock) {
        this.detector = new OverdueDetector(store, clock);
    }

    @Scheduled(initialDelayString = "${giamngheo.task.overdue.initial-delay}",
            fixedDelayString = "${giamngheo.task.overdue.check-interval}")
    public void run() {
        OverdueDetector.Run run = detector.detect();
        if (run.reported() > 0) {
            LOG.info("Overdue check for {}: {} task(s) reported overdue", run.today(), run.reported());
        }
    }
}
