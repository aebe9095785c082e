package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliOptionsTest {

    @Test
    void noArgumentsMeanDefaultDataDirWithDemoData() {
        assertThat(CliOptions.parse()).isEqualTo(new CliOptions(null, true, false));
    }

    @Test
    void dataDirAndNoDemoDataAreRead() {
        assertThat(CliOptions.parse("--data-dir", "/tmp/stack", "--no-demo-data"))
                .isEqualTo(new CliOptions(Path.of("/tmp/stack"), false, false));
    }

    @Test
    void anUnknownArgumentIsNamed() {
        assertThatThrownBy(() -> CliOptions.parse("--port", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown argument: --port");
    }

    @Test
    void aDataDirWithoutValueIsRefused() {
        assertThatThrownBy(() -> CliOptions.parse("--data-dir"))
                .hasMessage("--data-dir needs a directory");
    }
}
