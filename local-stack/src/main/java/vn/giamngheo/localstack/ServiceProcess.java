package vn.giamngheo.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the suite's services, run from its module's Spring Boot jar and configured through its environment. */
public final class ServiceProcess extends BootJarProcess {

    /**
     * Small heap, serial collector (one collector thread: the machine has two cores for seven JVMs). The full
     * two-tier JIT stays: a service's steady-state throughput is measured by the bench's other rows.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-Dfile.encoding=UTF-8");

    private final Service service;
    private final int port;
    private final Map<String, String> environment;

    ServiceProcess(Service service, Path jar, Path dataDir, int port, String mongoBaseUri, String kafkaBootstrap,
            int topicPartitions, Map<String, String> kafkaSecurityEnvironment,
            Map<String, String> identityEnvironment) {
        super(service.moduleName(), dataDir, dataDir.resolve("logs").resolve(service.moduleName() + ".log"), jar);
        this.service = service;
        this.port = port;
        Map<String, String> environment = new HashMap<>(Map.of(
                "SERVER_PORT", Integer.toString(port),
                "MONGODB_URI", mongoBaseUri + "/" + service.databaseName(),
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
                "KAFKA_TOPIC_PARTITIONS", Integer.toString(topicPartitions)));
        // The service's own Kafka user (GIAMNGHEO_KAFKA_*), read by service-support's shared defaults.
        environment.putAll(kafkaSecurityEnvironment);
        // Where the tokens come from: GIAMNGHEO_ISSUER_URI and GIAMNGHEO_JWK_SET_URI of the local issuer.
        environment.putAll(identityEnvironment);
        this.environment = Map.copyOf(environment);
    }

    public Service service() {
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected LocalStackException missingJar() {
        return missingJar(service, jar());
    }

    static LocalStackException missingJar(Service service, Path jar) {
        return new LocalStackException("The " + service.moduleName() + " jar is missing: " + jar
                + ". Build the project first: mvn -B install -DskipTests");
    }

    @Override
    protected List<String> jvmOptions() {
        return JVM_OPTIONS;
    }

    @Override
    protected Map<String, String> environment() {
        return environment;
    }

    /** Boot's readiness group: the application accepts traffic and its own dependency checks pass. */
    @Override
    protected boolean probeReady() {
        return answers(baseUrl() + "/actuator/health/readiness", "\"UP\"");
    }
}
