package vn.giamngheo.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** The TCP ports of one local stack; {@code identity} is the local issuer's HTTP port. */
public record LocalStackPorts(int kafka, int kafkaController, int mongo, int plan, int task, int report,
                              int identity) {

    /** The ports from the README and docker-compose. */
    public static LocalStackPorts defaults() {
        return new LocalStackPorts(9092, 9093, 27017, 8081, 8082, 8083, 9000);
    }

    /**
     * Ports that are free right now, for tests that must not collide with a running stack. All seven sockets are open
     * at the same time while choosing, so the operating system never hands out one port twice.
     */
    public static LocalStackPorts free() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new LocalStackPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports", e);
        } finally {
            sockets.forEach(LocalStackPorts::closeQuietly);
        }
    }

    public int of(Service service) {
        return switch (service) {
            case PLAN -> plan;
            case TASK -> task;
            case REPORT -> report;
        };
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket only used to pick a number cannot matter.
        }
    }
}
