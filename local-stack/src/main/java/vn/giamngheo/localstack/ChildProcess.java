package vn.giamngheo.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One process of the stack, in its own JVM: started, waited for until its readiness check passes, stopped gracefully
 * or killed. Its console goes to a log file in the data directory, emptied on the first start and appended to on
 * restarts, so a fault test's restart keeps the earlier part of the story.
 */
public abstract class ChildProcess {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    private static final Duration KILL_WAIT = Duration.ofSeconds(15);
    private static final int TAIL_LINES = 30;
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final String name;
    private final Path dataDir;
    private final Path consoleLog;
    private volatile Process process;
    private volatile long launchedAtNanos;
    private volatile Duration readyAfter;
    private int starts;
    private boolean retired;

    protected ChildProcess(String name, Path dataDir, Path consoleLog) {
        this.name = name;
        this.dataDir = dataDir;
        this.consoleLog = consoleLog;
    }

    /** The full command line, starting with the java executable. */
    protected abstract List<String> command();

    /** One quick readiness check; must not throw and must not block for long. */
    protected abstract boolean probeReady();

    /** Extra environment variables for the process. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /** Runs before each launch, e.g. to write configuration; {@code firstStart} is true once per instance. */
    protected void prepare(boolean firstStart) {
    }

    /** Runs after the process is gone, to drop clients that talked to it. */
    protected void afterExit() {
    }

    /** The logs whose last lines explain a failed start, most telling first. */
    protected List<Path> diagnosticLogs() {
        return List.of(consoleLog);
    }

    public String name() {
        return name;
    }

    public Path consoleLog() {
        return consoleLog;
    }

    protected Path dataDir() {
        return dataDir;
    }

    /** Launches the process without waiting for it to become ready. */
    public synchronized void start() {
        if (retired) {
            throw new LocalStackException(name + " is not started again: the stack is shutting down");
        }
        if (isAlive()) {
            throw new LocalStackException(name + " is already running (pid " + pid() + ")");
        }
        boolean firstStart = starts++ == 0;
        try {
            Files.createDirectories(consoleLog.getParent());
            if (firstStart) {
                Files.deleteIfExists(consoleLog);
            }
            prepare(firstStart);
            ProcessBuilder builder = new ProcessBuilder(command())
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(consoleLog.toFile()));
            builder.environment().putAll(environment());
            readyAfter = null;
            launchedAtNanos = System.nanoTime();
            process = builder.start();
            writePidFile(process.pid());
        } catch (IOException e) {
            throw new LocalStackException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the readiness check passes. Fails at once if the process exits, and after {@code timeout} if it
     * never becomes ready; either way the message names the log and quotes its end.
     */
    public void awaitReady(Duration timeout) {
        Process running = process;
        if (running == null) {
            throw new LocalStackException(name + " was never started");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (!running.isAlive()) {
                    throw failure(name + " exited with code " + running.exitValue() + " before it was ready");
                }
                if (probeReady()) {
                    readyAfter = Duration.ofNanos(System.nanoTime() - launchedAtNanos);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw failure(name + " was not ready within " + timeout.toSeconds() + " s");
                }
                running.waitFor(PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while waiting for " + name, e);
        }
    }

    public void startAndAwaitReady(Duration timeout) {
        start();
        awaitReady(timeout);
    }

    /** SIGTERM, so the process runs its shutdown hooks; SIGKILL if it has not exited within {@code grace}. */
    public synchronized void stop(Duration grace) {
        Process running = process;
        if (running == null) {
            return;
        }
        try {
            if (running.isAlive()) {
                running.destroy();
                if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    running.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        } finally {
            exited();
        }
    }

    /** SIGKILL, as a crash would: no shutdown hooks run. Returns once the process is gone. */
    public synchronized void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        try {
            running.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exited();
        }
    }

    /** Refuses every later start: the stack is closing, and nothing may come up behind its back. */
    synchronized void retire() {
        retired = true;
    }

    public boolean isAlive() {
        Process running = process;
        return running != null && running.isAlive();
    }

    /** The pid of the current or last process, or -1 if it never started. */
    public long pid() {
        Process running = process;
        return running == null ? -1 : running.pid();
    }

    /** The resident set size from /proc/&lt;pid&gt;/status (VmRSS); empty where there is no such file. */
    public OptionalLong rssBytes() {
        if (!isAlive()) {
            return OptionalLong.empty();
        }
        Path status = Path.of("/proc", Long.toString(pid()), "status");
        try (Stream<String> lines = Files.lines(status, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .filter(kib -> !kib.isEmpty())
                    .mapToLong(kib -> Long.parseLong(kib) * 1024)
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    public ProcessFigures figures() {
        return new ProcessFigures(name, pid(), rssBytes().orElse(-1), readyAfter);
    }

    private void exited() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // A stale pid file only makes a later hint less precise.
        }
        afterExit();
    }

    /** Written so a later start can tell the user which left-over process holds a port. */
    private void writePidFile(long pid) throws IOException {
        Files.createDirectories(pidFile().getParent());
        Files.writeString(pidFile(), Long.toString(pid));
    }

    Path pidFile() {
        return pidFile(dataDir, name);
    }

    static Path pidFile(Path dataDir, String processName) {
        return dataDir.resolve("pids").resolve(processName + ".pid");
    }

    private LocalStackException failure(String what) {
        StringBuilder message = new StringBuilder(what).append('.');
        for (Path log : diagnosticLogs()) {
            message.append(System.lineSeparator()).append("Log: ").append(log.toAbsolutePath())
                    .append(System.lineSeparator()).append("--- last lines ---").append(System.lineSeparator())
                    .append(LogTail.lastLines(log, TAIL_LINES));
        }
        return new LocalStackException(message.toString());
    }

    /** Copies one of this package's resources out, e.g. a logging configuration the child JVM reads at start. */
    protected static void copyResource(String resource, Path target) {
        try (InputStream in = ChildProcess.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LocalStackException("Missing resource " + resource + " in the local-stack jar");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LocalStackException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A readiness probe over HTTP: 200 with a body that contains {@code expected}; anything else is "not yet". */
    protected static boolean answers(String url, String expected) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            HttpResponse<String> response = PROBE.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(expected);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception notYet) {
            return false;
        }
    }

    protected static String javaExecutable() {
        return ChildClasspath.javaExecutable().toString();
    }
}
