package vn.giamngheo.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one command over the MongoDB wire protocol (OP_MSG) and returns the reply document. Enough for a readiness
 * check that proves the server answers commands, not merely that its port is open, without the MongoDB driver.
 */
public final class MongoWireClient {

    private static final int OP_MSG = 2013;
    private static final AtomicInteger REQUEST_IDS = new AtomicInteger();

    private final String host;
    private final int port;
    private final Duration timeout;

    public MongoWireClient(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** Runs {@code command} against {@code database}; throws IOException if the server cannot be reached. */
    public Document command(String database, Document command) throws IOException {
        Document body = new Document();
        body.putAll(command);
        body.put("$db", database);
        try (Socket socket = new Socket()) {
            int millis = (int) timeout.toMillis();
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(encode(body));
            out.flush();
            return decode(new DataInputStream(socket.getInputStream()));
        }
    }

    /** True if the server answers {@code ping} with ok: 1. */
    public boolean ping() {
        try {
            Object ok = command("admin", new Document("ping", 1)).get("ok");
            return ok instanceof Number number && number.doubleValue() == 1.0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] encode(Document body) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            buffer.writeIntLE(0); // length, filled in below
            buffer.writeIntLE(REQUEST_IDS.incrementAndGet());
            buffer.writeIntLE(0); // responseTo
            buffer.writeIntLE(OP_MSG);
            buffer.writeIntLE(0); // flag bits
            buffer.writeByte(0); // section kind 0: the command document
            BsonEncoder.encodeDocument(body, buffer);
            buffer.setIntLE(0, buffer.writerIndex());
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    private static Document decode(DataInputStream in) throws IOException {
        byte[] lengthBytes = new byte[4];
        in.readFully(lengthBytes);
        int length = Unpooled.wrappedBuffer(lengthBytes).readIntLE();
        byte[] rest = new byte[length - 4];
        in.readFully(rest);
        ByteBuf reply = Unpooled.wrappedBuffer(rest);
        reply.skipBytes(8); // requestID, responseTo
        int opCode = reply.readIntLE();
        if (opCode != OP_MSG) {
            throw new IOException("Unexpected reply op code " + opCode);
        }
        reply.skipBytes(4); // flag bits
        reply.skipBytes(1); // section kind
        return BsonDecoder.decodeBson(reply);
    }
}
