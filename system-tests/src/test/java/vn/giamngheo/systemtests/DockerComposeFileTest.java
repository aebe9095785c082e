package vn.giamngheo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.localstack.DemoIdentities;

/**
 * Static checks of the production-like stack: {@code docker-compose.yml} at the repository root and the services'
 * Dockerfiles, against what the code really needs (the variables each service's application.yml reads, the jar
 * name in its pom). Needs no Docker engine: it reads files only.
 *
 * <p>Compose interpolation ({@code ${VAR:-default}}) is resolved to its default, i.e. what {@code docker compose up}
 * uses when the administrator sets nothing.
 */
class DockerComposeFileTest {

    private static final String ROOT_ARTIFACT_ID = "giamngheo";
    private static final List<String> APP_SERVICES = List.of("plan-service", "task-service", "report-service");
    private static final List<String> INFRASTRUCTURE = List.of("kafka", "mongodb", "keycloak");
    /** Host ports published by the compose file (the port plan of docs/architecture.md; Kafka's EXTERNAL listener). */
    private static final Map<String, Integer> PUBLISHED_PORTS = Map.of(
            "kafka", 9094, "mongodb", 27017, "keycloak", 8180, "plan-service", 8081, "task-service", 8082,
            "report-service", 8083);
    /** The HTTP port of the Keycloak image (its default; the compose file does not change it). */
    private static final int KEYCLOAK_CONTAINER_PORT = 8080;
    private static final String REALM_FILE = "deploy/keycloak/giamngheo-realm.json";
    private static final String IDENTITY_CONFIG = "identity/src/main/resources/application.yml";
    /** {@code ${NAME:default}} as Spring and Keycloak's realm import read it. */
    private static final Pattern PLACEHOLDER_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");

    /** {@code ${NAME}} or {@code ${NAME:default}} with an environment-variable style name, in a Spring config file. */
    private static final Pattern SPRING_ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?=[:}])");
    /** {@code $$}, {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?err}}. */
    private static final Pattern COMPOSE_INTERPOLATION =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    /** {@code classpath:x.yml} or {@code optional:classpath:x.yml} in a spring.config.import value. */
    private static final Pattern CLASSPATH_IMPORT =
            Pattern.compile("(optional:)?classpath:([A-Za-z0-9_./-]+\\.(?:ya?ml|properties))");
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)");

    private static final JsonMapper JSON = JsonMapper.shared();

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = findRepositoryRoot();
        Path composeFile = root.resolve("docker-compose.yml");
        assertThat(composeFile).as("docker-compose.yml at the repository root").isRegularFile();
        try (Reader reader = Files.newBufferedReader(composeFile, StandardCharsets.UTF_8)) {
            compose = map(new Yaml().load(reader), "docker-compose.yml");
        }
        services = map(compose.get("services"), "services");
    }

    @Test
    void declaresKafkaMongoDbAndTheThreeServices() {
        // given the compose file (read once)
        // when its services are listed
        Set<String> names = services.keySet();
        // then the infrastructure and every service of the suite are there
        assertThat(names).containsAll(INFRASTRUCTURE).containsAll(APP_SERVICES);
    }

    @Test
    void everyServiceHasAnEnabledHealthcheckAndTheAppServicesProbeReadiness() {
        for (String name : allServices()) {
            // given a service
            Map<String, Object> service = service(name);
            // when its healthcheck is read
            Object raw = service.get("healthcheck");
            // then it exists, is not disabled and has a command
            assertThat(raw).as("%s: healthcheck", name).isNotNull();
            Map<String, Object> healthcheck = map(raw, name + ".healthcheck");
            assertThat(healthcheck.get("disable")).as("%s: healthcheck.disable", name).isNotEqualTo(Boolean.TRUE);
            String test = healthcheckCommand(healthcheck);
            assertThat(test).as("%s: healthcheck.test", name).isNotBlank().isNotEqualTo("NONE");
            if (APP_SERVICES.contains(name)) {
                assertThat(test).as("%s: healthcheck probes readiness", name).contains("/actuator/health/readiness");
                String port = String.valueOf(environment(name).get("SERVER_PORT"));
                assertThat(test.replace("${SERVER_PORT}", port).replace("$SERVER_PORT", port))
                        .as("%s: healthcheck uses the service's own port SERVER_PORT=%s", name, port)
                        .contains(port);
            }
        }
    }

    @Test
    void publishesKafkaMongoDbAndTheServicePorts() {
        for (String name : allServices()) {
            // given a service and the host port it must be reachable on
            int hostPort = PUBLISHED_PORTS.get(name);
            // when its published ports are read
            List<PortMapping> ports = ports(name);
            // then that host port is published, to the port the container listens on
            assertThat(ports).as("%s: published ports", name).extracting(PortMapping::published).contains(hostPort);
            int target = ports.stream().filter(p -> p.published() == hostPort).findFirst().orElseThrow().target();
            if (APP_SERVICES.contains(name)) {
                assertThat(String.valueOf(target)).as("%s: host port %d goes to SERVER_PORT", name, hostPort)
                        .isEqualTo(environment(name).get("SERVER_PORT"));
            } else if (name.equals("keycloak")) {
                assertThat(target).as("keycloak: host port %d goes to the image's HTTP port", hostPort)
                        .isEqualTo(KEYCLOAK_CONTAINER_PORT);
            } else if (name.equals("kafka")) {
                assertThat(listenerPorts(environment("kafka").get("KAFKA_LISTENERS")))
                        .as("kafka: host port %d goes to a port of KAFKA_LISTENERS", hostPort).containsValue(target);
            } else {
                assertThat(target).as("%s: container port", name).isEqualTo(hostPort);
            }
        }
    }

    @Test
    void kafkaIsASingleKraftNodeWhoseListenersTheServicesAndHostToolsCanReach() {
        // given the broker's environment
        Map<String, String> kafka = environment("kafka");
        // when its listeners are read
        Map<String, Integer> listeners = listenerPorts(kafka.get("KAFKA_LISTENERS"));
        Map<String, String> advertised = advertisedAddresses(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
        // then it is broker and controller with single-node replication settings
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).as("KAFKA_PROCESS_ROLES").contains("broker").contains("controller");
        assertThat(kafka).as("single node: replication factors 1, no initial rebalance delay")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        // and every advertised listener is a real listener on the same port
        advertised.forEach((listener, address) -> assertThat(listeners)
                .as("advertised %s=%s has a listener on the same port", listener, address)
                .containsEntry(listener, port(address)));
        // and departments' tools on the host reach the broker as localhost:<published port>
        assertThat(advertised).as("an advertised listener for tools on the host")
                .containsValue("localhost:" + PUBLISHED_PORTS.get("kafka"));
        // and every service bootstraps from an address the broker advertises inside the compose network
        for (String name : APP_SERVICES) {
            assertThat(advertised.values()).as("%s: KAFKA_BOOTSTRAP_SERVERS is advertised by kafka", name)
                    .contains(environment(name).get("KAFKA_BOOTSTRAP_SERVERS"));
        }
    }

    @Test
    void appServicesWaitForHealthyKafkaAndMongoDbAndRestartUnlessStopped() {
        for (String name : APP_SERVICES) {
            // given a service
            Map<String, Object> service = service(name);
            // when its dependencies are read
            Object dependsOn = service.get("depends_on");
            // then it waits for Kafka and MongoDB to be healthy, not merely started
            assertThat(dependsOn).as("%s: depends_on (long form with conditions)", name).isInstanceOf(Map.class);
            Map<String, Object> dependencies = map(dependsOn, name + ".depends_on");
            for (String infrastructure : INFRASTRUCTURE) {
                assertThat(dependencies).as("%s: depends_on", name).containsKey(infrastructure);
                assertThat(map(dependencies.get(infrastructure), name + ".depends_on." + infrastructure).get("condition"))
                        .as("%s: depends_on.%s.condition", name, infrastructure).isEqualTo("service_healthy");
            }
            assertThat(service.get("restart")).as("%s: restart", name).isEqualTo("unless-stopped");
        }
    }

    @Test
    void namedVolumesAreDeclaredAndHoldKafkaAndMongoDbData() {
        // given the top-level named volumes
        Set<String> declared = compose.get("volumes") == null
                ? Set.of() : map(compose.get("volumes"), "volumes").keySet();
        // when every service's named-volume mounts are collected
        Map<String, Map<String, String>> mountsByService = new LinkedHashMap<>();
        for (String name : services.keySet()) {
            mountsByService.put(name, namedVolumeMounts(name));
        }
        Set<String> used = mountsByService.values().stream().flatMap(m -> m.values().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        // then volumes are declared, each declared one is used and each used one is declared
        assertThat(declared).as("top-level volumes").isNotEmpty();
        assertThat(used).as("named volumes mounted by services").containsExactlyInAnyOrderElementsOf(declared);
        // and Kafka's log directory and MongoDB's data directory live on named volumes
        assertThat(mountsByService.get("kafka")).as("kafka: named volume on KAFKA_LOG_DIRS")
                .containsKey(environment("kafka").get("KAFKA_LOG_DIRS"));
        assertThat(mountsByService.get("mongodb")).as("mongodb: named volume on /data/db").containsKey("/data/db");
    }

    @Test
    void eachServiceHasItsOwnMongoDbDatabaseOnTheComposeMongoDb() {
        // given the three services' MONGODB_URI
        Map<String, String> uris = new LinkedHashMap<>();
        APP_SERVICES.forEach(name -> uris.put(name, environment(name).get("MONGODB_URI")));
        // then they point at the compose MongoDB, and no two services share a database
        uris.forEach((name, uri) -> assertThat(uri).as("%s: MONGODB_URI", name).startsWith("mongodb://mongodb:"));
        assertThat(uris.values().stream().map(DockerComposeFileTest::databaseName))
                .as("database of each service %s", uris).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan-service", "task-service", "report-service"})
    void composeSetsEveryVariableTheServiceReads(String name) throws IOException {
        // given the service's Spring configuration files (written with the service)
        Path resources = root.resolve(name).resolve("src/main/resources");
        Path applicationYml = resources.resolve("application.yml");
        if (!Files.isRegularFile(applicationYml)) {
            fail("%s does not exist (yet): the environment of '%s' in docker-compose.yml cannot be checked against the"
                    + " ${NAME:default} placeholders the service reads. Write the service's application.yml first.",
                    root.relativize(applicationYml), name);
        }
        // when the environment-variable placeholders are collected from all of them, and from the files they import
        // from the classpath (e.g. service-support's shared defaults)
        Set<String> placeholders = new TreeSet<>();
        for (Path file : springConfigFiles(name, resources)) {
            Matcher m = SPRING_ENV_PLACEHOLDER.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                placeholders.add(m.group(1));
            }
        }
        // and the variables the image's entrypoint reads (JAVA_OPTS)
        Set<String> entrypointVariables = new TreeSet<>();
        for (Instruction instruction : dockerfile(name).finalStage()) {
            if (instruction.is("ENTRYPOINT") || instruction.is("CMD")) {
                Matcher m = SHELL_VARIABLE.matcher(instruction.arguments());
                while (m.find()) {
                    entrypointVariables.add(m.group(1));
                }
            }
        }
        // then there is something to check, and compose sets every one of them for this service
        assertThat(placeholders).as("%s: ${NAME:default} placeholders in %s (none found: did the format change?)",
                name, root.relativize(resources)).isNotEmpty();
        assertThat(environment(name).keySet()).as("%s: environment in docker-compose.yml", name)
                .containsAll(placeholders)
                .containsAll(entrypointVariables);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan-service", "task-service", "report-service"})
    void dockerfileRunsTheModulesJarAsANonRootUser(String name) throws IOException {
        // given the module's pom and the Dockerfile compose builds the service from
        Element pom = readXml(root.resolve(name).resolve("pom.xml"));
        String artifactId = text(pom, "artifactId");
        String finalName = text(pom, "build", "finalName");
        Dockerfile dockerfile = dockerfile(name);
        // when the runtime (last) stage is read
        List<Instruction> runtime = dockerfile.finalStage();
        // then the pom names the jar after the artifact, and the artifact after its directory
        assertThat(finalName).as("%s/pom.xml <build><finalName>", name).isEqualTo("${project.artifactId}");
        assertThat(artifactId).as("%s/pom.xml <artifactId>", name).isEqualTo(name);
        String jar = name + "/target/" + finalName.replace("${project.artifactId}", artifactId) + ".jar";
        // and the runtime stage copies exactly that jar from the build stage, and runs what it copied
        Instruction copy = runtime.stream()
                .filter(i -> i.is("COPY") && i.flag("from") != null)
                .filter(i -> i.sources().stream().anyMatch(s -> s.equals(jar) || s.endsWith("/" + jar)))
                .findFirst().orElse(null);
        assertThat(copy).as("%s: runtime stage of %s copies %s from the build stage (COPY --from=... %s ...)",
                name, dockerfile.path(), jar, jar).isNotNull();
        String destination = copy.destination();
        if (destination.endsWith(".jar")) {
            assertThat(runtime.stream().filter(i -> i.is("ENTRYPOINT") || i.is("CMD")).map(Instruction::arguments))
                    .as("%s: ENTRYPOINT/CMD runs the copied jar %s", name, destination)
                    .anyMatch(command -> command.contains(destination));
        }
        // and the stage it copies from builds this module (and what it needs)
        assertThat(dockerfile.stage(copy.flag("from"))).as("%s: build stage runs mvn -pl %s ... package", name, name)
                .anyMatch(i -> i.is("RUN") && i.arguments().contains("mvn") && i.arguments().contains("package")
                        && i.arguments().matches(".*(-pl|--projects)[ =]\\S*\\b" + Pattern.quote(name) + "\\b.*"));
        // and the runtime stage switches to a non-root user
        String user = runtime.stream().filter(i -> i.is("USER")).reduce((a, b) -> b).map(Instruction::arguments)
                .orElse(null);
        assertThat(user).as("%s: USER in the runtime stage of %s", name, dockerfile.path()).isNotBlank();
        String userPart = user.split(":")[0].trim();
        assertThat(userPart).as("%s: runtime USER", name).isNotIn("root", "0");
        // and it exposes the port compose publishes
        assertThat(runtime.stream().filter(i -> i.is("EXPOSE"))
                .flatMap(i -> Arrays.stream(i.arguments().split("\\s+"))).map(p -> p.split("/")[0]))
                .as("%s: EXPOSE in the runtime stage", name).contains(environment(name).get("SERVER_PORT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan-service", "task-service", "report-service"})
    void dockerfileBuildStageHasEveryPomOfTheReactorAndTheSourcesTheServiceIsBuiltFrom(String name) throws IOException {
        // given the reactor modules listed in the root pom, and the ones this service is built from (mvn -am)
        Element rootPom = readXml(root.resolve("pom.xml"));
        List<String> modules = children(child(rootPom, "modules"), "module");
        Set<String> builtFrom = upstreamModules(name, modules);
        // when the COPY instructions of the stage the runtime stage copies the jar from are read
        Dockerfile dockerfile = dockerfile(name);
        String buildStage = dockerfile.finalStage().stream().filter(i -> i.is("COPY") && i.flag("from") != null)
                .map(i -> i.flag("from")).findFirst().orElse("0");
        List<String> copied = dockerfile.stage(buildStage).stream().filter(i -> i.is("COPY"))
                .flatMap(i -> i.sources().stream()).map(DockerComposeFileTest::stripSlashes).collect(Collectors.toList());
        // then Maven can read the whole reactor: the root pom and every module's pom are copied
        if (!copied.contains(".")) {
            assertThat(copied).as("%s: build stage copies the root pom", name).contains("pom.xml");
            for (String module : modules) {
                assertThat(copied).as("%s: build stage copies %s/pom.xml (the root pom lists it)", name, module)
                        .containsAnyOf(module + "/pom.xml", module);
            }
            // and the sources of the service and of every module it depends on
            for (String module : builtFrom) {
                assertThat(copied).as("%s: build stage copies module %s (needed by mvn -pl %s -am)", name, module, name)
                        .contains(module);
            }
        }
    }

    @Test
    void keycloakImportsTheRealmFileAndTheServicesAcceptItsTokens() throws IOException {
        // given the Keycloak service and the realm file
        Map<String, Object> keycloak = service("keycloak");
        Map<String, String> environment = environment("keycloak");
        JsonNode realm = realm();
        // when the realm's issuer, as tokens name it, is derived from KC_HOSTNAME
        String issuer = environment.get("KC_HOSTNAME") + "/realms/" + realm.path("realm").asString();
        // then the official image runs in dev mode, imports the realm file and serves its health checks
        assertThat(String.valueOf(keycloak.get("image"))).as("keycloak: image")
                .startsWith("quay.io/keycloak/keycloak:26.");
        assertThat(String.valueOf(keycloak.get("command"))).as("keycloak: command").contains("start-dev")
                .contains("--import-realm");
        assertThat(environment).as("keycloak: environment").containsEntry("KC_HEALTH_ENABLED", "true");
        assertThat(bindMounts("keycloak")).as("keycloak: the realm file is mounted into the import directory")
                .containsEntry("/opt/keycloak/data/import/giamngheo-realm.json", "./" + REALM_FILE);
        // and the tokens' issuer is the one the host reaches, published by compose
        assertThat(issuer).as("issuer of the realm's tokens")
                .isEqualTo("http://localhost:" + PUBLISHED_PORTS.get("keycloak") + "/realms/giamngheo");
        // and every service checks tokens against that issuer, with the keys from inside the compose network
        for (String name : APP_SERVICES) {
            assertThat(environment(name)).as("%s: issuer and JWK set", name)
                    .containsEntry("GIAMNGHEO_ISSUER_URI", issuer)
                    .containsEntry("GIAMNGHEO_JWK_SET_URI", "http://keycloak:" + KEYCLOAK_CONTAINER_PORT
                            + "/realms/giamngheo/protocol/openid-connect/certs");
        }
        // and every placeholder of the realm file is set for Keycloak, with the same default
        Matcher m = PLACEHOLDER_WITH_DEFAULT.matcher(
                Files.readString(root.resolve(REALM_FILE), StandardCharsets.UTF_8));
        int placeholders = 0;
        while (m.find()) {
            placeholders++;
            assertThat(environment).as("keycloak: environment for the realm's ${%s}", m.group(1))
                    .containsEntry(m.group(1), m.group(2));
        }
        assertThat(placeholders).as("${NAME:default} placeholders in the realm file").isPositive();
    }

    @Test
    void theRealmHasTheSameUsersRolesUnitsAndClientsAsTheLocalIssuer() throws IOException {
        // given the realm file and the local issuer's configuration (the one source of truth for both)
        JsonNode realm = realm();
        Map<String, Object> identity = identityConfig();
        List<Map<String, Object>> users = list(identity.get("users"), "giamngheo.identity.users");
        List<Map<String, Object>> clients = list(identity.get("clients"), "giamngheo.identity.clients");
        // then the realm roles are exactly the contract's roles
        assertThat(realm.path("roles").path("realm").values()).extracting(r -> r.path("name").asString())
                .containsExactlyInAnyOrder("ADMIN", "OFFICER", "VIEWER");
        assertThat(realm.path("defaultRole").path("composite").asBoolean(true))
                .as("the default role grants nothing, so the roles claim holds only the user's roles").isFalse();
        // and the user profile declares `unit` (otherwise Keycloak's admin API silently ignores it)
        JsonNode profile = JSON.readTree(realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")
                .path(0).path("config").path("kc.user.profile.config").path(0).asString());
        assertThat(profile.path("attributes").values()).extracting(a -> a.path("name").asString()).contains("unit");
        // and the claims are mapped: realm roles -> roles, attribute unit -> unit, user name, full name
        Map<String, JsonNode> scopes = byName(realm.path("clientScopes"), "name");
        JsonNode rolesMapper = mapper(scopes.get("giamngheo"), "oidc-usermodel-realm-role-mapper");
        assertThat(rolesMapper).as("realm role mapper in client scope giamngheo").isNotNull();
        assertThat(rolesMapper.path("config").path("claim.name").asString()).isEqualTo("roles");
        assertThat(rolesMapper.path("config").path("multivalued").asString()).isEqualTo("true");
        assertThat(rolesMapper.path("config").path("access.token.claim").asString()).isEqualTo("true");
        JsonNode unitMapper = mapper(scopes.get("giamngheo"), "oidc-usermodel-attribute-mapper");
        assertThat(unitMapper).as("user attribute mapper in client scope giamngheo").isNotNull();
        assertThat(unitMapper.path("config").path("user.attribute").asString()).isEqualTo("unit");
        assertThat(unitMapper.path("config").path("claim.name").asString()).isEqualTo("unit");
        assertThat(unitMapper.path("config").path("access.token.claim").asString()).isEqualTo("true");
        assertThat(mapper(scopes.get("profile"), "oidc-usermodel-attribute-mapper").path("config")
                .path("claim.name").asString()).isEqualTo("preferred_username");
        assertThat(mapper(scopes.get("profile"), "oidc-full-name-mapper")).as("full name mapper").isNotNull();
        assertThat(mapper(scopes.get("basic"), "oidc-sub-mapper")).as("sub mapper").isNotNull();
        // and access tokens live as long in both
        assertThat(Duration.ofSeconds(realm.path("accessTokenLifespan").asLong()))
                .isEqualTo(Duration.parse("PT" + resolve(String.valueOf(identity.get("access-token-ttl")))
                        .toUpperCase(Locale.ROOT)));

        // and every local user is a realm user with the same id (= sub), name, role, unit and demo password
        Map<String, JsonNode> realmUsers = byName(realm.path("users"), "username");
        for (Map<String, Object> user : users) {
            String username = String.valueOf(user.get("username"));
            JsonNode realmUser = realmUsers.get(username);
            assertThat(realmUser).as("realm user %s", username).isNotNull();
            assertThat(realmUser.path("id").asString()).as("%s: id, which Keycloak puts into sub", username)
                    .isEqualTo(username);
            assertThat(realmUser.path("firstName").asString() + " " + realmUser.path("lastName").asString())
                    .as("%s: firstName + lastName, Keycloak's name claim", username).isEqualTo(user.get("name"));
            assertThat(realmUser.path("realmRoles").values()).extracting(JsonNode::asString).as("%s: roles", username)
                    .containsExactlyElementsOf(strings(user.get("roles")));
            assertThat(realmUser.path("attributes").path("unit").path(0).asString(null)).as("%s: unit", username)
                    .isEqualTo(user.get("unit"));
            assertThat(realmUser.path("credentials").path(0).path("value").asString())
                    .as("%s: the same demo password, from the same variable", username)
                    .isEqualTo(String.valueOf(user.get("password")));
            assertThat(realmUser.path("requiredActions").isEmpty()).as("%s: no required action", username).isTrue();
        }
        assertThat(realmUsers.values().stream().filter(u -> !u.has("serviceAccountClientId")))
                .as("realm users that log in").hasSameSizeAs(users);

        // and every local client is a realm client of the same kind, scopes, unit and demo secret
        Map<String, JsonNode> realmClients = byName(realm.path("clients"), "clientId");
        assertThat(realmClients.keySet()).containsExactlyInAnyOrderElementsOf(
                clients.stream().map(c -> String.valueOf(c.get("client-id"))).toList());
        for (Map<String, Object> client : clients) {
            String clientId = String.valueOf(client.get("client-id"));
            JsonNode realmClient = realmClients.get(clientId);
            if (client.get("secret") == null) {
                assertThat(realmClient.path("publicClient").asBoolean()).as("%s: public", clientId).isTrue();
                assertThat(realmClient.path("standardFlowEnabled").asBoolean()).as("%s: code flow", clientId).isTrue();
                assertThat(realmClient.path("attributes").path("pkce.code.challenge.method").asString())
                        .as("%s: PKCE", clientId).isEqualTo("S256");
                assertThat(realmClient.path("redirectUris").values()).extracting(JsonNode::asString)
                        .as("%s: redirect URIs", clientId)
                        .containsExactlyInAnyOrderElementsOf(strings(client.get("redirect-uris")));
                assertThat(realmClient.path("defaultClientScopes").values()).extracting(JsonNode::asString)
                        .as("%s: the scopes that carry the claims", clientId).contains("profile", "giamngheo");
            } else {
                assertThat(realmClient.path("serviceAccountsEnabled").asBoolean()).as("%s: machine", clientId)
                        .isTrue();
                assertThat(realmClient.path("publicClient").asBoolean()).as("%s: confidential", clientId).isFalse();
                assertThat(realmClient.path("secret").asString()).as("%s: the same demo secret", clientId)
                        .isEqualTo(String.valueOf(client.get("secret")));
                assertThat(realmClient.path("defaultClientScopes").values()).extracting(JsonNode::asString)
                        .filteredOn(scope -> !scope.equals("basic")).as("%s: scopes", clientId)
                        .containsExactlyInAnyOrderElementsOf(strings(client.get("scopes")));
                JsonNode hardCodedUnit = mapper(realmClient, "oidc-hardcoded-claim-mapper");
                assertThat(hardCodedUnit == null ? null : hardCodedUnit.path("config").path("claim.value").asString())
                        .as("%s: hard-coded unit claim", clientId).isEqualTo(client.get("unit"));
                JsonNode serviceAccount = realmUsers.get("service-account-" + clientId);
                assertThat(serviceAccount).as("%s: service account user", clientId).isNotNull();
                assertThat(serviceAccount.path("id").asString()).as("%s: service account id = sub", clientId)
                        .isEqualTo(clientId);
                assertThat(serviceAccount.path("realmRoles").isEmpty()).as("%s: no roles", clientId).isTrue();
            }
        }
        for (String scope : List.of("poverty.import", "api.read")) {
            assertThat(scopes.get(scope)).as("client scope %s", scope).isNotNull();
            assertThat(scopes.get(scope).path("attributes").path("include.in.token.scope").asString())
                    .as("%s appears in the scope claim", scope).isEqualTo("true");
        }
    }

    @Test
    void theLocalStacksDemoLoginsAreTheLocalIssuersUsers() throws IOException {
        // given the local issuer's users and clients, with their placeholders' defaults
        Map<String, Object> identity = identityConfig();
        List<Map<String, Object>> users = list(identity.get("users"), "giamngheo.identity.users");
        // when the local-stack's DemoIdentities are compared (the demo loader, token.sh and the tests log in with them)
        // then every user and machine client is there with the same password/secret, role and unit
        assertThat(DemoIdentities.users()).extracting(DemoIdentities.Login::username)
                .containsExactlyElementsOf(users.stream().map(u -> String.valueOf(u.get("username"))).toList());
        for (Map<String, Object> user : users) {
            DemoIdentities.Login login = DemoIdentities.user(String.valueOf(user.get("username"))).orElseThrow();
            assertThat(login.password()).as(login.username()).isEqualTo(resolve(String.valueOf(user.get("password"))));
            assertThat(List.of(login.role())).as(login.username()).isEqualTo(strings(user.get("roles")));
            assertThat(login.unit()).as(login.username()).isEqualTo(user.get("unit"));
        }
        List<Map<String, Object>> machines = list(identity.get("clients"), "giamngheo.identity.clients").stream()
                .filter(c -> c.get("secret") != null).toList();
        assertThat(DemoIdentities.machineClients())
                .containsExactlyElementsOf(machines.stream().map(c -> String.valueOf(c.get("client-id"))).toList());
        assertThat(machines).allSatisfy(c -> assertThat(resolve(String.valueOf(c.get("secret"))))
                .isEqualTo(DemoIdentities.machineSecret()));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Compose helpers
    // ------------------------------------------------------------------------------------------------------------

    private static List<String> allServices() {
        return Stream.concat(INFRASTRUCTURE.stream(), APP_SERVICES.stream()).collect(Collectors.toList());
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).as("services in docker-compose.yml").containsKey(name);
        return map(services.get(name), "services." + name);
    }

    /** Bind mounts of a service: container path to host path, as written. */
    private static Map<String, String> bindMounts(String name) {
        Map<String, String> mounts = new LinkedHashMap<>();
        Object raw = service(name).get("volumes");
        for (Object entry : raw == null ? List.of() : (List<?>) raw) {
            String[] parts = interpolate(String.valueOf(entry)).split(":");
            if (parts.length >= 2 && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                mounts.put(parts[1], parts[0]);
            }
        }
        return mounts;
    }

    private static JsonNode realm() throws IOException {
        Path file = root.resolve(REALM_FILE);
        assertThat(file).as("the Keycloak realm file").isRegularFile();
        return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** {@code giamngheo.identity} of the local issuer's application.yml. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> identityConfig() throws IOException {
        try (Reader reader = Files.newBufferedReader(root.resolve(IDENTITY_CONFIG), StandardCharsets.UTF_8)) {
            Map<String, Object> yaml = new Yaml().load(reader);
            Map<String, Object> giamngheo = (Map<String, Object>) yaml.get("giamngheo");
            assertThat(giamngheo).as("giamngheo in %s", IDENTITY_CONFIG).isNotNull();
            return (Map<String, Object>) giamngheo.get("identity");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value, String what) {
        assertThat(value).as("%s in %s is a list", what, IDENTITY_CONFIG).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }

    /** {@code ${NAME:default}} → default, as the application runs when NAME is not set. */
    private static String resolve(String value) {
        Matcher m = PLACEHOLDER_WITH_DEFAULT.matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(2)));
    }

    private static Map<String, JsonNode> byName(JsonNode array, String field) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        array.values().forEach(node -> byName.put(node.path(field).asString(), node));
        return byName;
    }

    /** The owner's (a client scope's or a client's) protocol mapper of that type, or null. */
    private static JsonNode mapper(JsonNode owner, String type) {
        assertThat(owner).as("client scope or client with a %s", type).isNotNull();
        for (JsonNode mapper : owner.path("protocolMappers").values()) {
            if (type.equals(mapper.path("protocolMapper").asString())) {
                return mapper;
            }
        }
        return null;
    }

    /** The service's environment, list or map form, with compose interpolation resolved to the defaults. */
    private static Map<String, String> environment(String name) {
        Object raw = service(name).get("environment");
        Map<String, String> environment = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> environment.put(String.valueOf(k), v == null ? null : interpolate(String.valueOf(v))));
        } else if (raw instanceof List<?> list) {
            for (Object entry : list) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                environment.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : interpolate(s.substring(eq + 1)));
            }
        } else if (raw != null) {
            fail("services.%s.environment is neither a map nor a list: %s", name, raw);
        }
        return environment;
    }

    /** What Compose makes of a value when no variable is set: {@code ${X:-d}} gives d, {@code $$} gives $. */
    static String interpolate(String value) {
        Matcher m = COMPOSE_INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else if (m.group(2) != null && m.group(2).endsWith("-")) {
                replacement = m.group(3);
            } else {
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String healthcheckCommand(Map<String, Object> healthcheck) {
        Object test = healthcheck.get("test");
        if (test instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(DockerComposeFileTest::interpolate)
                    .filter(s -> !s.equals("CMD") && !s.equals("CMD-SHELL")).collect(Collectors.joining(" "));
        }
        return test == null ? "" : interpolate(String.valueOf(test));
    }

    record PortMapping(int published, int target) {
    }

    private static List<PortMapping> ports(String name) {
        Object raw = service(name).get("ports");
        List<PortMapping> ports = new ArrayList<>();
        if (raw == null) {
            return ports;
        }
        for (Object entry : (List<?>) raw) {
            if (entry instanceof Map<?, ?> map) {
                Object published = map.get("published");
                if (published != null) {
                    ports.add(new PortMapping(Integer.parseInt(interpolate(String.valueOf(published))),
                            Integer.parseInt(String.valueOf(map.get("target")))));
                }
                continue;
            }
            // short syntax: [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]; HOST_IP may be [IPv6]
            String spec = interpolate(String.valueOf(entry)).split("/")[0];
            if (spec.startsWith("[")) {
                spec = spec.substring(spec.indexOf(']') + 2);
            }
            String[] parts = spec.split(":");
            if (parts.length >= 2) {
                ports.add(new PortMapping(Integer.parseInt(parts[parts.length - 2]),
                        Integer.parseInt(parts[parts.length - 1])));
            }
        }
        return ports;
    }

    /** Named volumes mounted by a service: container path to volume name (bind mounts are left out). */
    private static Map<String, String> namedVolumeMounts(String name) {
        Object raw = service(name).get("volumes");
        Map<String, String> mounts = new LinkedHashMap<>();
        if (raw == null) {
            return mounts;
        }
        for (Object entry : (List<?>) raw) {
            String source;
            String target;
            if (entry instanceof Map<?, ?> map) {
                if (!"volume".equals(map.get("type")) || map.get("source") == null) {
                    continue;
                }
                source = String.valueOf(map.get("source"));
                target = String.valueOf(map.get("target"));
            } else {
                String[] parts = interpolate(String.valueOf(entry)).split(":");
                if (parts.length < 2) {
                    continue; // anonymous volume
                }
                source = parts[0];
                target = parts[1];
            }
            if (!source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~")) {
                mounts.put(target, source);
            }
        }
        return mounts;
    }

    /** {@code PLAINTEXT://:9092,CONTROLLER://:9093} to listener name and port. */
    private static Map<String, Integer> listenerPorts(String listeners) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        advertisedAddresses(listeners).forEach((listener, address) -> ports.put(listener, port(address)));
        return ports;
    }

    /** {@code PLAINTEXT://kafka:9092,EXTERNAL://localhost:9094} to listener name and host:port. */
    private static Map<String, String> advertisedAddresses(String listeners) {
        assertThat(listeners).as("kafka listener list").isNotBlank();
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String listener : listeners.split(",")) {
            String[] parts = listener.trim().split("://", 2);
            addresses.put(parts[0], parts[1]);
        }
        return addresses;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private static String databaseName(String uri) {
        String afterHosts = uri.substring("mongodb://".length());
        int slash = afterHosts.indexOf('/');
        String database = slash < 0 ? "" : afterHosts.substring(slash + 1);
        int query = database.indexOf('?');
        return query < 0 ? database : database.substring(0, query);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Dockerfile helpers
    // ------------------------------------------------------------------------------------------------------------

    record Instruction(String keyword, String arguments) {

        boolean is(String name) {
            return keyword.equals(name);
        }

        /** Value of {@code --name=value}, or null. */
        String flag(String name) {
            for (String token : arguments.split("\\s+")) {
                if (token.startsWith("--" + name + "=")) {
                    return token.substring(name.length() + 3);
                }
            }
            return null;
        }

        private List<String> paths() {
            String args = arguments.trim();
            List<String> tokens;
            if (args.startsWith("[")) {
                tokens = Arrays.stream(args.substring(1, args.lastIndexOf(']')).split(","))
                        .map(t -> t.trim().replaceAll("^\"|\"$", "")).collect(Collectors.toList());
            } else {
                tokens = Arrays.stream(args.split("\\s+")).filter(t -> !t.startsWith("--")).collect(Collectors.toList());
            }
            return tokens;
        }

        List<String> sources() {
            List<String> paths = paths();
            return paths.subList(0, Math.max(0, paths.size() - 1));
        }

        String destination() {
            List<String> paths = paths();
            return paths.isEmpty() ? "" : paths.get(paths.size() - 1);
        }
    }

    record Dockerfile(Path path, List<List<Instruction>> stages, Map<String, Integer> stageIndexByName) {

        List<Instruction> finalStage() {
            return stages.get(stages.size() - 1);
        }

        /** A stage by its {@code AS} name or index, as {@code COPY --from=} refers to it. */
        List<Instruction> stage(String nameOrIndex) {
            Integer index = stageIndexByName.get(nameOrIndex.toLowerCase(Locale.ROOT));
            if (index == null && nameOrIndex.matches("\\d+")) {
                index = Integer.parseInt(nameOrIndex);
            }
            assertThat(index).as("%s: stage '%s' (COPY --from)", path, nameOrIndex).isNotNull();
            return stages.get(index);
        }
    }

    /**
     * The Dockerfile compose builds the service from (build.context + build.dockerfile), split into stages, with
     * line continuations joined, comments dropped, and build args (compose build.args, else ARG defaults) substituted.
     */
    private static Dockerfile dockerfile(String name) throws IOException {
        Object build = service(name).get("build");
        assertThat(build).as("%s: build", name).isNotNull();
        String context = ".";
        String dockerfileName = "Dockerfile";
        Map<String, String> args = new HashMap<>();
        if (build instanceof Map<?, ?> map) {
            context = map.get("context") == null ? "." : interpolate(String.valueOf(map.get("context")));
            dockerfileName = map.get("dockerfile") == null ? "Dockerfile" : interpolate(String.valueOf(map.get("dockerfile")));
            Object rawArgs = map.get("args");
            if (rawArgs instanceof Map<?, ?> argMap) {
                argMap.forEach((k, v) -> args.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v))));
            } else if (rawArgs instanceof List<?> argList) {
                for (Object a : argList) {
                    String[] kv = String.valueOf(a).split("=", 2);
                    args.put(kv[0], kv.length > 1 ? interpolate(kv[1]) : "");
                }
            }
        } else {
            context = interpolate(String.valueOf(build));
        }
        Path path = root.resolve(context).resolve(dockerfileName).normalize();
        assertThat(path).as("%s: Dockerfile (build.context=%s, build.dockerfile=%s)", name, context, dockerfileName)
                .isRegularFile();

        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                logical.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            logical.add(current.toString());
        }

        List<List<Instruction>> stages = new ArrayList<>();
        Map<String, Integer> stageIndexByName = new HashMap<>();
        for (String line : logical) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("ARG")) {
                String[] kv = arguments.split("=", 2);
                args.putIfAbsent(kv[0].trim(), kv.length > 1 ? kv[1].trim().replaceAll("^\"|\"$", "") : "");
            }
            arguments = substitute(arguments, args);
            if (keyword.equals("FROM")) {
                stages.add(new ArrayList<>());
                String[] from = arguments.split("\\s+");
                if (from.length >= 3 && from[from.length - 2].equalsIgnoreCase("AS")) {
                    stageIndexByName.put(from[from.length - 1].toLowerCase(Locale.ROOT), stages.size() - 1);
                }
            }
            if (stages.isEmpty()) {
                continue; // ARG before the first FROM
            }
            stages.get(stages.size() - 1).add(new Instruction(keyword, arguments));
        }
        assertThat(stages).as("%s: stages of %s", name, path).isNotEmpty();
        return new Dockerfile(root.relativize(path), stages, stageIndexByName);
    }

    private static String substitute(String text, Map<String, String> args) {
        String result = text;
        for (Map.Entry<String, String> arg : args.entrySet()) {
            result = result.replace("${" + arg.getKey() + "}", arg.getValue()).replaceAll(
                    "\\$" + Pattern.quote(arg.getKey()) + "\\b", Matcher.quoteReplacement(arg.getValue()));
        }
        return result;
    }

    private static String stripSlashes(String path) {
        String p = path.startsWith("./") ? path.substring(2) : path;
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "." : p;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Files, poms and the repository root
    // ------------------------------------------------------------------------------------------------------------

    /**
     * The service's application.yml / application-*.yml (also .yaml, .properties, and under config/), plus the
     * files they import with {@code spring.config.import: classpath:...}, looked up in the resources of the modules
     * the service is built from.
     */
    private static List<Path> springConfigFiles(String module, Path resources) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        for (Path dir : List.of(resources, resources.resolve("config"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().matches("application(-[^.]+)?\\.(ya?ml|properties)"))
                            .sorted().forEach(files::add);
                }
            }
        }
        List<String> modules = children(child(readXml(root.resolve("pom.xml")), "modules"), "module");
        Set<String> builtFrom = upstreamModules(module, modules);
        Deque<Path> toScan = new ArrayDeque<>(files);
        while (!toScan.isEmpty()) {
            Matcher m = CLASSPATH_IMPORT.matcher(Files.readString(toScan.pop(), StandardCharsets.UTF_8));
            while (m.find()) {
                boolean optional = m.group(1) != null;
                String resource = m.group(2).replaceFirst("^/", "");
                Path found = builtFrom.stream().map(d -> root.resolve(d).resolve("src/main/resources").resolve(resource))
                        .filter(Files::isRegularFile).findFirst().orElse(null);
                if (found == null && !optional) {
                    fail("%s imports classpath:%s, but no module it is built from %s has it in src/main/resources",
                            module, resource, builtFrom);
                }
                if (found != null && files.add(found)) {
                    toScan.push(found);
                }
            }
        }
        return new ArrayList<>(files);
    }

    /** The module and every reactor module it depends on, directly or not (what {@code mvn -pl <it> -am} builds). */
    private static Set<String> upstreamModules(String module, List<String> modules) throws IOException {
        Map<String, String> moduleByArtifactId = new HashMap<>();
        for (String m : modules) {
            moduleByArtifactId.put(text(readXml(root.resolve(m).resolve("pom.xml")), "artifactId"), m);
        }
        Set<String> result = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(module));
        while (!todo.isEmpty()) {
            String current = todo.pop();
            if (!result.add(current)) {
                continue;
            }
            Element pom = readXml(root.resolve(current).resolve("pom.xml"));
            for (Element dependency : childElements(child(pom, "dependencies"), "dependency")) {
                String upstream = moduleByArtifactId.get(text(dependency, "artifactId"));
                String groupId = text(dependency, "groupId");
                if (upstream != null && ("vn.giamngheo".equals(groupId) || "${project.groupId}".equals(groupId))) {
                    todo.push(upstream);
                }
            }
        }
        return result;
    }

    /** Walks up from the working directory to the directory whose pom.xml is the project {@code giamngheo} itself. */
    static Path findRepositoryRoot() throws IOException {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && ROOT_ARTIFACT_ID.equals(text(readXml(pom), "artifactId"))) {
                return dir;
            }
        }
        return fail("No pom.xml with <artifactId>%s</artifactId> (as the project's own artifactId) in %s or above",
                ROOT_ARTIFACT_ID, start);
    }

    private static Element readXml(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Cannot parse " + file, e);
        }
    }

    /** Text of a direct-child path, e.g. {@code text(project, "build", "finalName")}; null when absent. */
    private static String text(Element element, String... path) {
        Element current = element;
        for (String name : path) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return current.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = childElements(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> childElements(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static List<String> children(Element parent, String name) {
        return childElements(parent, name).stream().map(e -> e.getTextContent().trim()).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as("%s in docker-compose.yml is a mapping", what).isInstanceOf(Map.class);
        return (Map<String, Object>) Objects.requireNonNull(value);
    }
}
