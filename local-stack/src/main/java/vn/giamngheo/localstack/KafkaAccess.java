package vn.giamngheo.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the local stack's broker: the SCRAM users of the services and of the department, and their ACLs
 * (everything else is denied: {@code allow.everyone.if.no.acl.found=false}). docker-compose's {@code kafka-init}
 * grants the same; {@code KafkaAccessTest} checks this table against what the services' application.yml consume and
 * produce.
 *
 * <ul>
 *   <li>each service: WRITE its own topic (with IdempotentWrite on the cluster: the outbox relay's producer is
 *       idempotent), READ the topics it consumes with its consumer group, WRITE the dead-letter topics of its
 *       bindings ({@code <topic>.<group>.dlt}), and DESCRIBE the suite's four topics, which its KafkaAdmin checks at
 *       start-up. It creates no topic: the stack creates them all beforehand;</li>
 *   <li>the department {@code dept-sldtbxh}: READ the three event topics with consumer groups named
 *       {@code dept-sldtbxh.*}, WRITE {@code census.households} only.</li>
 * </ul>
 */
final class KafkaAccess {

    static final String DEPARTMENT_GROUP_PREFIX = KafkaCredentials.DEPARTMENT + ".";
    static final List<String> EVENT_TOPICS = List.of("plan.events", "task.events", "report.events");
    static final String CENSUS_HOUSEHOLDS = "census.households";

    /**
     * What one service produces and consumes.
     *
     * @param consumes the topics its bindings consume, all with the consumer group named after the service
     */
    record ServiceTopics(Service service, String ownTopic, List<String> consumes) {

        String group() {
            return service.moduleName();
        }

        List<String> deadLetterTopics() {
            return consumes.stream().map(topic -> topic + "." + group() + ".dlt").toList();
        }
    }

    static final List<ServiceTopics> SERVICES = List.of(
            new ServiceTopics(Service.PLAN, "plan.events", List.of()),
            new ServiceTopics(Service.TASK, "task.events", List.of("plan.events")),
            new ServiceTopics(Service.REPORT, "report.events",
                    List.of("plan.events", "task.events", CENSUS_HOUSEHOLDS)));

    private static final int SCRAM_ITERATIONS = 4096;

    private KafkaAccess() {
    }

    /** Every service's dead-letter topics; the stack creates them with the suite's topics. */
    static List<String> deadLetterTopics() {
        return SERVICES.stream().flatMap(s -> s.deadLetterTopics().stream()).toList();
    }

    /** The ACLs of the services and the department, and nothing else. */
    static Set<AclBinding> bindings(List<String> suiteTopics) {
        Set<AclBinding> acls = new LinkedHashSet<>();
        for (ServiceTopics s : SERVICES) {
            String user = s.service().moduleName();
            allow(acls, user, topic(s.ownTopic()), AclOperation.WRITE, AclOperation.DESCRIBE);
            allow(acls, user, new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
                    AclOperation.IDEMPOTENT_WRITE);
            for (String suiteTopic : suiteTopics) {
                allow(acls, user, topic(suiteTopic), AclOperation.DESCRIBE);
            }
            for (String consumed : s.consumes()) {
                allow(acls, user, topic(consumed), AclOperation.READ);
            }
            if (!s.consumes().isEmpty()) {
                allow(acls, user, new ResourcePattern(ResourceType.GROUP, s.group(), PatternType.LITERAL),
                        AclOperation.READ);
            }
            for (String deadLetters : s.deadLetterTopics()) {
                allow(acls, user, topic(deadLetters), AclOperation.WRITE, AclOperation.DESCRIBE);
            }
        }
        String department = KafkaCredentials.DEPARTMENT;
        for (String eventTopic : EVENT_TOPICS) {
            allow(acls, department, topic(eventTopic), AclOperation.READ, AclOperation.DESCRIBE);
        }
        allow(acls, department, new ResourcePattern(ResourceType.GROUP, DEPARTMENT_GROUP_PREFIX, PatternType.PREFIXED),
                AclOperation.READ);
        allow(acls, department, topic(CENSUS_HOUSEHOLDS), AclOperation.WRITE, AclOperation.DESCRIBE);
        return acls;
    }

    /**
     * Sets every SCRAM user's password (an upsert, so a changed password applies) and makes the ACLs of those users
     * exactly {@link #bindings}: missing ones are added, others of theirs removed. Runs as admin on every start.
     */
    static void apply(Admin admin, KafkaCredentials credentials, List<String> suiteTopics, Duration timeout) {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (String user : credentials.scramUsers()) {
            users.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), credentials.password(user)));
        }
        await(admin.alterUserScramCredentials(users).all(), "set the Kafka users' passwords", timeout);

        Set<AclBinding> wanted = bindings(suiteTopics);
        Collection<AclBinding> existing = await(admin.describeAcls(AclBindingFilter.ANY).values(),
                "read the Kafka ACLs", timeout);
        Set<String> managed = new LinkedHashSet<>();
        credentials.scramUsers().forEach(user -> managed.add("User:" + user));
        List<AclBindingFilter> stale = existing.stream()
                .filter(acl -> managed.contains(acl.entry().principal()) && !wanted.contains(acl))
                .map(AclBinding::toFilter).toList();
        if (!stale.isEmpty()) {
            await(admin.deleteAcls(stale).all(), "remove outdated Kafka ACLs", timeout);
        }
        await(admin.createAcls(wanted).all(), "create the Kafka ACLs", timeout);
    }

    /**
     * Waits until the broker enforces what {@link #apply} wrote: the controller commits users and ACLs at once, but
     * the broker learns of them from the metadata log a moment later, and a client that logs in before would be
     * refused as having a wrong password. Waits until every user can log in and the broker's authorizer lists every
     * wanted ACL.
     */
    static void awaitInForce(Admin admin, KafkaCredentials credentials, List<String> suiteTopics,
                             Function<String, Map<String, Object>> clientProperties, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<AclBinding> wanted = bindings(suiteTopics);
        while (!await(admin.describeAcls(AclBindingFilter.ANY).values(), "read the Kafka ACLs", timeout)
                .containsAll(wanted)) {
            pauseBefore(deadline, "the broker enforces the Kafka ACLs");
        }
        for (String user : credentials.scramUsers()) {
            Map<String, Object> config = new HashMap<>(clientProperties.apply(user));
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-login-check");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
            while (!canLogIn(config)) {
                pauseBefore(deadline, "the broker lets Kafka user " + user + " log in");
            }
        }
    }

    private static boolean canLogIn(Map<String, Object> config) {
        try (Admin client = Admin.create(config)) {
            client.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SaslAuthenticationException) {
                return false;
            }
            throw new LocalStackException("Cannot check a Kafka login: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while checking a Kafka login", e);
        }
    }

    private static void pauseBefore(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new LocalStackException("Timed out waiting until " + what);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static void allow(Set<AclBinding> acls, String user, ResourcePattern resource,
                              AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(resource,
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    private static <T> T await(KafkaFuture<T> future, String what, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LocalStackException("Cannot " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new LocalStackException("Could not " + what + " within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while trying to " + what, e);
        }
    }
}
