package dev.cyberdevstudio.sandbox.ssh;

import com.hierynomus.sshj.common.KeyDecryptionFailedException;
import dev.cyberdevstudio.sandbox.SandboxException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an authenticated sshj connection to a target, or throws a {@link SandboxException} whose message says what
 * went wrong in the user's terms (host down, key refused, host key changed).
 *
 * <p>An unknown host key is handled in two steps: the first handshake is refused and remembers the key, the user is
 * asked with no handshake or timeout running, and a second handshake accepts exactly the key the user saw. That
 * keeps a slow answer from timing out the key exchange and keeps sshj's reader thread out of the UI's hands.
 */
final class SshConnector {

    private static final Logger LOG = LoggerFactory.getLogger(SshConnector.class);

    private final Config config;
    private final Duration timeout;

    SshConnector(Duration timeout) {
        this.timeout = timeout;
        var defaults = new DefaultConfig();
        defaults.setLoggerFactory(SshjLogs.DEBUG_ONLY);
        this.config = defaults;
    }

    Duration timeout() {
        return timeout;
    }

    /** Connects and logs in; {@code cancel} can end the attempt at any point, closing what it opened. */
    SSHClient open(SshTarget target, HostKeyPrompt prompt, Cancellation cancel) {
        var key = loadKey(target);
        var verifier = KnownHostsVerifier.load(target.knownHosts(), SshjLogs.DEBUG_ONLY);
        try {
            return attempt(target, verifier, key, cancel);
        } catch (UnknownKey unknown) {
            if (cancel.isCancelled()) {
                throw new SandboxException("connecting to " + target.hostAndPort() + " was cancelled");
            }
            var hostKey = unknown.key;
            var question = new HostKeyPrompt.UnknownHostKey(target.host(), target.port(),
                    KnownHostsVerifier.keyType(hostKey), KnownHostsVerifier.fingerprint(hostKey));
            var decision = prompt.ask(question);
            LOG.info("Host key {} of {}: {}", question.fingerprint(), target.hostAndPort(), decision);
            switch (decision == null ? HostKeyPrompt.Decision.REJECT : decision) {
                case REJECT -> throw new SandboxException("the host key of " + target.hostAndPort() + " ("
                        + question.fingerprint() + ") was not trusted, so the studio did not connect");
                case ACCEPT_ONCE -> verifier.acceptOnce(hostKey);
                case ACCEPT_AND_REMEMBER -> verifier.remember(target.host(), target.port(), hostKey);
            }
            try {
                return attempt(target, verifier, key, cancel);
            } catch (UnknownKey changedMeanwhile) {
                throw new SandboxException("the host key of " + target.hostAndPort() + " changed between two "
                        + "connections: first " + question.fingerprint() + ", then "
                        + KnownHostsVerifier.fingerprint(changedMeanwhile.key)
                        + ". Someone may be intercepting the connection; the studio did not connect.");
            }
        }
    }

    private SSHClient attempt(SshTarget target, KnownHostsVerifier verifier, KeyProvider key,
                              Cancellation cancel) throws UnknownKey {
        var client = new SSHClient(config);
        client.setSocketFactory(cancel.sockets());
        cancel.register(client);
        var millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        client.setConnectTimeout(millis);
        // A read timeout for the handshake only: a host that accepts the connection but never speaks SSH must not
        // hang the run. It is lifted after login, when a quiet command may rightly say nothing for hours.
        client.setTimeout(millis);
        client.getTransport().setTimeoutMs(millis);
        client.addHostKeyVerifier(verifier);
        try {
            client.connect(target.host(), target.port());
        } catch (IOException | RuntimeException failed) {
            close(client);
            switch (verifier.rejection().orElse(null)) {
                case KnownHostsVerifier.Rejection.Unknown unknown -> throw new UnknownKey(unknown.key());
                case KnownHostsVerifier.Rejection.Refused refused -> throw new SandboxException(refused.message());
                case null -> throw new SandboxException(cannotReach(target, failed), failed);
            }
        }
        try {
            client.authPublickey(target.user(), key);
            client.getSocket().setSoTimeout(0);
            return client;
        } catch (UserAuthException refused) {
            close(client);
            throw new SandboxException(target.address() + " refused the key " + shown(target.privateKey()), refused);
        } catch (IOException | RuntimeException failed) {
            close(client);
            throw new SandboxException("logging in to " + target.address() + " failed: " + reason(failed), failed);
        }
    }

    /** Loads and decrypts the key before any connection, so that a wrong passphrase is not reported as a refusal. */
    private KeyProvider loadKey(SshTarget target) {
        var file = target.privateKey();
        if (!Files.isRegularFile(file)) {
            throw new SandboxException("cannot read the private key " + shown(file) + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new SandboxException("cannot read the private key " + shown(file) + ": permission denied");
        }
        var askedForPassphrase = new boolean[1];
        var passwords = new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                askedForPassphrase[0] = true;
                return target.passphrase().map(String::toCharArray).orElse(null);
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
        try (var loader = new SSHClient(config)) {
            var provider = loader.loadKeys(file.toString(), passwords);
            provider.getPrivate();
            return provider;
        } catch (IOException | RuntimeException failed) {
            if (askedForPassphrase[0] || failed instanceof KeyDecryptionFailedException) {
                var message = target.passphrase().isEmpty()
                        ? "the private key " + shown(file) + " is protected by a passphrase; enter it in the target"
                        : "the passphrase for the private key " + shown(file) + " is wrong";
                throw new SandboxException(message, failed);
            }
            throw new SandboxException("cannot use the private key " + shown(file) + ": " + reason(failed), failed);
        }
    }

    private String cannotReach(SshTarget target, Throwable failure) {
        var prefix = "cannot reach " + target.hostAndPort() + ": ";
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case ConnectException _ -> {
                    return prefix + "connection refused";
                }
                case NoRouteToHostException _ -> {
                    return prefix + "no route to host";
                }
                case UnknownHostException _ -> {
                    return prefix + "unknown host name";
                }
                case SocketTimeoutException _ -> {
                    return prefix + "no answer within " + timeout.toSeconds() + " s";
                }
                default -> {
                }
            }
        }
        return "cannot open an SSH connection to " + target.hostAndPort() + ": " + reason(failure);
    }

    static String reason(Throwable failure) {
        var message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** A path as the user would type it: {@code ~/.ssh/id_ed25519} for a key in the home folder. */
    static String shown(Path file) {
        var home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        var absolute = file.toAbsolutePath();
        return absolute.startsWith(home) && !absolute.equals(home) ? "~/" + home.relativize(absolute) : file.toString();
    }

    static void close(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            LOG.debug("Closing the SSH connection failed: {}", ignored.toString());
        }
    }

    /** Internal signal from the first handshake; never leaves this class. */
    private static final class UnknownKey extends Exception {

        private final transient PublicKey key;

        UnknownKey(PublicKey key) {
            super(null, null, false, false);
            this.key = key;
        }
    }
}
