package vn.giamngheo.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The MongoDB-wire server ({@link MongoWireServerMain}) in its own JVM, its data in one H2 file. */
public final class MongoWireProcess extends ChildProcess {

    public static final String NAME = "mongo";

    private final int port;
    private final String classpath;
    private final MongoWireClient client;

    MongoWireProcess(Path dataDir, int port, String classpath) {
        super(NAME, dataDir, dataDir.resolve("logs").resolve("mongo.log"));
        this.port = port;
        this.classpath = classpath;
        this.client = new MongoWireClient("127.0.0.1", port, Duration.ofSeconds(1));
    }

    /** The H2 file that holds every database of the server. */
    public Path storeFile() {
        return dataDir().resolve("mongo").resolve("giamngheo.mv");
    }

    public int port() {
        return port;
    }

    @Override
    protected void prepare(boolean firstStart) {
        copyResource("mongo-log4j2.xml", log4jConfig());
    }

    /**
     * mongo-java-server holds a sorted query's whole result in its heap before it answers (unsorted queries with a
     * batch size are read a batch at a time, {@link StreamingH2Collection}), so a sorted pass over a province-size
     * poverty review — 400,000 households, as the movements between two reviews read them — needs far more than the
     * 256 MiB that were enough for plans and tasks: it ended in an OutOfMemoryError inside the H2 store. The heap
     * starts small and grows only while such a query runs.
     */
    private static final String MAX_HEAP = "-Xmx2g";

    @Override
    protected List<String> command() {
        // A fixed 128 MiB young generation and room in the old one: with -Xms32m the server collected its whole heap
        // again and again as it grew, a third of its CPU in a replay of task.events (bench row 1, session 9).
        return List.of(javaExecutable(), "-Xms384m", "-Xmn128m", MAX_HEAP, "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8",
                "-Dlog4j2.configurationFile=" + log4jConfig(),
                "-cp", classpath, MongoWireServerMain.class.getName(),
                "--port", Integer.toString(port), "--file", storeFile().toString());
    }

    /** A real command round trip: an open port alone could be a server still loading its store. */
    @Override
    protected boolean probeReady() {
        return client.ping();
    }

    private Path log4jConfig() {
        return dataDir().resolve("mongo").resolve("log4j2.xml");
    }
}
