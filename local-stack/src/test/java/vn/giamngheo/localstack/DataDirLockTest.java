package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondStackOnTheSameDataDirIsRefusedBeforeItTouchesAnything() {
        // given
        try (DataDirLock firstStack = DataDirLock.acquire(dataDir)) {
            LocalStack second = LocalStack.builder().dataDir(dataDir).ports(LocalStackPorts.free()).services()
                    .build();

            // when / then
            assertThatThrownBy(second::start)
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageStartingWith("The local stack is already running (data dir " + dataDir.toAbsolutePath()
                            + ", pid " + ProcessHandle.current().pid() + ")");
            assertThat(second.processes()).isEmpty();
        }
    }

    @Test
    void theLockIsFreeAgainAfterClose() {
        // given
        DataDirLock.acquire(dataDir).close();

        // when
        DataDirLock again = DataDirLock.acquire(dataDir);

        // then
        assertThat(again).isNotNull();
        again.close();
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedWithThatProcessesPid() throws Exception {
        // given
        Process holder = new ProcessBuilder(ChildClasspath.javaExecutable().toString(), "-cp",
                System.getProperty("java.class.path"), LockHolderMain.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("locked");

            // when / then
            assertThatThrownBy(() -> DataDirLock.acquire(dataDir))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining("pid " + holder.pid() + ")");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(10, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }

        // and the lock dies with its holder
        DataDirLock.acquire(dataDir).close();
    }
}
