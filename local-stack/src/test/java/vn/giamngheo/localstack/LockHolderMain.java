package vn.giamngheo.localstack;

import java.nio.file.Path;

/** Holds the data-directory lock from another JVM until its standard input closes. */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // Wait for the test to close our input.
            }
        }
    }
}
