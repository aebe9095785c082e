package vn.giamngheo.localstack;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The class path of the JVMs this module launches itself (the Kafka broker, the MongoDB-wire server): this module's
 * classes plus {@code local-stack/target/lib}, the copied runtime dependencies. The caller's own class path is the last
 * resort only, because a caller such as the system tests carries its own logging binding, under which the broker would
 * log at debug level to its console.
 */
final class ChildClasspath {

    private ChildClasspath() {
    }

    static String resolve(Path projectRoot) {
        Optional<Path> code = codeSource();
        Optional<Path> lib = code.flatMap(ChildClasspath::libBeside)
                .or(() -> existingDir(projectRoot.resolve("local-stack").resolve("target").resolve("lib")));
        if (code.isPresent() && lib.isPresent()) {
            return code.get() + File.pathSeparator + lib.get().resolve("*");
        }
        return System.getProperty("java.class.path");
    }

    /** The jar or classes directory this module was loaded from. */
    static Optional<Path> codeSource() {
        CodeSource source = ChildClasspath.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** target/local-stack.jar and target/classes both have their dependencies in target/lib. */
    private static Optional<Path> libBeside(Path code) {
        Path parent = code.getParent();
        return parent == null ? Optional.empty() : existingDir(parent.resolve("lib"));
    }

    private static Optional<Path> existingDir(Path dir) {
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
