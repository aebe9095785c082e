package vn.giamngheo.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs mongo-java-server with its H2 file backend as a process of its own, on a configurable port (the library's own
 * launchers hard-code 27017). Usage: {@code MongoWireServerMain --port N --file PATH}.
 */
public final class MongoWireServerMain {

    static final String READY_LINE = "MongoDB-wire server ready";
    private static final String HOST = "127.0.0.1";

    private MongoWireServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 27017;
        Path file = Path.of("giamngheo.mv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                default -> {
                    System.err.println("Unknown argument " + args[i] + ". Usage: MongoWireServerMain --port N --file PATH");
                    System.exit(2);
                }
            }
        }
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        MongoServer server = new MongoServer(new H2Backend(absolute.toString()));
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
