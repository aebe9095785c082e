package vn.giamngheo.localstack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The local stack's Kafka principals and their passwords: {@code admin} (super user: the stack's own tools, topics,
 * users and ACLs), {@code controller} (the broker's own connection to its controller listener, SASL/PLAIN), one SCRAM
 * user per service and the department {@code dept-sldtbxh}. Each password comes from the environment variable
 * {@code <PRINCIPAL>_KAFKA_PASSWORD} (e.g. {@code DEPT_SLDTBXH_KAFKA_PASSWORD}, the same names docker-compose reads),
 * else from the demo passwords below. They are applied on every start (the broker's configuration is rewritten and
 * the SCRAM users are upserted), so changing one takes effect at the next start of the stack — except the admin's:
 * it is created when the broker's storage is formatted, and later starts keep that one (stored beside the data).
 */
public final class KafkaCredentials {

    public static final String ADMIN = "admin";
    public static final String CONTROLLER = "controller";
    /** The Sở Lao động – Thương binh và Xã hội's system: reads the event topics, writes census.households. */
    public static final String DEPARTMENT = "dept-sldtbxh";
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    // ---- DEMO CREDENTIALS ------------------------------------------------------------------------------------------
    // For the local stack on a developer's machine only (its broker listens on 127.0.0.1). They are public: never
    // use them for a broker others can reach. Override with <PRINCIPAL>_KAFKA_PASSWORD, see the README.
    private static final Map<String, String> DEMO_PASSWORDS = demoPasswords();

    private static Map<String, String> demoPasswords() {
        Map<String, String> demo = new LinkedHashMap<>();
        demo.put(ADMIN, "demo-kafka-admin");
        demo.put(CONTROLLER, "demo-kafka-controller");
        demo.put(Service.PLAN.moduleName(), "demo-kafka-plan-service");
        demo.put(Service.TASK.moduleName(), "demo-kafka-task-service");
        demo.put(Service.REPORT.moduleName(), "demo-kafka-report-service");
        demo.put(DEPARTMENT, "demo-kafka-dept-sldtbxh");
        return Collections.unmodifiableMap(demo);
    }
    // ---- END OF DEMO CREDENTIALS -----------------------------------------------------------------------------------

    /**
     * What a JAAS line ({@code password="..."}) and the storage tool's {@code [name=...,password=...]} can carry
     * without quoting rules.
     */
    private static final Pattern SAFE_PASSWORD = Pattern.compile("[A-Za-z0-9._~!@#$%^&*+:;?/|-]{8,}");

    private final Map<String, String> passwords;

    private KafkaCredentials(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** Every principal with {@code <PRINCIPAL>_KAFKA_PASSWORD} from {@code environment}, else its demo password. */
    static KafkaCredentials fromEnvironment(Map<String, String> environment) {
        Map<String, String> passwords = new LinkedHashMap<>();
        DEMO_PASSWORDS.forEach((principal, demo) -> {
            String variable = environmentVariable(principal);
            String password = environment.getOrDefault(variable, "");
            if (password.isEmpty()) {
                password = demo;
            } else if (!SAFE_PASSWORD.matcher(password).matches()) {
                throw new LocalStackException(variable + " must be at least 8 characters of letters, digits and"
                        + " ._~!@#$%^&*+:;?/|- (no quotes, backslashes, spaces, commas or brackets)");
            }
            passwords.put(principal, password);
        });
        return new KafkaCredentials(passwords);
    }

    /** The same passwords but {@code principal}'s. */
    KafkaCredentials withPassword(String principal, String password) {
        Map<String, String> changed = new LinkedHashMap<>(passwords);
        changed.put(principal, password);
        return new KafkaCredentials(changed);
    }

    /** {@code dept-sldtbxh} → {@code DEPT_SLDTBXH_KAFKA_PASSWORD}. */
    public static String environmentVariable(String principal) {
        return principal.toUpperCase(Locale.ROOT).replace('-', '_') + "_KAFKA_PASSWORD";
    }

    /** Every principal, admin and controller first. */
    public List<String> principals() {
        return List.copyOf(DEMO_PASSWORDS.keySet());
    }

    public String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("No Kafka principal " + principal + "; known: " + principals());
        }
        return password;
    }

    /** The SCRAM users the stack creates after the broker is up: all but admin (created at format) and controller. */
    List<String> scramUsers() {
        return principals().stream().filter(p -> !p.equals(ADMIN) && !p.equals(CONTROLLER)).toList();
    }

    /** A client's settings to reach {@code bootstrapServers} as {@code principal}. */
    public Map<String, Object> clientProperties(String bootstrapServers, String principal) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", Objects.requireNonNull(bootstrapServers));
        properties.putAll(securityProperties(principal, password(principal)));
        return properties;
    }

    /** The security part of a client's settings for a SCRAM user, with any password (e.g. a wrong one). */
    public static Map<String, String> securityProperties(String username, String password) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", SCRAM_MECHANISM);
        properties.put("sasl.jaas.config", scramJaas(username, password));
        return properties;
    }

    /** The environment of a service process: its own SCRAM user, read by service-support's shared defaults. */
    Map<String, String> serviceEnvironment(Service service) {
        return Map.of(
                "GIAMNGHEO_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "GIAMNGHEO_KAFKA_SASL_MECHANISM", SCRAM_MECHANISM,
                "GIAMNGHEO_KAFKA_USERNAME", service.moduleName(),
                "GIAMNGHEO_KAFKA_PASSWORD", password(service.moduleName()));
    }

    static String scramJaas(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    /** The controller listener's JAAS line: the broker logs in as controller and the listener knows that one user. */
    String controllerJaas() {
        String password = password(CONTROLLER);
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER
                + "\" password=\"" + password + "\" user_" + CONTROLLER + "=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "KafkaCredentials" + principals();
    }
}
