package vn.giamngheo.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The broker's server.properties: one node that is both broker and controller, listening on loopback only, with every
 * internal topic at replication factor 1 because there is no second broker to hold a replica.
 *
 * <p>Secured as docker-compose's broker is: clients authenticate with SASL/SCRAM-SHA-512 on the client listener, the
 * controller listener takes SASL/PLAIN with the one {@code controller} user (a PLAINTEXT controller listener would
 * need {@code User:ANONYMOUS} as a super user, i.e. an unauthenticated admin on that port), and the standard
 * authorizer denies whatever no ACL allows. {@code admin} and {@code controller} are the super users.
 */
record KafkaServerProperties(int port, int controllerPort, int defaultPartitions, Path logDir,
                             KafkaCredentials credentials) {

    private static final String HOST = "127.0.0.1";

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    Map<String, String> asMap() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "CLIENT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "CLIENT://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "CLIENT");
        p.put("sasl.mechanism.inter.broker.protocol", KafkaCredentials.SCRAM_MECHANISM);
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.client.sasl.enabled.mechanisms", KafkaCredentials.SCRAM_MECHANISM);
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        // The broker's own logins: as admin to the client listener (inter-broker), as controller to its controller.
        p.put("listener.name.client.scram-sha-512.sasl.jaas.config", KafkaCredentials.scramJaas(
                KafkaCredentials.ADMIN, credentials.password(KafkaCredentials.ADMIN)));
        p.put("listener.name.controller.plain.sasl.jaas.config", credentials.controllerJaas());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + KafkaCredentials.ADMIN + ";User:" + KafkaCredentials.CONTROLLER);
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // A topic that appears on first use (only a super user may create one now) gets the same spread as ours.
        p.put("num.partitions", Integer.toString(defaultPartitions));
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        // Fewer than the default 50 partitions: the offsets topic is created on the first consumer group and
        // 50 logs take noticeably long on a small machine.
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // The default 3 s would delay every consumer group's first assignment.
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a crash the restarted broker cannot register until the controller expires its old session
        // (default 9 s); fault tests kill the broker on purpose, so keep that wait short.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
        return p;
    }

    String render() {
        return "# Written by the local stack on every start; edits here are overwritten. The passwords in it are the\n"
                + "# local stack's (demo ones unless <PRINCIPAL>_KAFKA_PASSWORD was set).\n"
                + asMap().entrySet().stream().map(e -> e.getKey() + "=" + escape(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Backslashes are escapes in a properties file, and Windows paths have them. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
