package vn.giamngheo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.giamngheo.bench.apps.empty.EmptyApp;
import vn.giamngheo.localstack.ChildProcess;
import vn.giamngheo.localstack.ClassDataSharing;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.LocalStackPorts;
import vn.giamngheo.localstack.ProcessFigures;

/**
 * Row 5: cold start to all healthy, and the resident memory of every process then. Ours: the local stack on a fresh
 * data directory (broker, MongoDB-wire server, topics, Kafka users and ACLs, the identity issuer, the three services
 * from their jars). Baseline: the same broker and MongoDB-wire server (the local stack with no services: same topics,
 * users and ACLs) and one empty Spring Boot web app for each of our Spring Boot processes, with that process's JVM
 * options — three like the services and one like the issuer — started in the stack's order: the issuer-sized one
 * launched first (the stack launches its issuer beside the broker and MongoDB), awaited after the infrastructure,
 * then the three side by side.
 *
 * <p>Why an empty app for the issuer rather than the issuer itself: it is our process, written and configured by us
 * (Spring Authorization Server with the demo identities, a stand-in for Keycloak), so like the services it is held
 * against the floor of a Spring Boot process; what it costs above that counts as ours. The broker and MongoDB-wire
 * server are the infrastructure, the same processes on both sides.
 */
final class Footprint {

    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration STOP = Duration.ofSeconds(20);

    record ColdStart(double seconds, List<ProcessFigures> processes) {

        double totalRssMib() {
            return Processes.mib(processes.stream().mapToLong(p -> Math.max(0, p.rssBytes())).sum());
        }
    }

    private final Path projectRoot;
    private final Path workDir;

    Footprint(Path projectRoot, Path workDir) {
        this.projectRoot = projectRoot;
        this.workDir = workDir;
    }

    /** Starts the local stack on a fresh data directory; the caller closes it. */
    LocalStack startStack(ColdStart[] result) throws IOException {
        LocalStack stack = LocalStack.builder().projectRoot(projectRoot)
                .dataDir(Files.createTempDirectory(workDir, "stack-"))
                .ports(LocalStackPorts.free()).build();
        long began = System.nanoTime();
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        result[0] = new ColdStart((System.nanoTime() - began) / 1e9, stack.processes());
        return stack;
    }

    /**
     * Makes the class data sharing archives of both sides before anything is timed, as an earlier start of the same
     * build would have: ours by one untimed start of the stack (the services' training runs need the running broker
     * and database), the empty apps' by their own training runs, one for each set of JVM options. The archives are
     * made once per build, like the jars; a start that had to make them would time the build, not the start.
     */
    void prepare() throws IOException {
        ColdStart[] ignored = new ColdStart[1];
        startStack(ignored).close();
        emptyAppLaunch(BaselineApp.SERVICE_JVM_OPTIONS);
        emptyAppLaunch(BaselineApp.IDENTITY_JVM_OPTIONS);
    }

    /** The empty app with the same class data sharing as our processes get: its own archive, for the same options. */
    private List<String> emptyAppLaunch(List<String> jvmOptions) {
        String name = jvmOptions.equals(BaselineApp.IDENTITY_JVM_OPTIONS) ? "empty-app-issuer" : "empty-app";
        ClassDataSharing.Launch launch = ClassDataSharing.forClasspath(name,
                Processes.emptyAppJars(EmptyApp.class, workDir), EmptyApp.class.getName(), jvmOptions,
                Map.of("SERVER_PORT", "0"), workDir);
        if (launch.note() != null) {
            throw new IllegalStateException(name + ": " + launch.note());
        }
        return launch.arguments();
    }

    ColdStart baseline() throws IOException {
        Path dataDir = Files.createTempDirectory(workDir, "baseline-");
        int[] ports = Processes.freePorts(4);
        List<String> serviceSized = emptyAppLaunch(BaselineApp.SERVICE_JVM_OPTIONS);
        List<BaselineApp> services = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            services.add(new BaselineApp("empty-app-" + (i + 1), BaselineApp.SERVICE_JVM_OPTIONS, serviceSized,
                    dataDir, ports[i], Map.of()));
        }
        BaselineApp issuerSized = new BaselineApp("empty-app-issuer", BaselineApp.IDENTITY_JVM_OPTIONS,
                emptyAppLaunch(BaselineApp.IDENTITY_JVM_OPTIONS), dataDir, ports[3], Map.of());
        List<BaselineApp> apps = new ArrayList<>(services);
        apps.add(issuerSized);
        long began = System.nanoTime();
        try (LocalStack infrastructure = LocalStack.builder().projectRoot(projectRoot).dataDir(dataDir)
                .ports(LocalStackPorts.free()).services().build()) {
            try {
                issuerSized.start();
                infrastructure.start();
                issuerSized.awaitReady(READY);
                services.forEach(ChildProcess::start);
                services.forEach(app -> app.awaitReady(READY));
                double seconds = (System.nanoTime() - began) / 1e9;
                List<ProcessFigures> figures = new ArrayList<>(infrastructure.processes());
                apps.forEach(app -> figures.add(app.figures()));
                return new ColdStart(seconds, figures);
            } finally {
                apps.forEach(app -> app.stop(STOP));
            }
        }
    }
}
