package dev.cyberdevstudio.sandbox.ssh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server, started by a test on 127.0.0.1 with its own configuration, host key and authorized keys
 * in a temporary folder. It logs in {@link #loginUser()}: the user the tests run as (as root, with
 * {@code PermitRootLogin prohibit-password}) or the account named by {@code CYBERDEVSTUDIO_SSH_TEST_USER}. The
 * authorized_keys file lives in a world-readable temporary folder ({@code StrictModes no}), so that account needs
 * nothing set up but a home folder, a POSIX login shell and a password field that is not locked ({@code *}, not
 * {@code !}: with {@code UsePAM no} sshd refuses locked accounts).
 * Tests that need the server are skipped, with the reason, where /usr/sbin/sshd is missing.
 */
final class OpenSshServer implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final Path PRIVILEGE_SEPARATION_FOLDER = Path.of("/run/sshd");

    private final Process process;
    private final int port;
    private final Path folder;
    private final Path readable;

    private OpenSshServer(Process process, int port, Path folder, Path readable) {
        this.process = process;
        this.port = port;
        this.folder = folder;
        this.readable = readable;
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(SSHD), "needs " + SSHD + " (apt-get install openssh-server)");
        assumeTrue(Files.isExecutable(SSH_KEYGEN), "needs " + SSH_KEYGEN + " (apt-get install openssh-client)");
        try {
            Files.createDirectories(PRIVILEGE_SEPARATION_FOLDER);
        } catch (IOException denied) {
            assumeTrue(false, "sshd needs the folder " + PRIVILEGE_SEPARATION_FOLDER + ": " + denied);
        }
    }

    /** Makes an unencrypted (or passphrase-protected) ed25519 key with ssh-keygen. */
    static Path keygen(Path file, String passphrase) throws IOException, InterruptedException {
        run(List.of(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", passphrase, "-C", "test", "-f",
                file.toString()));
        return file;
    }

    /**
     * The account the tests log in as: {@code CYBERDEVSTUDIO_SSH_TEST_USER} when set (an unprivileged account, so
     * that OpenSSH delivers signals to its sessions), else the user running the tests.
     */
    static String loginUser() {
        var configured = System.getenv("CYBERDEVSTUDIO_SSH_TEST_USER");
        return configured == null || configured.isBlank() ? System.getProperty("user.name") : configured.strip();
    }

    static OpenSshServer start(Path folder, String authorizedKeys) throws IOException, InterruptedException {
        assumeInstalled();
        var hostKey = keygen(folder.resolve("host_ed25519"), "");
        // sshd reads authorized_keys as the account logging in, which may not be the owner of the test folder.
        var readable = Files.createTempDirectory("cyberdevstudio-sshd-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        var authorized = Files.writeString(readable.resolve("authorized_keys"), authorizedKeys);
        Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-r--r--"));
        var port = freePort();
        var user = loginUser();
        var config = Files.writeString(folder.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorized,
                "PidFile " + folder.resolve("sshd.pid"),
                "StrictModes no",
                "UsePAM no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "AllowUsers " + user,
                "Subsystem sftp internal-sftp",
                "LogLevel VERBOSE",
                ""));
        var log = folder.resolve("sshd.log");
        var process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var server = new OpenSshServer(process, port, folder, readable);
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!listening(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("sshd did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return server;
    }

    int port() {
        return port;
    }

    /** The host key's public line ({@code ssh-ed25519 AAAA... comment}), for known_hosts. */
    String hostKeyLine() throws IOException {
        return Files.readString(folder.resolve("host_ed25519.pub"), StandardCharsets.UTF_8).trim();
    }

    String log() throws IOException {
        return Files.readString(folder.resolve("sshd.log"));
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(readable.resolve("authorized_keys"));
        Files.deleteIfExists(readable);
    }

    private static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
