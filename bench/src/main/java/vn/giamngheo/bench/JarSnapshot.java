package vn.giamngheo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.localstack.IdentityProcess;
import vn.giamngheo.localstack.Service;

/**
 * A copy of the identity issuer's and the three services' jars laid out like the project (module/target/module.jar,
 * with local-stack's lib beside), so a rebuild in the working tree during a long run cannot swap a jar under a
 * running or restarting process.
 */
final class JarSnapshot {

    private JarSnapshot() {
    }

    static Path of(Path projectRoot, Path workDir) throws IOException {
        Path root = workDir.resolve("jars");
        List<String> modules = new ArrayList<>();
        modules.add(IdentityProcess.NAME);
        for (Service service : Service.values()) {
            modules.add(service.moduleName());
        }
        for (String module : modules) {
            Path source = projectRoot.resolve(module).resolve("target").resolve(module + ".jar");
            if (!Files.isRegularFile(source)) {
                throw new IllegalStateException("The " + module + " jar is missing: " + source
                        + ". Build the project first: ./mvnw -B install -DskipTests");
            }
            Path target = root.resolve(module).resolve("target").resolve(module + ".jar");
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Path lib = root.resolve("local-stack").resolve("target").resolve("lib");
        Files.createDirectories(lib.getParent());
        Files.createSymbolicLink(lib, projectRoot.resolve("local-stack").resolve("target").resolve("lib")
                .toAbsolutePath());
        return root;
    }
}
