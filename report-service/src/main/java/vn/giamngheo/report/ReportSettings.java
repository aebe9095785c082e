package vn.giamngheo.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.giamngheo.report.period.PeriodKind;

/**
 * {@code giamngheo.report.*}: the monitoring rules that are a matter of policy, not code.
 *
 * @param timeZone    the province's calendar: what "today", "overdue" and "as of a date" mean [Asia/Ho_Chi_Minh]
 * @param submissions periodic report submissions
 * @param alerts      alert thresholds
 * @param indicators  indicator status projection
 * @param feedback    community feedback abuse protection
 */
@ConfigurationProperties("giamngheo.report")
public record ReportSettings(String timeZone, Submissions submissions, Alerts alerts, Indicators indicators,
                             Feedback feedback) {

    public ReportSettings {
        timeZone = timeZone == null ? "Asia/Ho_Chi_Minh" : timeZone;
        submissions = submissions == null ? new Submissions(null, null) : submissions;
        alerts = alerts == null ? new Alerts(null, null, null, null) : alerts;
        indicators = indicators == null ? new Indicators(null, null, null) : indicators;
        feedback = feedback == null ? new Feedback(null, null, null, null) : feedback;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /**
     * @param dueDaysAfterPeriod a report is due this many days after its period ends [15]
     * @param requiredPeriods    the reports every unit leading work must submit [H1, ANNUAL: the 6-monthly and the
     *                           annual report]
     */
    public record Submissions(Integer dueDaysAfterPeriod, List<PeriodKind> requiredPeriods) {
        public Submissions {
            dueDaysAfterPeriod = dueDaysAfterPeriod == null ? 15 : dueDaysAfterPeriod;
            requiredPeriods = requiredPeriods == null || requiredPeriods.isEmpty()
                    ? List.of(PeriodKind.H1, PeriodKind.ANNUAL) : List.copyOf(requiredPeriods);
        }
    }

    /**
     * @param overdueTasksThreshold   a plan with at least this many overdue open tasks raises an alert [5]
     * @param submissionLookbackYears missing reports are looked for in this many years before the current one [1]
     * @param checkInterval           how often every instance runs the alert check [PT10M]
     * @param initialDelay            the first check after start-up [PT1M]
     */
    public record Alerts(Integer overdueTasksThreshold, Integer submissionLookbackYears, Duration checkInterval,
                         Duration initialDelay) {
        public Alerts {
            overdueTasksThreshold = overdueTasksThreshold == null ? 5 : overdueTasksThreshold;
            submissionLookbackYears = submissionLookbackYears == null ? 1 : submissionLookbackYears;
            checkInterval = checkInterval == null ? Duration.ofMinutes(10) : checkInterval;
            initialDelay = initialDelay == null ? Duration.ofMinutes(1) : initialDelay;
        }
    }

    /**
     * @param atRiskShare  a projection short of the target by at most this share of the planned change is AT_RISK,
     *                     more is OFF_TRACK [0.10]
     * @param provinceCode the province whose poverty-review actuals stand for a plan's whole area [14]
     * @param povertyCodes plan indicator codes measured by a poverty-review indicator, e.g. TL-HN → MPR (the
     *                     poverty-review codes themselves always match)
     */
    public record Indicators(BigDecimal atRiskShare, String provinceCode, Map<String, String> povertyCodes) {
        public Indicators {
            atRiskShare = atRiskShare == null ? new BigDecimal("0.10") : atRiskShare;
            provinceCode = provinceCode == null ? "14" : provinceCode;
            povertyCodes = povertyCodes == null ? Map.of("TL-HN", "MPR", "TL-HN-DTTS", "MPR_EM",
                    "TL-HO-NGHEO", "POOR_RATE", "TL-HO-CAN-NGHEO", "NEAR_POOR_RATE") : Map.copyOf(povertyCodes);
        }
    }

    /**
     * @param rateLimitCapacity  feedback posts one client (IP address) may make in a burst [20]
     * @param rateLimitPeriod    the time in which a client's allowance refills completely [PT1H]
     * @param maxBodyBytes       larger feedback requests are refused before they are read [16384]
     * @param maxTrackedClients  clients whose allowance is remembered; idle ones are forgotten first [100000]
     */
    public record Feedback(Integer rateLimitCapacity, Duration rateLimitPeriod, Integer maxBodyBytes,
                           Integer maxTrackedClients) {
        public Feedback {
            rateLimitCapacity = rateLimitCapacity == null ? 20 : rateLimitCapacity;
            rateLimitPeriod = rateLimitPeriod == null ? Duration.ofHours(1) : rateLimitPeriod;
            maxBodyBytes = maxBodyBytes == null ? 16_384 : maxBodyBytes;
            maxTrackedClients = maxTrackedClients == null ? 100_000 : maxTrackedClients;
        }
    }
}
