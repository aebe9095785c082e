package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalStackPortsTest {

    @Test
    void freePortsAreDistinctAndFree() {
        // when
        LocalStackPorts ports = LocalStackPorts.free();

        // then
        List<Integer> all = List.of(ports.kafka(), ports.kafkaController(), ports.mongo(), ports.plan(), ports.task(),
                ports.report(), ports.identity());
        assertThat(all).doesNotHaveDuplicates().allSatisfy(port -> assertThat(PortCheck.isFree(port)).isTrue());
    }

    @Test
    void repeatedChoicesNeverOverlapWithinOneChoice() {
        // when
        List<LocalStackPorts> choices = IntStream.range(0, 20).mapToObj(i -> LocalStackPorts.free()).toList();

        // then
        assertThat(choices).allSatisfy(ports -> assertThat(List.of(ports.kafka(), ports.kafkaController(),
                ports.mongo(), ports.plan(), ports.task(), ports.report(), ports.identity()))
                .doesNotHaveDuplicates());
    }

    @Test
    void defaultsAreTheDocumentedPorts() {
        // when
        LocalStackPorts ports = LocalStackPorts.defaults();

        // then
        assertThat(ports).isEqualTo(new LocalStackPorts(9092, 9093, 27017, 8081, 8082, 8083, 9000));
        assertThat(ports.of(Service.PLAN)).isEqualTo(8081);
        assertThat(ports.of(Service.TASK)).isEqualTo(8082);
        assertThat(ports.of(Service.REPORT)).isEqualTo(8083);
        assertThat(ports.identity()).isEqualTo(9000);
    }
}
