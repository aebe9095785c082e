package vn.giamngheo.support.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at an in-memory MongoDB-wire server (mongo-java-server), one per JVM, with a fresh database
 * per context so test classes never see each other's data.
 */
public class InMemoryMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static MongoServer server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        InetSocketAddress address = address();
        TestPropertyValues.of("spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort() + "/test_"
                + UUID.randomUUID().toString().replace("-", "")).applyTo(context);
    }

    private static synchronized InetSocketAddress address() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return server.getLocalAddress();
    }
}
