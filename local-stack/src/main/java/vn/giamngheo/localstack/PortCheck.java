package vn.giamngheo.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Finds the wanted ports that are already taken, before anything starts: a process that fails to bind half-way through
 * start-up leaves a much less clear message (and a half-started stack) behind.
 */
final class PortCheck {

    private PortCheck() {
    }

    static List<PortClaim> taken(List<PortClaim> claims) {
        return claims.stream().filter(claim -> !isFree(claim.port())).toList();
    }

    /**
     * Binds the wildcard address, which fails whether the other program listens on loopback or on every interface.
     * SO_REUSEADDR keeps a port whose previous owner just exited (TIME_WAIT) counted as free, as the processes' own
     * listeners will see it.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
