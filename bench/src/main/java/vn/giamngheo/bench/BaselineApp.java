package vn.giamngheo.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.giamngheo.bench.apps.bare.BareInsertApp;
import vn.giamngheo.localstack.ChildProcess;
import vn.giamngheo.localstack.ClassDataSharing;
import vn.giamngheo.localstack.IdentityProcess;
import vn.giamngheo.localstack.LocalStack;
import vn.giamngheo.localstack.ServiceProcess;

/**
 * A baseline Spring Boot application in its own JVM with the JVM options of the process it stands beside (a service's
 * or the issuer's), ready when its readiness probe answers UP — the same probe as the local stack uses for the
 * services.
 */
final class BaselineApp extends ChildProcess {

    /** The services' JVM options in the local stack, taken from there so the two cannot drift apart. */
    static final List<String> SERVICE_JVM_OPTIONS = ServiceProcess.JVM_OPTIONS;
    /** The identity issuer's JVM options in the local stack. */
    static final List<String> IDENTITY_JVM_OPTIONS = IdentityProcess.JVM_OPTIONS;

    private final List<String> jvmOptions;
    /** What follows the JVM options: the class path and main class, and the CDS archive where there is one. */
    private final List<String> launch;
    private final int port;
    private final Map<String, String> environment;

    /**
     * Row 2's baseline on the stack: the bare insert endpoint on a free port, checking the stack's tokens, writing
     * into its own database on the stack's MongoDB-wire server.
     */
    static BaselineApp bareInsert(LocalStack stack) {
        return new BaselineApp("bare-insert-app", BareInsertApp.class.getName(), Processes.benchClasspath(),
                stack.dataDir(), Processes.freePorts(1)[0], Map.of("MONGODB_URI", stack.mongoUri() + "/bench_bare",
                "GIAMNGHEO_ISSUER_URI", stack.issuerUri(),
                "GIAMNGHEO_JWK_SET_URI", stack.issuerUri() + "/oauth2/jwks"));
    }

    /**
     * For the bare insert endpoint ({@link #bareInsert}): it refuses a request without a token and takes the bench's;
     * otherwise it would not be the baseline the table names, and the ratio would charge the suite for checking
     * tokens.
     */
    void requireTokenChecked(Api api) throws Exception {
        String url = baseUrl() + "/api/v1/tasks/token-check/progress";
        String body = "{\"percentComplete\":1,\"note\":\"kiểm tra\"}";
        int anonymous = api.status(Api.json(url, body).build());
        int withToken = api.post(url, body).status();
        if (anonymous != 401 || withToken != 200) {
            throw new IllegalStateException("the bare endpoint must answer 401 without a token and 200 with one; it "
                    + "answered " + anonymous + " and " + withToken);
        }
    }

    /** With the services' JVM options. */
    BaselineApp(String name, String mainClass, String classpath, Path dataDir, int port,
                Map<String, String> environment) {
        this(name, SERVICE_JVM_OPTIONS, mainClass, classpath, dataDir, port, environment);
    }

    BaselineApp(String name, List<String> jvmOptions, String mainClass, String classpath, Path dataDir, int port,
                Map<String, String> environment) {
        this(name, jvmOptions, List.of("-cp", classpath, mainClass), dataDir, port, environment);
    }

    /** With the given launch arguments after the JVM options, e.g. those of {@link ClassDataSharing#forClasspath}. */
    BaselineApp(String name, List<String> jvmOptions, List<String> launch, Path dataDir, int port,
                Map<String, String> environment) {
        super(name, dataDir, dataDir.resolve("logs").resolve(name + ".log"));
        this.jvmOptions = List.copyOf(jvmOptions);
        this.launch = List.copyOf(launch);
        this.port = port;
        this.environment = environment;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    protected List<String> command() {
        List<String> command = new java.util.ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(launch);
        return command;
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("SERVER_PORT", Integer.toString(port));
        return all;
    }

    @Override
    protected boolean probeReady() {
        return answers(baseUrl() + "/actuator/health/readiness", "\"UP\"");
    }
}
