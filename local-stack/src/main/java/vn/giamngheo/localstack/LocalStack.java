package vn.giamngheo.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The embedded stack: a MongoDB-wire server and a real Kafka broker, each in its own JVM, the suite's topics, the three
 * services from their jars, and optionally the demo data. The system tests drive it through this class; the CLI
 * ({@link LocalStackMain}) is a thin shell around it.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().ports(LocalStackPorts.free()).build()) {
 *     stack.start();
 *     String plans = stack.url(Service.PLAN) + "/api/v1/plans";
 *     stack.killKafka();
 *     stack.startKafka();
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    /** The topics created before the services start. */
    public static final List<String> TOPICS = List.of("plan.events", "task.events", "report.events",
            "census.households");

    /** The services' dead-letter topics ({@code <topic>.<group>.dlt}), also created before the services start. */
    public static final List<String> DEAD_LETTER_TOPICS = KafkaAccess.deadLetterTopics();

    private static final Duration MONGO_READY = Duration.ofSeconds(60);
    private static final Duration KAFKA_READY = Duration.ofSeconds(90);
    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);
    private static final Duration KAFKA_GRACE = Duration.ofSeconds(30);
    private static final Duration MONGO_GRACE = Duration.ofSeconds(15);
    private static final Duration IDENTITY_READY = Duration.ofSeconds(90);
    private static final Duration IDENTITY_GRACE = Duration.ofSeconds(15);

    private final Path projectRoot;
    private final Path dataDir;
    private final LocalStackPorts ports;
    private final int topicPartitions;
    private final Set<Service> servicesToStart;
    private final boolean demoData;
    private final Duration serviceReadyTimeout;
    private final Consumer<String> progress;

    private final KafkaCredentials kafkaCredentials;
    private final MongoWireProcess mongo;
    private final KafkaBrokerProcess kafka;
    private final IdentityProcess identity;
    private final Tokens tokens;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);

    private final Object lifecycle = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<PhaseTiming> timings = new CopyOnWriteArrayList<>();
    private volatile DataDirLock lock;
    private volatile DemoDataOutcome demoDataOutcome;

    private LocalStack(Builder builder, Path projectRoot) {
        this.projectRoot = projectRoot;
        this.dataDir = (builder.dataDir != null ? builder.dataDir : projectRoot.resolve(".local-stack"))
                .toAbsolutePath().normalize();
        this.ports = builder.ports;
        this.topicPartitions = builder.topicPartitions;
        this.servicesToStart = EnumSet.copyOf(builder.services);
        this.demoData = builder.demoData;
        this.serviceReadyTimeout = builder.serviceReadyTimeout;
        this.progress = builder.progress;
        String classpath = ChildClasspath.resolve(projectRoot);
        this.mongo = new MongoWireProcess(dataDir, ports.mongo(), classpath);
        this.identity = new IdentityProcess(projectRoot.resolve("identity").resolve("target").resolve("identity.jar"),
                dataDir, ports.identity());
        this.tokens = new Tokens(identity.issuerUri());
        Map<String, String> kafkaPasswords = new HashMap<>(System.getenv());
        builder.kafkaPasswords.forEach((principal, password) ->
                kafkaPasswords.put(KafkaCredentials.environmentVariable(principal), password));
        this.kafkaCredentials = KafkaCredentials.fromEnvironment(kafkaPasswords);
        this.kafka = new KafkaBrokerProcess(dataDir, ports.kafka(), ports.kafkaController(), topicPartitions,
                kafkaCredentials, classpath);
        for (Service service : Service.values()) {
            services.put(service, new ServiceProcess(service, jarOf(service), dataDir, ports.of(service),
                    mongoUri(), kafkaBootstrap(), topicPartitions, kafkaCredentials.serviceEnvironment(service),
                    identity.serviceEnvironment()));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts everything and returns when all of it is ready: the MongoDB-wire server, the Kafka broker and (when
     * services are to run) the identity issuer side by side, then the topics, then — once the issuer is ready — the
     * services side by side, then the demo data if asked for (once per data directory, loaded with real tokens).
     * Nothing starts if the data directory is in use or a port is taken. If anything fails, whatever was started is
     * stopped again before the exception leaves.
     */
    public void start() {
        synchronized (lifecycle) {
            if (closed.get()) {
                throw new LocalStackException("This local stack was closed; build a new one to start again");
            }
            if (lock != null) {
                throw new LocalStackException("This local stack is already started");
            }
            lock = DataDirLock.acquire(dataDir);
            try {
                requireFree(allPortClaims());
                requireServiceJars();
                if (!servicesToStart.isEmpty()) {
                    // The issuer's training run needs nothing else; the services' need MongoDB and Kafka (their
                    // beans create indexes and Kafka clients while the context refreshes), so they train below.
                    phase("class data sharing, identity (made once per build)",
                            () -> prepareClassDataSharing(List.of(identity)));
                    // Launched first, so it starts while MongoDB and Kafka do; awaited before the services.
                    identity.start();
                }
                phase("MongoDB-wire server + Kafka broker", () -> {
                    mongo.start();
                    kafka.start();
                    mongo.awaitReady(MONGO_READY);
                    kafka.awaitReady(KAFKA_READY);
                });
                if (kafka.configuredAdminPasswordIgnored()) {
                    progress.accept("Note: Kafka's admin keeps the password " + dataDir + " was created with; "
                            + KafkaCredentials.environmentVariable(KafkaCredentials.ADMIN) + " applies to a new data"
                            + " directory only.");
                }
                phase("Kafka topics, users and ACLs", this::prepareKafka);
                if (!servicesToStart.isEmpty()) {
                    phase("class data sharing, services (made once per build)", () -> prepareClassDataSharing(
                            servicesToStart.stream().map(services::get).toList()));
                    phase("identity (token issuer)", () -> identity.awaitReady(IDENTITY_READY));
                    phase("services", () -> {
                        servicesToStart.forEach(service -> services.get(service).start());
                        servicesToStart.forEach(service -> services.get(service).awaitReady(serviceReadyTimeout));
                    });
                }
                if (demoData) {
                    phase("demo data", () -> demoDataOutcome = DemoData.loadOnce(dataDir, url(Service.PLAN),
                            url(Service.TASK), DemoActors.loggedInAt(tokens)));
                    if (servicesToStart.contains(Service.REPORT)) {
                        phase("demo poverty reviews", () -> progress.accept(PovertyDemo.load(url(Service.REPORT),
                                DemoActors.loggedInAt(tokens).admin())));
                    }
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    /**
     * Makes the extracted jars and class data sharing archives of these processes where they are missing, side by
     * side: a training run each, once per build (see {@link ClassDataSharing}); quick when they exist.
     */
    private static void prepareClassDataSharing(List<? extends BootJarProcess> processes) {
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = processes.stream().map(process -> new Thread(() -> {
            try {
                process.prepareLaunch();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }, "local-stack-cds-" + process.name())).toList();
        if (!runSideBySide(threads)) {
            // Their training runs must not outlive the stack (they stop their JVMs when interrupted).
            threads.forEach(Thread::interrupt);
            throw new LocalStackException("Interrupted while preparing class data sharing");
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** The broker's address; a client also needs {@link #kafkaClientProperties()} to be let in. */
    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /**
     * Bootstrap servers and SASL/SCRAM settings of the stack's Kafka admin (a super user), for the stack's own
     * tools and the tests' probes: pass them to any Kafka client, adding its own settings.
     */
    public Map<String, Object> kafkaClientProperties() {
        return kafkaClientProperties(KafkaCredentials.ADMIN);
    }

    /**
     * The same for another principal: a service's user (e.g. {@code plan-service}) or the department
     * {@link KafkaCredentials#DEPARTMENT}, with exactly the rights the broker's ACLs give it.
     */
    public Map<String, Object> kafkaClientProperties(String principal) {
        return kafka.clientProperties(principal);
    }

    /** The admin's client settings as a properties file, for {@code --command-config} of Kafka's tools. */
    public Path kafkaAdminClientConfig() {
        return kafka.adminClientConfig();
    }

    /**
     * The local issuer as tokens name it ({@code http://localhost:<identity port>}); the services accept its tokens.
     * The issuer runs whenever the stack runs services.
     */
    public String issuerUri() {
        return identity.issuerUri();
    }

    /**
     * Real tokens from the local issuer, e.g. {@code tokens().user("admin", "demo-admin")}; the demo users are in
     * {@link DemoIdentities}.
     */
    public Tokens tokens() {
        return tokens;
    }

    /** The server's URI without a database; each service uses {@code <this>/giamngheo_<service>}. */
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + ports.mongo();
    }

    public String mongoUri(Service service) {
        return mongoUri() + "/" + service.databaseName();
    }

    /** The service's base URL, without a trailing slash, e.g. {@code http://127.0.0.1:8081}. */
    public String url(Service service) {
        return services.get(service).baseUrl();
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public LocalStackPorts ports() {
        return ports;
    }

    public int topicPartitions() {
        return topicPartitions;
    }

    /** The H2 file in which the MongoDB-wire server keeps every database. */
    public Path mongoStoreFile() {
        return mongo.storeFile();
    }

    public void stopKafka() {
        kafka.stop(KAFKA_GRACE);
    }

    /** Starts the broker again on the same data (topics and records survive) and waits until it is ready. */
    public void startKafka() {
        requireStarted();
        requireFree(kafkaPortClaims());
        kafka.startAndAwaitReady(KAFKA_READY);
    }

    public void killKafka() {
        kafka.kill();
    }

    public void stopIdentity() {
        identity.stop(IDENTITY_GRACE);
    }

    /** Starts the issuer again (same signing key, so earlier tokens stay valid) and waits until it is ready. */
    public void startIdentity() {
        requireStarted();
        requireFree(List.of(identityPortClaim()));
        identity.startAndAwaitReady(IDENTITY_READY);
    }

    public void killIdentity() {
        identity.kill();
    }

    public void stopService(Service service) {
        services.get(service).stop(SERVICE_GRACE);
    }

    public void startService(Service service) {
        requireStarted();
        ServiceProcess process = services.get(service);
        if (!Files.isRegularFile(process.jar())) {
            throw ServiceProcess.missingJar(service, process.jar());
        }
        requireFree(List.of(servicePortClaim(service)));
        if (identity.pid() < 0) {
            // Built without services, so the issuer never ran; a service without it would accept no token.
            startIdentity();
        }
        process.startAndAwaitReady(serviceReadyTimeout);
    }

    public void killService(Service service) {
        services.get(service).kill();
    }

    public void stopMongo() {
        mongo.stop(MONGO_GRACE);
    }

    public void startMongo() {
        requireStarted();
        requireFree(List.of(mongoPortClaim()));
        mongo.startAndAwaitReady(MONGO_READY);
    }

    public void killMongo() {
        mongo.kill();
    }

    /** Pid, resident memory and start-up time of every process that is running now. */
    public List<ProcessFigures> processes() {
        return allProcesses().filter(ChildProcess::isAlive).map(ChildProcess::figures).toList();
    }

    /** How long each phase of {@link #start()} took, in order. */
    public List<PhaseTiming> startupTimings() {
        return List.copyOf(timings);
    }

    /** What the demo-data phase did; empty if the stack was built without demo data or has not got that far. */
    public Optional<DemoDataOutcome> demoDataOutcome() {
        return Optional.ofNullable(demoDataOutcome);
    }

    /**
     * Stops everything this stack started: the services first (they flush their outboxes and leave their consumer
     * groups), then the identity issuer, then Kafka, then MongoDB. Safe to call more than once and from a shutdown
     * hook while start() runs.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        allProcesses().forEach(ChildProcess::retire);
        stopAll(services.values().stream().map(process -> () -> process.stop(SERVICE_GRACE)));
        stopQuietly(() -> identity.stop(IDENTITY_GRACE));
        stopQuietly(() -> kafka.stop(KAFKA_GRACE));
        stopQuietly(() -> mongo.stop(MONGO_GRACE));
        DataDirLock held = lock;
        if (held != null) {
            held.close();
        }
    }

    /** Topics first (as admin), then the services' and the department's users and ACLs. */
    private void prepareKafka() {
        List<String> topics = new ArrayList<>(TOPICS);
        topics.addAll(DEAD_LETTER_TOPICS);
        try (var admin = KafkaTopics.admin(kafkaClientProperties(), TOPICS_TIMEOUT)) {
            KafkaTopics.ensure(admin, topics, topicPartitions, TOPICS_TIMEOUT);
            KafkaAccess.apply(admin, kafka.credentials(), TOPICS, TOPICS_TIMEOUT);
            KafkaAccess.awaitInForce(admin, kafka.credentials(), TOPICS, this::kafkaClientProperties,
                    TOPICS_TIMEOUT);
        }
    }

    private void phase(String name, Runnable work) {
        progress.accept("Starting " + name + " …");
        long began = System.nanoTime();
        work.run();
        PhaseTiming timing = new PhaseTiming(name, Duration.ofNanos(System.nanoTime() - began));
        timings.add(timing);
        progress.accept("  " + name + " ready in " + timing.durationDisplay());
    }

    private void requireStarted() {
        if (lock == null || closed.get()) {
            throw new LocalStackException("The local stack is not running: start() it first");
        }
    }

    private void requireServiceJars() {
        if (!servicesToStart.isEmpty() && !Files.isRegularFile(identity.jar())) {
            throw IdentityProcess.missingJar(identity.jar());
        }
        for (Service service : servicesToStart) {
            Path jar = services.get(service).jar();
            if (!Files.isRegularFile(jar)) {
                throw ServiceProcess.missingJar(service, jar);
            }
        }
    }

    private void requireFree(List<PortClaim> claims) {
        List<PortClaim> taken = PortCheck.taken(claims);
        if (taken.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(taken.size() == 1
                ? "A port the local stack needs is already in use:"
                : "Ports the local stack needs are already in use:");
        for (PortClaim claim : taken) {
            message.append(System.lineSeparator()).append("  port ").append(claim.port())
                    .append(" is wanted by ").append(claim.purpose());
            leftoverPid(claim.processName()).ifPresent(pid -> message.append(System.lineSeparator())
                    .append("    (a ").append(claim.processName()).append(" process left over from an earlier run may")
                    .append(" hold it: pid ").append(pid).append("; stop it with: kill ").append(pid).append(')'));
        }
        message.append(System.lineSeparator()).append("Stop whatever uses ")
                .append(taken.size() == 1 ? "it" : "them").append(" and start again.");
        throw new LocalStackException(message.toString());
    }

    /** A pid file whose process still lives, written by a stack that died without stopping its children. */
    private Optional<Long> leftoverPid(String processName) {
        try {
            Path file = ChildProcess.pidFile(dataDir, processName);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }

    private List<PortClaim> allPortClaims() {
        List<PortClaim> claims = new ArrayList<>();
        claims.add(mongoPortClaim());
        claims.addAll(kafkaPortClaims());
        if (!servicesToStart.isEmpty()) {
            claims.add(identityPortClaim());
        }
        servicesToStart.forEach(service -> claims.add(servicePortClaim(service)));
        return claims;
    }

    private PortClaim identityPortClaim() {
        return new PortClaim(ports.identity(), IdentityProcess.NAME, "the identity issuer (HTTP)");
    }

    private PortClaim mongoPortClaim() {
        return new PortClaim(ports.mongo(), MongoWireProcess.NAME, "the MongoDB-wire server");
    }

    private List<PortClaim> kafkaPortClaims() {
        return List.of(new PortClaim(ports.kafka(), KafkaBrokerProcess.NAME, "the Kafka broker (client listener)"),
                new PortClaim(ports.kafkaController(), KafkaBrokerProcess.NAME,
                        "the Kafka broker (controller listener)"));
    }

    private PortClaim servicePortClaim(Service service) {
        return new PortClaim(ports.of(service), service.moduleName(), service.moduleName() + " (HTTP)");
    }

    private Path jarOf(Service service) {
        return projectRoot.resolve(service.moduleName()).resolve("target").resolve(service.moduleName() + ".jar");
    }

    private Stream<ChildProcess> allProcesses() {
        return Stream.concat(Stream.of(mongo, kafka, identity), services.values().stream());
    }

    private static void stopAll(Stream<Runnable> stops) {
        List<Thread> threads = stops.map(stop -> new Thread(() -> stopQuietly(stop), "local-stack-stop")).toList();
        runSideBySide(threads);
    }

    /** Starts the threads and waits for every one of them; false when interrupted while waiting. */
    private static boolean runSideBySide(List<Thread> threads) {
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** One process that fails to stop must not keep the others running. */
    private static void stopQuietly(Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            System.err.println("Error while stopping: " + e.getMessage());
        }
    }

    /** Configures a {@link LocalStack}; every setting has a default that suits the CLI. */
    public static final class Builder {

        private Path projectRoot;
        private Path dataDir;
        private LocalStackPorts ports = LocalStackPorts.defaults();
        private boolean demoData;
        private int topicPartitions = 3;
        private Set<Service> services = EnumSet.allOf(Service.class);
        private Duration serviceReadyTimeout = Duration.ofMinutes(3);
        private Consumer<String> progress = message -> { };
        private final Map<String, String> kafkaPasswords = new HashMap<>();

        private Builder() {
        }

        /** Where plan-service/target/plan-service.jar etc. are; found from the working directory if not set. */
        public Builder projectRoot(Path projectRoot) {
            this.projectRoot = Objects.requireNonNull(projectRoot);
            return this;
        }

        /** Where the data, logs and lock live; {@code <projectRoot>/.local-stack} if not set. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        public Builder ports(LocalStackPorts ports) {
            this.ports = Objects.requireNonNull(ports);
            return this;
        }

        /** Load the demo data through the services' API after start, once per data directory. Off by default. */
        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        public Builder topicPartitions(int topicPartitions) {
            if (topicPartitions < 1) {
                throw new IllegalArgumentException("topicPartitions must be at least 1");
            }
            this.topicPartitions = topicPartitions;
            return this;
        }

        /** The services {@link LocalStack#start()} starts; all three by default, none for infrastructure only. */
        public Builder services(Service... services) {
            return services(Arrays.asList(services));
        }

        public Builder services(Collection<Service> services) {
            this.services = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
            return this;
        }

        /** How long each service may take to become ready; generous because three JVMs share the cores. */
        public Builder serviceReadyTimeout(Duration timeout) {
            this.serviceReadyTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * A Kafka principal's password instead of {@code <PRINCIPAL>_KAFKA_PASSWORD} or the demo one, e.g.
         * {@code kafkaPassword(KafkaCredentials.ADMIN, "…")}; applied at start, also to an existing data directory.
         */
        public Builder kafkaPassword(String principal, String password) {
            this.kafkaPasswords.put(Objects.requireNonNull(principal), Objects.requireNonNull(password));
            return this;
        }

        /** Receives one line per phase as start-up goes on, e.g. {@code System.out::println}. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public LocalStack build() {
            if (demoData && !services.containsAll(EnumSet.of(Service.PLAN, Service.TASK))) {
                throw new LocalStackException("The demo data is loaded through plan-service and task-service;"
                        + " start both or turn the demo data off");
            }
            return new LocalStack(this, projectRoot != null ? projectRoot.toAbsolutePath().normalize()
                    : ProjectRoot.locate());
        }
    }
}
