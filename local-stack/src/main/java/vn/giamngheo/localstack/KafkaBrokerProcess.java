package vn.giamngheo.localstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one JVM), run from the Kafka jars. Its
 * storage is formatted once with a cluster id kept in the data directory; later starts find it formatted.
 */
public final class KafkaBrokerProcess extends ChildProcess {

    public static final String NAME = "kafka";

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(90);
    private static final int PROBE_MILLIS = 2000;

    private final KafkaServerProperties properties;
    private final String classpath;
    private volatile Admin admin;

    KafkaBrokerProcess(Path dataDir, int port, int controllerPort, int defaultPartitions, String classpath) {
        super(NAME, dataDir, dataDir.resolve("logs").resolve("kafka-console.log"));
        this.properties = new KafkaServerProperties(port, controllerPort, defaultPartitions, kafkaDir().resolve("data"));
        this.classpath = classpath;
    }

    public String bootstrapServers() {
        return properties.bootstrapServers();
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
            Files.writeString(serverPropertiesFile(), properties.render(), StandardCharsets.UTF_8);
            copyResource("kafka-log4j2.xml", log4jConfig());
            if (!Files.exists(properties.logDir().resolve("meta.properties"))) {
                formatStorage();
            }
        } catch (IOException e) {
            throw new LocalStackException("Cannot prepare the Kafka broker in " + kafkaDir() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected List<String> command() {
        List<String> command = jvm("-Xms256m", "-Xmx512m");
        command.add("kafka.Kafka");
        command.add(serverPropertiesFile().toString());
        return command;
    }

    /** The broker answers a metadata request and lists itself: it is registered with its controller and unfenced. */
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
                "-c", serverPropertiesFile().toString(), "--ignore-formatted"));
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
            current = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_MILLIS,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_MILLIS,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
            admin = current;
        }
        return current;
    }

    private Path kafkaDir() {
        return dataDir().resolve("kafka");
    }

    private Path serverPropertiesFile() {
        return kafkaDir().resolve("server.properties");
    }

    private Path log4jConfig() {
        return kafkaDir().resolve("log4j2.xml");
    }
}
