package vn.giamngheo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClassDataSharing}: trained once, used by the JVM (checked with {@code -Xshare:on}, under which a JVM refuses to
 * start with an archive it cannot use), made again for a changed jar, and never in the way of a start.
 */
class ClassDataSharingTest {

    private static final List<String> OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @AfterEach
    void switchBackOn() {
        System.clearProperty(ClassDataSharing.SWITCH);
    }

    @Test
    void anApplicationIsTrainedOnceAndTheJvmUsesItsArchive() throws Exception {
        // given
        Path jar = probeJar(dir.resolve("probe.jar"));

        // when
        ClassDataSharing.Launch first = ClassDataSharing.forClasspath("probe", List.of(jar),
                CdsProbeMain.class.getName(), OPTIONS, Map.of(), dir);
        FileTime trainedAt = Files.getLastModifiedTime(archiveOf(first));
        ClassDataSharing.Launch second = ClassDataSharing.forClasspath("probe", List.of(jar),
                CdsProbeMain.class.getName(), OPTIONS, Map.of(), dir);

        // then
        assertThat(first.note()).isNull();
        assertThat(second.arguments()).isEqualTo(first.arguments());
        assertThat(Files.getLastModifiedTime(archiveOf(second))).as("not trained again").isEqualTo(trainedAt);
        assertThat(runWithSharingRequired(first)).isZero();
    }

    @Test
    void aRebuiltJarGetsItsOwnArchive() throws Exception {
        // given
        Path jar = probeJar(dir.resolve("probe.jar"));
        ClassDataSharing.Launch before = ClassDataSharing.forClasspath("probe", List.of(jar),
                CdsProbeMain.class.getName(), OPTIONS, Map.of(), dir);

        // when: the same path, built again
        probeJar(jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        ClassDataSharing.Launch after = ClassDataSharing.forClasspath("probe", List.of(jar),
                CdsProbeMain.class.getName(), OPTIONS, Map.of(), dir);

        // then
        assertThat(archiveOf(after)).isNotEqualTo(archiveOf(before)).isRegularFile();
        assertThat(runWithSharingRequired(after)).isZero();
    }

    @Test
    void aSpringBootJarRunsFromItsExtractedCopyWithTheArchiveOfItsTrainingRun() throws Exception {
        // given: a copy of the issuer's jar, whose training run needs nothing else running
        Path source = ProjectRoot.locate().resolve("identity").resolve("target").resolve("identity.jar");
        assertThat(source).as("the identity jar (built before this module)").isRegularFile();
        Path jar = Files.createDirectories(dir.resolve("identity")).resolve("identity.jar");
        Files.copy(source, jar, StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> environment = Map.of("SERVER_PORT", "0",
                "GIAMNGHEO_IDENTITY_KEY_FILE", dir.resolve("signing-key.pem").toString());

        // when
        ClassDataSharing.Launch launch = ClassDataSharing.forBootJar("identity", jar, IdentityProcess.JVM_OPTIONS,
                environment);

        // then
        assertThat(launch.note()).isNull();
        Path extracted = Path.of(launch.arguments().get(launch.arguments().indexOf("-jar") + 1));
        assertThat(extracted).isRegularFile().isNotEqualTo(jar);
        assertThat(extracted.resolveSibling("lib")).isDirectory();
        List<String> refreshOnly = new ArrayList<>(IdentityProcess.JVM_OPTIONS);
        refreshOnly.add("-Dspring.context.exit=onRefresh");
        assertThat(run(refreshOnly, launch, environment)).isZero();
    }

    @Test
    void aJarThatCannotBeExtractedStartsAsBeforeAndSaysWhy() throws Exception {
        // given: not a Spring Boot jar
        Path jar = probeJar(dir.resolve("plain.jar"));

        // when
        ClassDataSharing.Launch launch = ClassDataSharing.forBootJar("plain", jar, OPTIONS, Map.of());

        // then
        assertThat(launch.arguments()).containsExactly("-jar", jar.toString());
        assertThat(launch.note()).startsWith("Class data sharing not used");
    }

    @Test
    void switchedOffTheJarStartsAsBefore() throws Exception {
        // given
        Path jar = probeJar(dir.resolve("probe.jar"));
        System.setProperty(ClassDataSharing.SWITCH, "false");

        // when
        ClassDataSharing.Launch launch = ClassDataSharing.forClasspath("probe", List.of(jar),
                CdsProbeMain.class.getName(), OPTIONS, Map.of(), dir);

        // then
        assertThat(launch.arguments()).containsExactly("-cp", jar.toString(), CdsProbeMain.class.getName());
        assertThat(dir.resolve("cds")).doesNotExist();
    }

    private static Path archiveOf(ClassDataSharing.Launch launch) {
        String prefix = "-XX:SharedArchiveFile=";
        return launch.arguments().stream().filter(argument -> argument.startsWith(prefix)).findFirst()
                .map(argument -> Path.of(argument.substring(prefix.length())))
                .orElseThrow(() -> new AssertionError("no archive in " + launch.arguments()));
    }

    /** -Xshare:on: the JVM exits with an error instead of starting without the archive. */
    private int runWithSharingRequired(ClassDataSharing.Launch launch) throws Exception {
        return run(OPTIONS, launch, Map.of());
    }

    private int run(List<String> options, ClassDataSharing.Launch launch, Map<String, String> environment)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ChildClasspath.javaExecutable().toString());
        command.addAll(options);
        command.add("-Xshare:on");
        command.addAll(launch.arguments());
        Path log = Files.createTempFile(dir, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
        if (process.exitValue() != 0) {
            System.out.println(Files.readString(log));
        }
        return process.exitValue();
    }

    private static Path probeJar(Path jar) throws IOException {
        String name = CdsProbeMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             InputStream in = CdsProbeMain.class.getClassLoader().getResourceAsStream(name)) {
            out.putNextEntry(new JarEntry(name));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
