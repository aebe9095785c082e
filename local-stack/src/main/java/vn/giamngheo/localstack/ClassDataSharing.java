package vn.giamngheo.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Class data sharing (AppCDS) for the Spring Boot processes the stack launches — the services and the issuer.
 *
 * <p>Why: on two shared cores most of a service's start-up is CPU spent reading, parsing and verifying the same
 * ten thousand or so classes on every start. A dynamic CDS archive holds them already parsed and verified, and the JVM maps
 * it instead. The JVM archives only classes of its own class loaders, not those inside a fat jar's nested jars, so the
 * jar is first extracted the way Spring Boot documents it ({@code java -Djarmode=tools -jar app.jar extract}: the
 * application jar plus its libraries as plain jars), then trained once — started with
 * {@code -XX:ArchiveClassesAtExit} and {@code -Dspring.context.exit=onRefresh}, which stops it once the application
 * context is refreshed, before any port is opened or any client connects — and from then on launched from the
 * extracted jar with {@code -XX:SharedArchiveFile}.
 *
 * <p>Made once per jar content, JVM and JVM options, in {@code <jar's directory>/cds/<name>-<key>}; the key is a hash
 * of the jar's central directory (every entry's name, size and CRC), the JVM and the options, so a rebuilt jar gets a
 * new archive and an identical copy of the jar (the bench's snapshot) is extracted beside the copy. The JVM itself
 * also checks every jar of the class path against the archive (size and modification time) and ignores a stale archive
 * with a warning in the process's log. Stacks that start at the same time (tests run side by side) make an entry under a
 * file lock, so it is made once and nobody sees half of it. Anything that fails here leaves the process to start from
 * its jar as before, with a note in its log: class data sharing can only make a start faster, never stop one.
 */
public final class ClassDataSharing {

    /** The system property or environment variable that turns it off ({@code false}): starts from the jars. */
    public static final String SWITCH = "giamngheo.local-stack.cds";

    private static final String ENVIRONMENT_SWITCH = "GIAMNGHEO_LOCAL_STACK_CDS";
    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(3);
    /** One start of a service takes well under a minute; the machine may be shared with several other stacks. */
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);
    /** Older entries of the same application kept beside the newest, for stacks still running from them. */
    private static final int KEEP_OLDER = 2;
    private static final String ARCHIVE = "app.jsa";
    private static final String FAILED = "failed.txt";
    private static final Map<Path, Object> IN_THIS_JVM = new ConcurrentHashMap<>();

    /** What to put after the JVM options: the archive and the class path or jar to start from. */
    public record Launch(List<String> arguments, String note) {

        static Launch plain(List<String> arguments, String note) {
            return new Launch(List.copyOf(arguments), note);
        }
    }

    private ClassDataSharing() {
    }

    public static boolean enabled() {
        String value = System.getProperty(SWITCH, System.getenv(ENVIRONMENT_SWITCH));
        return value == null || !value.equalsIgnoreCase("false");
    }

    /**
     * For a Spring Boot fat jar: makes the extracted copy and its archive if they do not exist yet (a training run,
     * about as long as one start) and returns {@code -XX:SharedArchiveFile=… -jar <extracted jar>}; or
     * {@code -jar <jar>} if class data sharing is off or could not be prepared.
     *
     * @param environment the process's environment, also the training run's (it reads the same configuration)
     */
    public static Launch forBootJar(String name, Path jar, List<String> jvmOptions, Map<String, String> environment) {
        List<String> plain = List.of("-jar", jar.toString());
        if (!enabled()) {
            return Launch.plain(plain, null);
        }
        try {
            Path entry = jar.toAbsolutePath().getParent().resolve("cds").resolve(name + "-" + key(jar, jvmOptions));
            Path extractedJar = entry.resolve("app").resolve(jar.getFileName());
            return prepared(entry, name, jvmOptions, environment, () -> extract(jar, entry),
                    List.of("-jar", extractedJar.toString()), plain);
        } catch (IOException | RuntimeException e) {
            return Launch.plain(plain, "Class data sharing not used: " + e.getMessage());
        }
    }

    /**
     * For an application on a class path of jars only (a directory with classes cannot be archived): the archive is
     * made in {@code cacheDir} and the returned arguments are {@code -XX:SharedArchiveFile=… -cp <classpath> <main>}.
     */
    public static Launch forClasspath(String name, List<Path> jars, String mainClass, List<String> jvmOptions,
            Map<String, String> environment, Path cacheDir) {
        String classpath = String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList());
        List<String> plain = List.of("-cp", classpath, mainClass);
        if (!enabled()) {
            return Launch.plain(plain, null);
        }
        try {
            MessageDigest digest = sha256();
            for (Path jar : jars) {
                digest.update(jar.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Long.toString(Files.size(jar)).getBytes(StandardCharsets.UTF_8));
                digest.update(Files.getLastModifiedTime(jar).toString().getBytes(StandardCharsets.UTF_8));
            }
            digest.update(mainClass.getBytes(StandardCharsets.UTF_8));
            Path entry = cacheDir.resolve("cds").resolve(name + "-" + finish(digest, jvmOptions));
            return prepared(entry, name, jvmOptions, environment, () -> Files.createDirectories(entry), plain, plain);
        } catch (IOException | RuntimeException e) {
            return Launch.plain(plain, "Class data sharing not used: " + e.getMessage());
        }
    }

    /** A run that did not fail on its own (timed out, interrupted, killed): it is tried again at the next start. */
    private static final class NotThisTime extends IOException {

        NotThisTime(String message) {
            super(message);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private static Launch prepared(Path entry, String name, List<String> jvmOptions, Map<String, String> environment,
            Step extract, List<String> start, List<String> plain) throws IOException {
        Path archive = entry.resolve(ARCHIVE);
        Files.createDirectories(entry.getParent());
        synchronized (IN_THIS_JVM.computeIfAbsent(entry.toAbsolutePath().normalize(), any -> new Object())) {
            try (FileChannel channel = FileChannel.open(entry.resolveSibling(entry.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(entry.resolve(FAILED))) {
                    return Launch.plain(plain, "Class data sharing not used: its training failed before, see "
                            + entry.resolve(FAILED) + " (delete " + entry + " to try again)");
                }
                if (!Files.isRegularFile(archive)) {
                    deleteTree(entry);
                    extract.run();
                    train(entry, jvmOptions, environment, start);
                    prune(entry, name);
                }
                Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
            }
        }
        List<String> arguments = new ArrayList<>();
        arguments.add("-XX:SharedArchiveFile=" + archive);
        arguments.addAll(start);
        return new Launch(List.copyOf(arguments), null);
    }

    private static void extract(Path jar, Path entry) throws IOException {
        Path app = entry.resolve("app");
        Files.createDirectories(entry);
        run(List.of(ChildClasspath.javaExecutable().toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", app.toString()), Map.of(), entry, entry.resolve("extract.log"), EXTRACT_TIMEOUT);
        if (!Files.isRegularFile(app.resolve(jar.getFileName()))) {
            throw new IOException("extracting " + jar + " gave no " + app.resolve(jar.getFileName()));
        }
    }

    /**
     * One start of the application that ends once its context is refreshed; the JVM writes the archive as it exits.
     * Written under a temporary name and moved into place, so a training run that dies half-way leaves no archive.
     */
    private static void train(Path entry, List<String> jvmOptions, Map<String, String> environment,
            List<String> start) throws IOException {
        Path partial = entry.resolve(ARCHIVE + ".partial");
        List<String> command = new ArrayList<>();
        command.add(ChildClasspath.javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add("-XX:ArchiveClassesAtExit=" + partial);
        command.add("-Dspring.context.exit=onRefresh");
        command.addAll(start);
        Path log = entry.resolve("training.log");
        try {
            run(command, environment, entry, log, TRAINING_TIMEOUT);
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                throw new IOException("the training run wrote no archive");
            }
            Files.move(partial, entry.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
        } catch (NotThisTime e) {
            // A machine too busy this time, or a stack stopped during its start, says nothing about the next start.
            Files.deleteIfExists(partial);
            throw e;
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            Files.writeString(entry.resolve(FAILED), e.getMessage() + System.lineSeparator() + "Log: " + log
                    + System.lineSeparator());
            throw e;
        }
    }

    private static void run(List<String> command, Map<String, String> environment, Path directory, Path log,
            Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
                throw new NotThisTime("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
                        + " (log: " + log + ")");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NotThisTime("interrupted: " + String.join(" ", command));
        }
        if (process.exitValue() > 128) {
            // Ended by a signal (Ctrl-C reaches the whole process group): not a verdict on the archive.
            throw new NotThisTime("ended by signal " + (process.exitValue() - 128) + ": " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + ": " + String.join(" ", command) + " (log: "
                    + log + ")");
        }
    }

    /** Keeps the newest few entries of the application: each holds a copy of all its libraries. */
    private static void prune(Path current, String name) {
        try (Stream<Path> siblings = Files.list(current.getParent())) {
            List<Path> older = siblings
                    .filter(path -> Files.isDirectory(path) && !path.equals(current)
                            && path.getFileName().toString().matches(java.util.regex.Pattern.quote(name)
                            + "-[0-9a-f]{16}"))
                    .sorted(Comparator.comparing(ClassDataSharing::lastUsed).reversed())
                    .toList();
            for (Path stale : older.subList(Math.min(KEEP_OLDER, older.size()), older.size())) {
                deleteUnlessBusy(stale);
            }
        } catch (IOException | UncheckedIOException e) {
            // Only disk space is at stake; the next new entry tries again.
        }
    }

    /**
     * Deletes an older entry only while holding its lock, so a stack preparing it right now keeps it; the lock file
     * itself stays (deleting a file another JVM holds a lock on would let a third one lock a new file of that name).
     */
    private static void deleteUnlessBusy(Path stale) throws IOException {
        try (FileChannel channel = FileChannel.open(stale.resolveSibling(stale.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock != null) {
                deleteTree(stale);
            }
        } catch (OverlappingFileLockException heldInThisJvm) {
            // Another stack of this JVM is preparing it: leave it.
        }
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String key(Path jar, List<String> jvmOptions) throws IOException {
        MessageDigest digest = sha256();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> digest.update(describe(entry).getBytes(StandardCharsets.UTF_8)));
        }
        return finish(digest, jvmOptions);
    }

    private static String describe(ZipEntry entry) {
        return entry.getName() + '\0' + entry.getSize() + '\0' + entry.getCrc() + '\n';
    }

    /** The JVM and its options are part of the key: an archive only fits the JVM and heap layout it was made with. */
    private static String finish(MessageDigest digest, List<String> jvmOptions) {
        digest.update(ChildClasspath.javaExecutable().toString().getBytes(StandardCharsets.UTF_8));
        digest.update(System.getProperty("java.vm.version", "").getBytes(StandardCharsets.UTF_8));
        digest.update(String.join("\0", jvmOptions).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
