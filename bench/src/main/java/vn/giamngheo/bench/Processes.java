package vn.giamngheo.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Class paths for the baseline processes, free ports, and memory figures read from /proc. */
final class Processes {

    private Processes() {
    }

    /**
     * The bench's own class path (under Surefire the real one, not its manifest-only booter jar), with absolute
     * entries: the child processes run in their data directories.
     */
    static String benchClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> entry.endsWith("*") ? entry : Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The bench's class path without the MongoDB driver, Spring Data MongoDB and Spring Security (the bare endpoint's
     * token checks): for the empty applications, so that nothing but the web layer and actuator comes up.
     */
    static String classpathForEmptyApps() {
        return Arrays.stream(benchClasspath().split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName() == null ? entry : Path.of(entry).getFileName().toString();
                    return !name.contains("mongo") && !name.startsWith("bson") && !name.contains("security")
                            && !name.contains("oauth2") && !name.startsWith("nimbus");
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The empty apps' class path as jars only, for class data sharing, which cannot archive classes from a directory:
     * the dependency jars, and the empty app's own classes (only its package) packed into a jar in {@code workDir}.
     */
    static List<Path> emptyAppJars(Class<?> app, Path workDir) {
        String packagePath = app.getPackageName().replace('.', '/');
        List<Path> jars = new ArrayList<>();
        Path own = workDir.resolve(app.getSimpleName() + ".jar");
        for (String entry : classpathForEmptyApps().split(File.pathSeparator)) {
            if (entry.endsWith("*")) {
                try (var listed = Files.list(Path.of(entry.substring(0, entry.length() - 1)))) {
                    listed.filter(path -> path.toString().endsWith(".jar")).sorted().forEach(jars::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(Path.of(entry))) {
                jars.add(Path.of(entry));
            } else if (Files.isDirectory(Path.of(entry).resolve(packagePath)) && !jars.contains(own)) {
                if (!Files.isRegularFile(own)) {
                    // Once per run: a new jar would be a new class path to the archive, and a new training run.
                    packClasses(Path.of(entry), packagePath, own);
                }
                jars.add(0, own);
            }
        }
        return jars;
    }

    private static void packClasses(Path classesDir, String packagePath, Path jar) {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var classes = Files.walk(classesDir.resolve(packagePath))) {
            for (Path file : classes.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(classesDir.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack " + packagePath + " into " + jar, e);
        }
    }

    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // only used to pick a number
                }
            }
        }
    }

    /** VmRSS (resident now) or VmHWM (peak resident since start or since {@link #resetPeak}) of a process. */
    static OptionalLong memory(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.UTF_8)) {
                if (line.startsWith(field + ":")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended, or there is no /proc
        }
        return OptionalLong.empty();
    }

    /** Resets the kernel's peak-RSS mark (VmHWM) of a process we started; false where that is not allowed. */
    static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException notAllowed) {
            return false;
        }
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** Samples a process's resident memory every 100 ms until stopped; the peak is kept. */
    static final class RssSampler implements AutoCloseable {

        private final long pid;
        private final AtomicLong peak = new AtomicLong();
        private final boolean kernelPeak;
        private final Thread thread;
        private volatile boolean running = true;

        RssSampler(long pid) {
            this.pid = pid;
            this.kernelPeak = resetPeak(pid);
            this.thread = new Thread(this::loop, "rss-sampler-" + pid);
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running) {
                memory(pid, "VmRSS").ifPresent(rss -> peak.accumulateAndGet(rss, Math::max));
                try {
                    TimeUnit.MILLISECONDS.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The peak resident memory seen: the kernel's own mark when it could be reset, else the sampled one. */
        long peakBytes() {
            long sampled = peak.get();
            if (kernelPeak) {
                return Math.max(sampled, memory(pid, "VmHWM").orElse(0));
            }
            return sampled;
        }

        @Override
        public void close() {
            memory(pid, "VmRSS").ifPresent(rss -> peak.accumulateAndGet(rss, Math::max));
            running = false;
            thread.interrupt();
        }
    }
}
