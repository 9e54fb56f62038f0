package dev.cyberdevstudio.sandbox.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A remote host the user configured for runs: where to connect, as whom, with which key, and which known_hosts file
 * holds the host keys the studio trusts.
 *
 * <pre>{@code
 * var target = new SshTarget("build box", "build.example.org", 22, "dev",
 *         Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519"), Optional.empty(),
 *         Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
 * }</pre>
 *
 * @param name       what the user calls the target, for lists and messages
 * @param privateKey an OpenSSH, PEM or PuTTY private key file
 * @param passphrase the key's passphrase, when it has one; never shown by {@link #toString()}
 * @param knownHosts an OpenSSH known_hosts file; it need not exist yet (accepted keys create it)
 */
public record SshTarget(String name, String host, int port, String user, Path privateKey, Optional<String> passphrase,
                        Path knownHosts) {

    public static final int DEFAULT_PORT = 22;

    public SshTarget {
        Objects.requireNonNull(name, "name");
        requireText(host, "host");
        requireText(user, "user");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(knownHosts, "knownHosts");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, not " + port);
        }
    }

    /** {@code user@host}, or {@code user@host:port} when the port is not 22: how messages name the target. */
    public String address() {
        return user + "@" + hostAndPort();
    }

    /** {@code host:port}, always with the port, for messages about reaching the host. */
    public String hostAndPort() {
        return host + ":" + port;
    }

    // A record's generated toString would print the passphrase into logs.
    @Override
    public String toString() {
        return "SshTarget[" + name + ", " + address() + ", key " + privateKey
                + (passphrase.isPresent() ? " (with passphrase)" : "") + ", known hosts " + knownHosts + "]";
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
