package vn.giamngheo.report.poverty.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-wire server (mongo-java-server, in memory) on a chosen port, as its own process, for
 * {@link PovertyImportBench}: the bench then measures the import's memory, not the database's. Not a test.
 * Usage: {@code BenchMongoServer <port>}; stop it with Ctrl-C or by killing its process id.
 */
public final class BenchMongoServer {

    private BenchMongoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27999;
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        System.out.println("mongo-java-server (memory) listening on 127.0.0.1:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        new CountDownLatch(1).await();
    }
}
