package vn.giamngheo.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A process of ours run from its module's Spring Boot jar — a service or the issuer — started with class data sharing
 * ({@link ClassDataSharing}) from an extracted copy of the jar once its archive exists.
 */
abstract class BootJarProcess extends ChildProcess {

    private final Path jar;
    private volatile ClassDataSharing.Launch launch;

    BootJarProcess(String name, Path dataDir, Path consoleLog, Path jar) {
        super(name, dataDir, consoleLog);
        this.jar = jar;
    }

    public Path jar() {
        return jar;
    }

    /** Heap, collector, compiler: also the training run's, since an archive fits only the options it was made with. */
    protected abstract List<String> jvmOptions();

    protected abstract LocalStackException missingJar();

    /**
     * Makes the extracted jar and its archive if they are missing (a training run, about one start long); quick once
     * they exist. The stack calls it for all its processes side by side before it starts any.
     */
    void prepareLaunch() {
        if (!Files.isRegularFile(jar)) {
            throw missingJar();
        }
        launch = ClassDataSharing.forBootJar(name(), jar, jvmOptions(), environment());
    }

    @Override
    protected void prepare(boolean firstStart) {
        // Again on every start: a jar rebuilt since the last start gets its own archive.
        prepareLaunch();
        String note = launch.note();
        if (note != null) {
            try {
                Files.writeString(consoleLog(), "[local-stack] " + note + System.lineSeparator(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // The note only explains a slower start.
            }
        }
    }

    @Override
    protected final List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions());
        command.addAll(launch.arguments());
        return command;
    }
}
