package dev.cyberdevstudio.sandbox.ssh;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server, started by a test on 127.0.0.1 with its own configuration, host key and authorized keys
 * in a temporary folder, logging in the user the tests run as (root here: then {@code PermitRootLogin
 * prohibit-password}). Tests that need it are skipped, with the reason, where /usr/sbin/sshd is missing.
 */
final class OpenSshServer implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final Path PRIVILEGE_SEPARATION_FOLDER = Path.of("/run/sshd");

    private final Process process;
    private final int port;
    private final Path folder;

    private OpenSshServer(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
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

    static OpenSshServer start(Path folder, String authorizedKeys) throws IOException, InterruptedException {
        assumeInstalled();
        var hostKey = keygen(folder.resolve("host_ed25519"), "");
        var authorized = Files.writeString(folder.resolve("authorized_keys"), authorizedKeys);
        var port = freePort();
        var user = System.getProperty("user.name");
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
        var server = new OpenSshServer(process, port, folder);
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
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
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
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
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
