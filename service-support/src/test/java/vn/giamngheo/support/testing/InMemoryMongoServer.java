package vn.giamngheo.support.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An in-memory MongoDB-wire server and a client of it, for tests without Spring; closed after the test class. */
public final class InMemoryMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    public InMemoryMongoServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    public MongoClient client() {
        return client;
    }

    public MongoTemplate template(String database) {
        return new MongoTemplate(client, database);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
