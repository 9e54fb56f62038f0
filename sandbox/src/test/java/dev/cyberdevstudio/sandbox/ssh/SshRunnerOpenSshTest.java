package dev.cyberdevstudio.sandbox.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SshRunner} against Debian's OpenSSH server, started by the test on 127.0.0.1 with its own configuration
 * (see {@link OpenSshServer}); it logs in the user the tests run as, or {@code CYBERDEVSTUDIO_SSH_TEST_USER}. Skipped
 * where /usr/sbin/sshd is missing.
 */
class SshRunnerOpenSshTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path shared;

    private static OpenSshServer server;
    private static Path plainKey;
    private static Path lockedKey;

    @TempDir
    Path folder;

    private final SshRunner runner = new SshRunner(Duration.ofSeconds(10));
    private final List<HostKeyPrompt.UnknownHostKey> asked = new CopyOnWriteArrayList<>();
    private Path knownHosts;

    @BeforeAll
    static void startServer() throws Exception {
        OpenSshServer.assumeInstalled();
        plainKey = OpenSshServer.keygen(shared.resolve("id_ed25519"), "");
        lockedKey = OpenSshServer.keygen(shared.resolve("id_locked"), "correct horse");
        var authorized = Files.readString(shared.resolve("id_ed25519.pub")) + Files.readString(
                shared.resolve("id_locked.pub"));
        server = OpenSshServer.start(Files.createDirectories(shared.resolve("sshd")), authorized);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void trustServer() throws Exception {
        knownHosts = Files.writeString(folder.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + server.hostKeyLine() + "\n");
    }

    private SshTarget target(Path key, Optional<String> passphrase) {
        return new SshTarget("openssh", "127.0.0.1", server.port(), OpenSshServer.loginUser(), key, passphrase,
                knownHosts);
    }

    private HostKeyPrompt answering(Decision decision) {
        return key -> {
            asked.add(key);
            return decision;
        };
    }

    private static RunResult finish(RunHandle run) throws Exception {
        return run.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void runsACommandWithItsExitCodeAndBothStreams() throws Exception {
        var output = new RecordingListener();

        var result = finish(runner.exec(target(plainKey, Optional.empty()), "echo out; echo err >&2; exit 7", output,
                answering(Decision.REJECT)));

        assertThat(result.outcome()).as(server.log()).isEqualTo(new RunOutcome.Exited(7));
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("out\n");
        assertThat(output.text(OutputChannel.STDERR)).isEqualTo("err\n");
    }

    @Test
    void streamsTheFirstLineWhileTheCommandStillRuns() throws Exception {
        var output = new RecordingListener();
        var run = runner.exec(target(plainKey, Optional.empty()), "echo first; sleep 2; echo second", output,
                answering(Decision.REJECT));

        output.awaitText(OutputChannel.STDOUT, "first", WAIT);

        assertThat(run.isRunning()).isTrue();
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("first\n");
        assertThat(finish(run).outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("first\nsecond\n");
    }

    /**
     * OpenSSH passes the kill signal on to the command's process group only in sessions of unprivileged accounts (for
     * root it logs "session signalling requires privilege separation"); as root the run still ends at once, and the
     * remote command is left to run out, so the test ends it itself.
     */
    @Test
    void killEndsTheRunPromptlyAndTheRemoteProcessOfAnUnprivilegedAccount() throws Exception {
        var run = runner.exec(target(plainKey, Optional.empty()), "sleep 103", OutputListener.ignoring(),
                answering(Decision.REJECT));
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (SshRunnerMinaTest.findProcesses("sleep 103").isEmpty()) {
            assertThat(System.nanoTime()).as("sshd started sleep 103: " + server.log()).isLessThan(deadline);
            Thread.sleep(20);
        }

        var killedAt = System.nanoTime();
        run.kill();

        try {
            assertThat(finish(run).outcome()).isEqualTo(new RunOutcome.Killed("stopped by the user"));
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(3));
            if (!OpenSshServer.loginUser().equals("root")) {
                SshRunnerMinaTest.awaitNoProcess("sleep 103");
            }
        } finally {
            SshRunnerMinaTest.findProcesses("sleep 103").forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void commandEndedByASignalSaysWhichSignal() throws Exception {
        var result = finish(runner.exec(target(plainKey, Optional.empty()), "kill -TERM $$", OutputListener.ignoring(),
                answering(Decision.REJECT)));

        assertThat(result.outcome())
            .isEqualTo(new RunOutcome.Failed("the remote command was ended by the signal TERM"));
    }

    @Test
    void passphraseProtectedKeyLogsIn() throws Exception {
        var output = new RecordingListener();

        var result = finish(runner.exec(target(lockedKey, Optional.of("correct horse")), "echo locked", output,
                answering(Decision.REJECT)));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("locked\n");
    }

    @Test
    void unknownHostIsAskedAboutAndRememberedTheWayOpenSshWouldReadIt() throws Exception {
        Files.delete(knownHosts);

        var first = finish(runner.exec(target(plainKey, Optional.empty()), "true", OutputListener.ignoring(),
                answering(Decision.ACCEPT_AND_REMEMBER)));
        var second = finish(runner.exec(target(plainKey, Optional.empty()), "true", OutputListener.ignoring(),
                answering(Decision.REJECT)));

        assertThat(first.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(second.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(asked).hasSize(1);
        assertThat(asked.getFirst().keyType()).isEqualTo("ssh-ed25519");
        assertThat(asked.getFirst().fingerprint()).isEqualTo(sshKeygenFingerprint(shared.resolve("sshd")
                .resolve("host_ed25519.pub")));
        var hostKeyFields = server.hostKeyLine().split(" ");
        assertThat(Files.readAllLines(knownHosts)).containsExactly("[127.0.0.1]:" + server.port() + " "
                + hostKeyFields[0] + " " + hostKeyFields[1]);
    }

    @Test
    void changedHostKeyIsRefused() throws Exception {
        var other = OpenSshServer.keygen(folder.resolve("other_host"), "");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + Files.readString(
                folder.resolve("other_host.pub")));

        var result = finish(runner.exec(target(plainKey, Optional.empty()), "true", OutputListener.ignoring(),
                answering(Decision.ACCEPT_AND_REMEMBER)));

        assertThat(result.outcome().describe()).contains("has CHANGED", "line 1 of " + knownHosts,
                sshKeygenFingerprint(folder.resolve("other_host.pub")),
                sshKeygenFingerprint(shared.resolve("sshd").resolve("host_ed25519.pub")));
        assertThat(asked).isEmpty();
        assertThat(other).exists();
    }

    @Test
    void keyNotInAuthorizedKeysIsRefused() throws Exception {
        var stranger = OpenSshServer.keygen(folder.resolve("id_stranger"), "");

        var result = finish(runner.exec(target(stranger, Optional.empty()), "true", OutputListener.ignoring(),
                answering(Decision.REJECT)));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Failed(OpenSshServer.loginUser()
                + "@127.0.0.1:" + server.port() + " refused the key " + stranger));
    }

    @Test
    void uploadAndDownloadRoundTripTheExactBytes() throws Exception {
        var bytes = new byte[1_000_000];
        new Random(7).nextBytes(bytes);
        var local = Files.write(folder.resolve("payload.bin"), bytes);
        var back = folder.resolve("back.bin");
        // Relative: in the login's home folder, which an unprivileged test account can write.
        var remote = "cyberdevstudio-ssh-test-" + ProcessHandle.current().pid() + ".bin";
        var target = target(plainKey, Optional.empty());

        try {
            runner.upload(target, local, remote, answering(Decision.REJECT));
            runner.download(target, remote, back, answering(Decision.REJECT));
            var remoteDigest = new RecordingListener();
            finish(runner.exec(target, "sha256sum " + remote, remoteDigest, answering(Decision.REJECT)));

            assertThat(back).hasBinaryContent(bytes);
            assertThat(remoteDigest.text(OutputChannel.STDOUT)).startsWith(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes)) + " ");
        } finally {
            finish(runner.exec(target, "rm -f " + remote, OutputListener.ignoring(), answering(Decision.REJECT)));
        }
    }

    private static String sshKeygenFingerprint(Path publicKey) throws Exception {
        var process = new ProcessBuilder(OpenSshServer.SSH_KEYGEN.toString(), "-l", "-E", "sha256", "-f",
                publicKey.toString()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as(output).isZero();
        return output.split(" ")[1];
    }
}
