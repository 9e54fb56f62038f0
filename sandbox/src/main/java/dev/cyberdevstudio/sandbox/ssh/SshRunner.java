package dev.cyberdevstudio.sandbox.ssh;

import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileMode;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on, and copies files to and from, hosts the user configured, over SSH with the host key always
 * checked against the target's known_hosts file.
 *
 * <pre>{@code
 * var runner = new SshRunner();
 * RunHandle run = runner.exec(target, "make test", chunk -> show(chunk), dialog::askAboutHostKey);
 * run.result().thenAccept(result -> show(result.outcome().describe()));   // "exited with code 0"
 * runner.upload(target, Path.of("build/app.jar"), "app.jar", dialog::askAboutHostKey);
 * }</pre>
 *
 * A host that is down, a key the host refuses, a changed host key: {@link #exec} ends with
 * {@link dev.cyberdevstudio.sandbox.run.RunOutcome.Failed} saying so, and {@link #upload}/{@link #download} throw a
 * {@link SandboxException} with the same message. No sshj type crosses this class's methods. Each call opens its own
 * connection; transfers block the calling thread, so call them off the UI thread.
 */
public final class SshRunner {

    /** How long connecting, the handshake and login may take, each. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(SshRunner.class);

    private final SshConnector connector;

    public SshRunner() {
        this(DEFAULT_TIMEOUT);
    }

    /** @param timeout the limit for connecting, for each step of the handshake and login, and for each reply */
    public SshRunner(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        this.connector = new SshConnector(timeout);
    }

    /**
     * Starts {@code command} on the target, as its login shell runs it, and returns at once. Standard output and
     * standard error reach {@code listener} as they arrive; the result is the command's exit status, or
     * {@code Killed}, or {@code Failed} with the reason the command could not run.
     */
    public RunHandle exec(SshTarget target, String command, OutputListener listener, HostKeyPrompt prompt) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(prompt, "prompt");
        var run = new RemoteRun(connector, target, command, listener, prompt);
        run.start();
        return run;
    }

    /**
     * Copies a local file to {@code remotePath} (relative paths start in the remote home folder), replacing a file
     * that is there.
     *
     * @throws SandboxException when the local file is missing or a folder, the host cannot be reached or refuses the
     *                          login, or the remote side refuses the write
     */
    public void upload(SshTarget target, Path localFile, String remotePath, HostKeyPrompt prompt) {
        Objects.requireNonNull(remotePath, "remotePath");
        if (!Files.isRegularFile(localFile)) {
            throw new SandboxException("cannot upload " + localFile + ": "
                    + (Files.isDirectory(localFile) ? "it is a folder, not a file" : "no such file"));
        }
        transfer(target, prompt, "upload " + localFile + " to " + target.address() + ":" + remotePath,
                sftp -> sftp.put(localFile.toString(), remotePath));
    }

    /**
     * Copies {@code remotePath} to a local file, replacing it. The local file appears only once the whole content has
     * arrived (written beside it, then moved over it).
     *
     * @throws SandboxException when the remote file is missing or a folder, the host cannot be reached or refuses
     *                          the login, or the local folder cannot be written
     */
    public void download(SshTarget target, String remotePath, Path localFile, HostKeyPrompt prompt) {
        Objects.requireNonNull(remotePath, "remotePath");
        var folder = localFile.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new SandboxException("cannot download to " + localFile + ": the folder " + folder
                    + " does not exist");
        }
        var action = "download " + target.address() + ":" + remotePath + " to " + localFile;
        transfer(target, prompt, action, sftp -> {
            if (sftp.stat(remotePath).getType() != FileMode.Type.REGULAR) {
                throw new SandboxException("cannot " + action + ": the remote path is not a regular file");
            }
            var partial = folder.resolve("." + localFile.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                sftp.get(remotePath, partial.toString());
                Files.move(partial, localFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        });
    }

    @FunctionalInterface
    private interface SftpWork {
        void run(SFTPClient sftp) throws IOException;
    }

    private void transfer(SshTarget target, HostKeyPrompt prompt, String action, SftpWork work) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(prompt, "prompt");
        SSHClient client = connector.open(target, prompt, new Cancellation());
        try (var sftp = client.newSFTPClient()) {
            work.run(sftp);
            LOG.info("Did {}", action);
        } catch (SFTPException refused) {
            throw new SandboxException("cannot " + action + ": " + sftpReason(refused), refused);
        } catch (IOException | RuntimeException failed) {
            if (failed instanceof SandboxException ours) {
                throw ours;
            }
            throw new SandboxException("cannot " + action + ": " + SshConnector.reason(failed), failed);
        } finally {
            SshConnector.close(client);
        }
    }

    private static String sftpReason(SFTPException refused) {
        return switch (refused.getStatusCode()) {
            case NO_SUCH_FILE, NO_SUCH_PATH -> "no such file or folder on the host";
            case PERMISSION_DENIED -> "permission denied on the host";
            case FAILURE -> "the host refused (" + SshConnector.reason(refused) + ")";
            case null, default -> SshConnector.reason(refused);
        };
    }
}
