package vn.giamngheo.localstack;

import java.time.Duration;

/**
 * What one running child process costs, for the start-up summary and the project's figures.
 *
 * @param rssBytes   resident set size, or -1 where the operating system does not tell (no /proc)
 * @param readyAfter from launching the process until it answered its readiness check; null if it never did
 */
public record ProcessFigures(String name, long pid, long rssBytes, Duration readyAfter) {

    public String rssDisplay() {
        return rssBytes < 0 ? "n/a" : (rssBytes / (1024 * 1024)) + " MiB";
    }
}
