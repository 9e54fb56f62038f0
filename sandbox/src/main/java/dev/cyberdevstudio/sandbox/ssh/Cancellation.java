package dev.cyberdevstudio.sandbox.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a kill must close, registered as it is opened: sockets from the moment they exist (so that a kill during the
 * TCP connect or the handshake ends it at once instead of waiting for a timeout) and the SSH connection.
 */
final class Cancellation {

    private static final Logger LOG = LoggerFactory.getLogger(Cancellation.class);

    private final List<Closeable> open = new ArrayList<>();
    private boolean cancelled;

    /** Closes {@code resource} when cancelled; at once if that has already happened. */
    void register(Closeable resource) {
        synchronized (this) {
            if (!cancelled) {
                open.add(resource);
                return;
            }
        }
        close(resource);
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        List<Closeable> toClose;
        synchronized (this) {
            cancelled = true;
            toClose = List.copyOf(open);
            open.clear();
        }
        toClose.forEach(Cancellation::close);
    }

    /** A socket factory whose sockets this cancellation closes. */
    SocketFactory sockets() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                var socket = new Socket();
                register(socket);
                return socket;
            }

            // sshj only asks for the unconnected socket above; the others are here because the factory must have them.
            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return registered(SocketFactory.getDefault().createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return registered(SocketFactory.getDefault().createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return registered(SocketFactory.getDefault().createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
                    throws IOException {
                return registered(SocketFactory.getDefault().createSocket(host, port, local, localPort));
            }

            private Socket registered(Socket socket) {
                register(socket);
                return socket;
            }
        };
    }

    private static void close(Closeable resource) {
        try {
            resource.close();
        } catch (IOException | RuntimeException failed) {
            LOG.debug("Closing {} on cancel failed: {}", resource, failed.toString());
        }
    }
}
