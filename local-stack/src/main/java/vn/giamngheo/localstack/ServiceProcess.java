package vn.giamngheo.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the suite's services, run from its module's Spring Boot jar and configured through its environment. */
public final class ServiceProcess extends ChildProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final Service service;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;

    ServiceProcess(Service service, Path jar, Path dataDir, int port, String mongoBaseUri, String kafkaBootstrap,
            int topicPartitions, Map<String, String> kafkaSecurityEnvironment,
            Map<String, String> identityEnvironment) {
        super(service.moduleName(), dataDir, dataDir.resolve("logs").resolve(service.moduleName() + ".log"));
        this.service = service;
        this.jar = jar;
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

    public Path jar() {
        return jar;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected void prepare(boolean firstStart) {
        if (!Files.isRegularFile(jar)) {
            throw missingJar(service, jar);
        }
    }

    static LocalStackException missingJar(Service service, Path jar) {
        return new LocalStackException("The " + service.moduleName() + " jar is missing: " + jar
                + ". Build the project first: mvn -B install -DskipTests");
    }

    @Override
    protected List<String> command() {
        return List.of(javaExecutable(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-jar", jar.toString());
    }

    @Override
    protected Map<String, String> environment() {
        return environment;
    }

    /** Boot's readiness group: the application accepts traffic and its own dependency checks pass. */
    @Override
    protected boolean probeReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception notYet) {
            return false;
        }
    }
}
