package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortCheckTest {

    @TempDir
    Path dataDir;

    @Test
    void aTakenPortIsReportedWithTheProcessThatWantedItAndNothingStarts() throws Exception {
        // given
        LocalStackPorts free = LocalStackPorts.free();
        try (ServerSocket occupier = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int taken = occupier.getLocalPort();
            LocalStackPorts ports = new LocalStackPorts(taken, free.kafkaController(), free.mongo(), free.plan(),
                    free.task(), free.report(), free.identity());
            LocalStack stack = LocalStack.builder().dataDir(dataDir).ports(ports).services().build();

            // when / then
            assertThatThrownBy(stack::start)
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("port " + taken + " is wanted by the Kafka broker (client listener)")
                    .hasMessageNotContaining("port " + free.mongo());
            assertThat(stack.processes()).isEmpty();
            assertThat(dataDir.resolve("pids")).doesNotExist();
        }
    }

    @Test
    void everyTakenPortIsNamed() throws Exception {
        // given
        LocalStackPorts free = LocalStackPorts.free();
        try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket second = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalStackPorts ports = new LocalStackPorts(free.kafka(), free.kafkaController(), first.getLocalPort(),
                    free.plan(), second.getLocalPort(), free.report(), free.identity());
            LocalStack stack = LocalStack.builder().dataDir(dataDir).ports(ports).services(Service.TASK).build();

            // when / then
            assertThatThrownBy(stack::start)
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("port " + first.getLocalPort() + " is wanted by the MongoDB-wire server")
                    .hasMessageContaining("port " + second.getLocalPort() + " is wanted by task-service (HTTP)");
        }
    }

    @Test
    void aProcessLeftOverFromAnEarlierRunIsPointedOut() throws Exception {
        // given a pid file of a live process, as a stack that died without stopping its broker leaves behind
        long leftover = ProcessHandle.current().pid();
        Path pidFile = ChildProcess.pidFile(dataDir, KafkaBrokerProcess.NAME);
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(leftover));
        LocalStackPorts free = LocalStackPorts.free();
        try (ServerSocket occupier = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalStackPorts ports = new LocalStackPorts(occupier.getLocalPort(), free.kafkaController(), free.mongo(),
                    free.plan(), free.task(), free.report(), free.identity());
            LocalStack stack = LocalStack.builder().dataDir(dataDir).ports(ports).services().build();

            // when / then
            assertThatThrownBy(stack::start)
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("a kafka process left over from an earlier run may hold it: pid " + leftover);
        }
    }

    @Test
    void aPortIsFreeAgainOnceItsListenerClosed() throws Exception {
        // given
        int port;
        try (ServerSocket occupier = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = occupier.getLocalPort();

            // then
            assertThat(PortCheck.isFree(port)).isFalse();
        }
        assertThat(PortCheck.isFree(port)).isTrue();
    }
}
