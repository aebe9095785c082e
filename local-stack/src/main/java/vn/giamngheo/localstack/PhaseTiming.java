package vn.giamngheo.localstack;

import java.time.Duration;

/** How long one phase of starting the stack took. */
public record PhaseTiming(String phase, Duration duration) {

    public String durationDisplay() {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
