package dev.cyberdevstudio.sandbox.ssh;

import dev.cyberdevstudio.sandbox.SandboxException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.LoggerFactory;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts.KnownHostEntry;
import org.slf4j.Logger;

/**
 * Checks host keys against one OpenSSH known_hosts file and never lets an unlisted or changed key through on its
 * own: an unknown key is recorded so that {@link SshConnector} can ask the user outside the handshake, a changed or
 * revoked key is refused with a message naming the file, the line and both fingerprints.
 *
 * <p>sshj's {@link OpenSSHKnownHosts} parses the lines and matches host patterns (plain, wildcard, hashed); this class
 * reads the file line by line itself so that it can name the line of a mismatching entry. It is stricter than
 * OpenSSH in one way: once a host is listed with any key, a key of another type is treated as changed too, because
 * sshj is told the listed types first and only a server that no longer offers them would present another.
 * {@code @cert-authority} lines are ignored (host certificates are not supported).
 */
final class KnownHostsVerifier implements HostKeyVerifier {

    private static final Logger LOG = org.slf4j.LoggerFactory.getLogger(KnownHostsVerifier.class);
    private static final Object FILE_LOCK = new Object();
    private static final String REVOKED = "@revoked";

    /** Why the last key was refused. */
    sealed interface Rejection {
        /** Not listed at all: the user may be asked. */
        record Unknown(String host, int port, PublicKey key) implements Rejection {
        }

        /** Listed with another key, or revoked: never asked, always refused. */
        record Refused(String message) implements Rejection {
        }
    }

    private record Line(int number, KnownHostEntry entry, boolean revoked, String keyType, String fingerprint) {
    }

    private final Path file;
    private final OpenSSHKnownHosts.EntryFactory parser;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private volatile Optional<PublicKey> acceptedOnce = Optional.empty();
    private volatile Optional<Rejection> rejection = Optional.empty();

    private KnownHostsVerifier(Path file, LoggerFactory sshjLogs) throws IOException {
        this.file = file;
        this.parser = new OpenSSHKnownHosts(new StringReader(""), sshjLogs).new EntryFactory();
    }

    /** Reads the file; a file that does not exist yet is an empty list. */
    static KnownHostsVerifier load(Path file, LoggerFactory sshjLogs) {
        try {
            var verifier = new KnownHostsVerifier(file, sshjLogs);
            if (Files.exists(file)) {
                var text = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < text.size(); i++) {
                    verifier.parse(i + 1, text.get(i)).ifPresent(verifier.lines::add);
                }
            }
            return verifier;
        } catch (IOException unreadable) {
            throw new SandboxException("cannot read the known hosts file " + file + ": " + unreadable.getMessage(),
                    unreadable);
        }
    }

    private Optional<Line> parse(int number, String text) {
        var trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("@cert-authority")) {
            return Optional.empty();
        }
        var revoked = trimmed.startsWith(REVOKED);
        // Parsed without the marker so that the entry's verify() compares keys; the flag keeps the meaning.
        var unmarked = revoked ? trimmed.substring(REVOKED.length()).trim() : trimmed;
        var fields = unmarked.split("\\s+");
        try {
            var entry = parser.parseEntry(unmarked);
            if (entry == null || entry.getType() == KeyType.UNKNOWN || fields.length < 3) {
                LOG.debug("Ignoring line {} of {}: not a host key", number, file);
                return Optional.empty();
            }
            var fingerprint = fingerprint(Base64.getDecoder().decode(fields[2]));
            return Optional.of(new Line(number, entry, revoked, fields[1], fingerprint));
        } catch (IOException | RuntimeException bad) {
            LOG.debug("Ignoring line {} of {}: {}", number, file, bad.toString());
            return Optional.empty();
        }
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        var host = knownHostsName(hostname, port);
        var applicable = new ArrayList<Line>();
        for (var line : lines) {
            if (appliesTo(line, host)) {
                applicable.add(line);
            }
        }
        for (var line : applicable) {
            if (line.revoked() && matches(line, key)) {
                return refuse(new Rejection.Refused("the host key of " + hostname + ":" + port + " ("
                        + fingerprint(key) + ") is marked @revoked on line " + line.number() + " of " + file));
            }
        }
        var listed = applicable.stream().filter(line -> !line.revoked()).toList();
        if (listed.stream().anyMatch(line -> matches(line, key))) {
            return accept();
        }
        if (!listed.isEmpty()) {
            var known = listed.stream().filter(line -> line.entry().getType() == KeyType.fromKey(key)).findFirst()
                .orElse(listed.getFirst());
            return refuse(new Rejection.Refused("the host key of " + hostname + ":" + port + " has CHANGED: line "
                    + known.number() + " of " + file + " lists the " + known.keyType() + " key "
                    + known.fingerprint() + ", the host now offers the " + keyType(key) + " key " + fingerprint(key)
                    + ". Someone may be intercepting the connection. If you know the host was reinstalled, remove line "
                    + known.number() + " from " + file + " and connect again."));
        }
        if (acceptedOnce.filter(accepted -> sameKey(accepted, key)).isPresent()) {
            return accept();
        }
        return refuse(new Rejection.Unknown(hostname, port, key));
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        var host = knownHostsName(hostname, port);
        return lines.stream().filter(line -> !line.revoked() && appliesTo(line, host))
            .map(line -> line.entry().getType().toString()).distinct().toList();
    }

    /** Why the last {@link #verify} refused, if it did. */
    Optional<Rejection> rejection() {
        return rejection;
    }

    /** Trusts {@code key} for the connections this verifier checks, without writing it anywhere. */
    void acceptOnce(PublicKey key) {
        acceptedOnce = Optional.of(key);
    }

    /** Appends {@code key} for the host to the file (creating it and its folder) and trusts it from now on. */
    void remember(String hostname, int port, PublicKey key) {
        var host = knownHostsName(hostname, port);
        try {
            var entry = new OpenSSHKnownHosts.HostEntry(null, host, KeyType.fromKey(key), key);
            synchronized (FILE_LOCK) {
                var folder = file.toAbsolutePath().getParent();
                if (folder != null) {
                    Files.createDirectories(folder);
                }
                var separator = endsWithoutNewline() ? System.lineSeparator() : "";
                Files.writeString(file, separator + entry.getLine() + System.lineSeparator(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                var number = Files.readAllLines(file, StandardCharsets.UTF_8).size();
                parse(number, entry.getLine()).ifPresent(lines::add);
            }
            LOG.info("Added the {} host key {} of {} to {}", keyType(key), fingerprint(key), host, file);
        } catch (IOException failed) {
            throw new SandboxException("cannot add the host key of " + hostname + ":" + port + " to " + file + ": "
                    + failed.getMessage(), failed);
        }
    }

    private boolean endsWithoutNewline() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (var channel = Files.newByteChannel(file)) {
            var last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) != '\n';
        }
    }

    private boolean accept() {
        rejection = Optional.empty();
        return true;
    }

    private boolean refuse(Rejection why) {
        rejection = Optional.of(why);
        return false;
    }

    private static boolean appliesTo(Line line, String host) {
        try {
            return line.entry().appliesTo(host);
        } catch (IOException unmatchable) {
            return false;
        }
    }

    private static boolean matches(Line line, PublicKey key) {
        try {
            return line.entry().verify(key);
        } catch (IOException unverifiable) {
            return false;
        }
    }

    // The way OpenSSH writes a host in known_hosts: bare for port 22, "[host]:port" otherwise.
    static String knownHostsName(String hostname, int port) {
        var lower = hostname.toLowerCase(Locale.ROOT);
        return port == SshTarget.DEFAULT_PORT ? lower : "[" + lower + "]:" + port;
    }

    static String keyType(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }

    /** The OpenSSH SHA-256 fingerprint, as {@code ssh-keygen -l} prints it. */
    static String fingerprint(PublicKey key) {
        return fingerprint(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    private static String fingerprint(byte[] keyBlob) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private static boolean sameKey(PublicKey a, PublicKey b) {
        return MessageDigest.isEqual(new Buffer.PlainBuffer().putPublicKey(a).getCompactData(),
                new Buffer.PlainBuffer().putPublicKey(b).getCompactData());
    }
}
