package vn.giamngheo.report.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the alert detection on every instance every {@code giamngheo.report.alerts.check-interval}; the detector
 * raises each condition once per period however many instances run it.
 */
@Component
public class AlertCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AlertCheck.class);

    private final AlertDetector detector;

    public AlertCheck(AlertDetector detector) {
        this.detector = detector;
    }

    @Scheduled(initialDelayString = "${giamngheo.report.alerts.initial-delay:PT1M}",
            fixedDelayString = "${giamngheo.report.alerts.check-interval:PT10M}")
    public void run() {
        AlertDetector.Run run = detector.run();
        if (run.raised() > 0 || run.resolved() > 0) {
            LOG.info("Alert check for {}: {} raised, {} resolved", run.today(), run.raised(), run.resolved());
        }
    }
}
