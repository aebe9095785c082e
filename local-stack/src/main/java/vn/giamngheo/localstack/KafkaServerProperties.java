package vn.giamngheo.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The broker's server.properties: one node that is both broker and controller, listening on loopback only, with every
 * internal topic at replication factor 1 because there is no second broker to hold a replica.
 */
record KafkaServerProperties(int port, int controllerPort, int defaultPartitions, Path logDir) {

    private static final String HOST = "127.0.0.1";

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    Map<String, String> asMap() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        // Topics that appear on first use (dead-letter topics, a client's typo) get the same spread as ours.
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
        return "# Written by the local stack on every start; edits here are overwritten.\n"
                + asMap().entrySet().stream().map(e -> e.getKey() + "=" + escape(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Backslashes are escapes in a properties file, and Windows paths have them. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
