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
 * <p>A page that falls out of the H2 store's cache is read from the file and decoded again on the next access; the
 * cache is part of the heap (H2 sizes it by an estimate of the pages' memory) and is filled only as pages are read.
 * 64 MiB: with documents Java-serialised, decoding a page was dear and 256 MiB paid (18 % of the server's CPU went to
 * it with H2's default 16 MiB, bench row 1); as BSON ({@link TypedH2Backend}) it is cheap, and a cache smaller than a
 * scan of a province-size collection is what costs — pages that live long enough to be copied by the garbage
 * collector and die old: 70 % of the server's CPU in a scan of 400,000 households with 256 MiB (bench row 4).
 */
public final class MongoWireServerMain {

    static final String READY_LINE = "MongoDB-wire server ready";
    public static final int DEFAULT_CACHE_MB = 64;
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
