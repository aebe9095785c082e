package vn.giamngheo.localstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one JVM), run from the Kafka jars. Its
 * storage is formatted once with a cluster id kept in the data directory and with the {@code admin} SCRAM user; later
 * starts find it formatted. Clients authenticate with SASL/SCRAM (see {@link KafkaServerProperties}); the other users
 * and the ACLs are set by {@link KafkaAccess} once the broker is up.
 */
public final class KafkaBrokerProcess extends ChildProcess {

    public static final String NAME = "kafka";

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(90);
    private static final int PROBE_MILLIS = 2000;
    private static final int SCRAM_ITERATIONS = 4096;

    private final KafkaServerProperties properties;
    private final KafkaCredentials credentials;
    private final boolean configuredAdminPasswordIgnored;
    private final String classpath;
    private volatile Admin admin;

    /**
     * @param credentials the configured passwords; the admin's is the one the storage was formatted with, if it was
     *                    (kept in {@code kafka/admin.password}), since only an admin could change it afterwards
     */
    KafkaBrokerProcess(Path dataDir, int port, int controllerPort, int defaultPartitions, KafkaCredentials credentials,
                       String classpath) {
        super(NAME, dataDir, dataDir.resolve("logs").resolve("kafka-console.log"));
        String stored = storedAdminPassword();
        this.credentials = stored == null ? credentials : credentials.withPassword(KafkaCredentials.ADMIN, stored);
        this.configuredAdminPasswordIgnored = stored != null
                && !stored.equals(credentials.password(KafkaCredentials.ADMIN));
        this.properties = new KafkaServerProperties(port, controllerPort, defaultPartitions, kafkaDir().resolve("data"),
                this.credentials);
        this.classpath = classpath;
    }

    /** The passwords in use: the configured ones, but the admin's from the formatted storage. */
    KafkaCredentials credentials() {
        return credentials;
    }

    /** True when the configured admin password differs from the one this data directory was formatted with. */
    boolean configuredAdminPasswordIgnored() {
        return configuredAdminPasswordIgnored;
    }

    public String bootstrapServers() {
        return properties.bootstrapServers();
    }

    /** Bootstrap servers and SASL settings for a client that authenticates as {@code principal}. */
    public Map<String, Object> clientProperties(String principal) {
        return credentials.clientProperties(bootstrapServers(), principal);
    }

    /**
     * The admin's client settings as a file, for Kafka's console tools and {@link DeadLetters}
     * ({@code --command-config}); rewritten on every start.
     */
    public Path adminClientConfig() {
        return kafkaDir().resolve("admin-client.properties");
    }

    /** The broker's own log, written by Log4j to a file rather than to the console. */
    public Path serverLog() {
        return dataDir().resolve("logs").resolve("kafka.log");
    }

    @Override
    protected void prepare(boolean firstStart) {
        try {
            if (firstStart) {
                Files.deleteIfExists(serverLog());
            }
            Files.createDirectories(kafkaDir());
            writeOwnerOnly(serverPropertiesFile(), properties.render());
            writeOwnerOnly(adminClientConfig(), adminClientConfigText());
            copyResource("kafka-log4j2.xml", log4jConfig());
            boolean formatted = Files.exists(properties.logDir().resolve("meta.properties"));
            if (formatted && !Files.exists(adminPasswordFile())) {
                throw new LocalStackException("The Kafka data in " + kafkaDir() + " was created by an earlier local"
                        + " stack, whose broker had no users and no ACLs. Delete " + dataDir() + " and start again"
                        + " (or only " + kafkaDir() + " to keep the databases; the topics' records are lost then).");
            }
            if (!formatted) {
                formatStorage();
                writeOwnerOnly(adminPasswordFile(), credentials.password(KafkaCredentials.ADMIN));
            }
        } catch (IOException e) {
            throw new LocalStackException("Cannot prepare the Kafka broker in " + kafkaDir() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected List<String> command() {
        // A broker of a few topics needs little heap; committing 256 MiB up front made it the largest process
        // of the stack for nothing (bench row 5 counts every process's resident memory).
        List<String> command = jvm("-Xms64m", "-Xmx512m");
        command.add("kafka.Kafka");
        command.add(serverPropertiesFile().toString());
        return command;
    }

    /** The broker answers the admin's metadata request and lists itself: registered with its controller, unfenced. */
    @Override
    protected boolean probeReady() {
        if (!acceptsConnections()) {
            return false;
        }
        try {
            boolean ready = !admin().describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_MILLIS)).nodes()
                    .get(PROBE_MILLIS, TimeUnit.MILLISECONDS).isEmpty();
            if (ready) {
                // An idle client left behind would only log reconnect attempts whenever a fault test stops the broker.
                closeAdmin();
            }
            return ready;
        } catch (Exception notYet) {
            return false;
        }
    }

    @Override
    protected void afterExit() {
        closeAdmin();
    }

    private void closeAdmin() {
        Admin current = admin;
        admin = null;
        if (current != null) {
            current.close(Duration.ZERO);
        }
    }

    @Override
    protected List<Path> diagnosticLogs() {
        return List.of(serverLog(), consoleLog());
    }

    /** The cluster id is kept beside the data so that a re-format (after the data was deleted) reuses it. */
    private void formatStorage() throws IOException {
        Path clusterIdFile = kafkaDir().resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString(), StandardCharsets.UTF_8);
        }
        String clusterId = Files.readString(clusterIdFile, StandardCharsets.UTF_8).trim();
        List<String> command = jvm("-Xmx256m");
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", serverPropertiesFile().toString(), "--ignore-formatted",
                "--add-scram", KafkaCredentials.SCRAM_MECHANISM + "=[name=" + KafkaCredentials.ADMIN + ",iterations="
                        + SCRAM_ITERATIONS + ",password=" + credentials.password(KafkaCredentials.ADMIN) + "]"));
        Files.createDirectories(consoleLog().getParent());
        Process format = new ProcessBuilder(command).directory(dataDir().toFile()).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(consoleLog().toFile())).start();
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                format.destroyForcibly();
                throw new LocalStackException("Formatting the Kafka storage took longer than "
                        + FORMAT_TIMEOUT.toSeconds() + " s. Log: " + consoleLog());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.destroyForcibly();
            throw new LocalStackException("Interrupted while formatting the Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new LocalStackException("Formatting the Kafka storage failed (exit code " + format.exitValue()
                    + "). Log: " + consoleLog() + System.lineSeparator() + LogTail.lastLines(consoleLog(), 30));
        }
    }

    private List<String> jvm(String... heap) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(List.of(heap));
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jConfig(),
                "-Dgiamngheo.kafka.log=" + serverLog(),
                "-cp", classpath));
        return command;
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", properties.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            Map<String, Object> config = new HashMap<>(clientProperties(KafkaCredentials.ADMIN));
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_MILLIS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_MILLIS);
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
            current = Admin.create(config);
            admin = current;
        }
        return current;
    }

    private String adminClientConfigText() {
        StringBuilder text = new StringBuilder("""
                # The local stack's Kafka admin (a super user), for Kafka's console tools and DeadLetters, e.g.
                #   DeadLetters list --bootstrap %s --command-config <this file> --topic <dead-letter topic>
                # Written on every start. Demo password unless ADMIN_KAFKA_PASSWORD was set.
                """.formatted(bootstrapServers()));
        KafkaCredentials.securityProperties(KafkaCredentials.ADMIN, credentials.password(KafkaCredentials.ADMIN))
                .forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** Files with passwords in them: readable by their owner only, where the file system has such permissions. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // e.g. Windows: the data directory's own permissions apply
        }
    }

    private Path kafkaDir() {
        return dataDir().resolve("kafka");
    }

    /** The admin password the storage was formatted with (the broker keeps only a salted hash of it). */
    private Path adminPasswordFile() {
        return kafkaDir().resolve("admin.password");
    }

    private String storedAdminPassword() {
        try {
            return Files.isRegularFile(adminPasswordFile())
                    ? Files.readString(adminPasswordFile(), StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            throw new LocalStackException("Cannot read " + adminPasswordFile() + ": " + e.getMessage(), e);
        }
    }

    private Path serverPropertiesFile() {
        return kafkaDir().resolve("server.properties");
    }

    private Path log4jConfig() {
        return kafkaDir().resolve("log4j2.xml");
    }
}
