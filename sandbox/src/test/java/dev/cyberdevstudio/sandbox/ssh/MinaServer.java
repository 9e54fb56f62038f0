package dev.cyberdevstudio.sandbox.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Collections;
import java.util.List;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.Signal;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An in-process Apache MINA SSHD on 127.0.0.1: public-key login for one key, commands really run by /bin/sh, and an
 * SFTP subsystem rooted in a test folder.
 */
final class MinaServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;
    private final AtomicInteger logins = new AtomicInteger();
    private final List<Signal> signals = new CopyOnWriteArrayList<>();

    private MinaServer(SshServer server, KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    static MinaServer start(KeyPair hostKey, PublicKey authorizedUserKey, Path sftpRoot) throws IOException {
        return start(List.of(hostKey), authorizedUserKey, sftpRoot);
    }

    /**
     * A server that presents the host keys in turn, one per connection: a host whose key changes between two
     * connections, as an attacker taking over the address would look.
     */
    static MinaServer start(List<KeyPair> hostKeysInTurn, PublicKey authorizedUserKey, Path sftpRoot)
            throws IOException {
        var server = SshServer.setUpDefaultServer();
        var mina = new MinaServer(server, hostKeysInTurn.getFirst());
        var connections = new AtomicInteger();
        // MINA asks for the keys several times per connection: each connection keeps the key it drew first.
        var drawn = Collections.synchronizedMap(new WeakHashMap<Object, KeyPair>());
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(session -> List.of(drawn.computeIfAbsent(session, fresh ->
                hostKeysInTurn.get(connections.getAndIncrement() % hostKeysInTurn.size()))));
        server.setPublickeyAuthenticator((user, key, session) -> {
            var allowed = KeyUtils.compareKeys(key, authorizedUserKey);
            if (allowed) {
                mina.logins.incrementAndGet();
            }
            return allowed;
        });
        server.setCommandFactory((channel, command) -> new ProcessCommand(command, mina.signals::add));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(sftpRoot));
        server.start();
        return mina;
    }

    int port() {
        return server.getPort();
    }

    PublicKey hostKey() {
        return hostKey.getPublic();
    }

    /** Successful public-key checks so far (MINA checks a key once to offer it and once to log in with it). */
    int logins() {
        return logins.get();
    }

    /** The signals clients sent to commands, in order. */
    List<Signal> signals() {
        return signals;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
