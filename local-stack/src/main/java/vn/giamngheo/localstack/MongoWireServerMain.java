package vn.giamngheo.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * Runs mongo-java-server with its H2 file backend as a process of its own, on a configurable port (the library's own
 * launchers hard-code 27017). Usage: {@code MongoWireServerMain --port N --file PATH [--cache-mb N]}.
 *
 * <p>A page that falls out of the H2 store's cache is read from the file and decoded again on the next access. With
 * H2's default cache of 16 MiB that was 18 % of the server's CPU while the report-service projected a replay of task
 * events (async-profiler, bench row 1, documents then still Java-serialised). The cache is part of the heap (H2 sizes
 * it by an estimate of the pages' memory) and is filled only as pages are read. The store's maps are typed
 * ({@link TypedH2Backend}): documents as BSON, index keys compared as values.
 */
public final class MongoWireServerMain {

    static final String READY_LINE = "MongoDB-wire server ready";
    public static final int DEFAULT_CACHE_MB = 256;
    private static final String HOST = "127.0.0.1";

    private MongoWireServerMain() {
    }

    /**
     * The H2 backend on the file, with a page cache of the given size and typed maps ({@link TypedH2Backend}: documents
     * as BSON, index keys compared as values), the file converted first if written before; closing the backend closes
     * the store.
     */
    public static H2Backend backend(Path file, int cacheMegabytes) {
        TypedH2Backend.convert(file);
        return new TypedH2Backend(new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes)
                .open());
    }

    public static void main(String[] args) throws Exception {
        int port = 27017;
        Path file = Path.of("giamngheo.mv");
        int cacheMegabytes = DEFAULT_CACHE_MB;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                case "--cache-mb" -> cacheMegabytes = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("Unknown argument " + args[i]
                            + ". Usage: MongoWireServerMain --port N --file PATH [--cache-mb N]");
                    System.exit(2);
                }
            }
        }
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        MongoServer server = new MongoServer(backend(absolute, cacheMegabytes));
        server.bind(HOST, port);
        CountDownLatch stopped = new CountDownLatch(1);
        // shutdown() also closes the backend, which writes the H2 store out so the file is consistent on disk.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the MongoDB-wire server");
            server.shutdown();
            System.out.println("MongoDB-wire server stopped; H2 file closed");
            stopped.countDown();
        }, "mongo-wire-shutdown"));
        System.out.println(READY_LINE + " on " + HOST + ":" + port + " (H2 file " + absolute + ")");
        stopped.await();
    }
}
