package dev.cyberdevstudio.sandbox.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt.Decision;
import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt.UnknownHostKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.Signal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@link SshRunner} against an in-process Apache MINA SSHD that runs commands for real with /bin/sh. */
class SshRunnerMinaTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path shared;

    private static KeyPair hostKey;
    private static KeyPair userKey;
    private static Path sftpRoot;
    private static MinaServer server;

    @TempDir
    Path folder;

    private final SshRunner runner = new SshRunner(Duration.ofSeconds(10));
    private final List<UnknownHostKey> asked = new CopyOnWriteArrayList<>();
    private Path knownHosts;

    @BeforeAll
    static void startServer() throws IOException {
        hostKey = TestKeys.generate();
        userKey = TestKeys.generate();
        sftpRoot = Files.createDirectories(shared.resolve("sftp"));
        server = MinaServer.start(hostKey, userKey.getPublic(), sftpRoot);
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @BeforeEach
    void trustServer() throws IOException {
        knownHosts = folder.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + TestKeys.openSshLine(server.hostKey())
                + "\n");
    }

    private SshTarget target() throws IOException {
        var key = TestKeys.writePrivateKey(userKey, folder.resolve("id_ecdsa"), Optional.empty());
        return target(key, Optional.empty());
    }

    private SshTarget target(Path key, Optional<String> passphrase) {
        return new SshTarget("mina", "127.0.0.1", server.port(), "tester", key, passphrase, knownHosts);
    }

    private HostKeyPrompt answering(Decision decision) {
        return key -> {
            asked.add(key);
            return decision;
        };
    }

    private static RunResult finish(dev.cyberdevstudio.sandbox.run.RunHandle run) throws Exception {
        return run.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void returnsTheExitCodeAndKeepsStandardOutputApartFromStandardError() throws Exception {
        var output = new RecordingListener();
        var run = runner.exec(target(), "echo out; echo err >&2; exit 3", output, answering(Decision.REJECT));

        var result = finish(run);

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(3));
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("out\n");
        assertThat(output.text(OutputChannel.STDERR)).isEqualTo("err\n");
        assertThat(run.isolation()).isEqualTo(Isolation.remote("runs as tester@127.0.0.1:" + server.port()
                + " over SSH"));
        assertThat(run.description())
            .isEqualTo("tester@127.0.0.1:" + server.port() + ": echo out; echo err >&2; exit 3");
        assertThat(asked).as("a host in known_hosts is not asked about").isEmpty();
    }

    @Test
    void streamsOutputBeforeTheCommandEnds() throws Exception {
        var output = new RecordingListener();
        var run = runner.exec(target(), "echo first; sleep 30; echo never", output, answering(Decision.REJECT));

        output.awaitText(OutputChannel.STDOUT, "first", WAIT);

        assertThat(run.isRunning()).isTrue();
        run.kill();
        assertThat(finish(run).outcome()).isEqualTo(new RunOutcome.Killed("stopped by the user"));
        assertThat(output.text(OutputChannel.STDOUT)).doesNotContain("never");
    }

    @Test
    void killStopsALongCommandAndItsProcessPromptly() throws Exception {
        var run = runner.exec(target(), "sleep 101", OutputListener.ignoring(), answering(Decision.REJECT));
        awaitProcess("sleep 101");

        var killedAt = System.nanoTime();
        run.kill();
        var result = finish(run);

        assertThat(result.outcome()).isInstanceOf(RunOutcome.Killed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(3));
        awaitNoProcess("sleep 101");
        assertThat(server.signals()).contains(Signal.KILL);
        run.kill();
        assertThat(run.isRunning()).isFalse();
    }

    @Test
    void asksAboutAnUnknownHostKeyAndConnectsNothingWhenTheUserRejectsIt() throws Exception {
        Files.delete(knownHosts);

        var result = finish(runner.exec(target(), "echo hi", OutputListener.ignoring(), answering(Decision.REJECT)));

        assertThat(asked).containsExactly(new UnknownHostKey("127.0.0.1", server.port(), "ecdsa-sha2-nistp256",
                TestKeys.fingerprint(server.hostKey())));
        assertThat(asked.getFirst().describe()).contains("127.0.0.1:" + server.port(), asked.getFirst().fingerprint());
        assertThat(result.outcome()).isInstanceOf(RunOutcome.Failed.class);
        assertThat(result.outcome().describe()).isEqualTo("the host key of 127.0.0.1:" + server.port() + " ("
                + TestKeys.fingerprint(server.hostKey()) + ") was not trusted, so the studio did not connect");
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void rememberedHostKeyIsWrittenToKnownHostsAndNotAskedAboutAgain() throws Exception {
        Files.delete(knownHosts);
        var output = new RecordingListener();

        var first = finish(runner.exec(target(), "echo one", output, answering(Decision.ACCEPT_AND_REMEMBER)));
        var second = finish(runner.exec(target(), "echo two", output, answering(Decision.REJECT)));

        assertThat(first.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(second.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(asked).hasSize(1);
        assertThat(Files.readAllLines(knownHosts))
            .containsExactly("[127.0.0.1]:" + server.port() + " " + TestKeys.openSshLine(server.hostKey()));
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("one\ntwo\n");
    }

    @Test
    void hostKeyAcceptedOnceIsNotWrittenAndIsAskedAboutNextTime() throws Exception {
        Files.writeString(knownHosts, "# no hosts yet\n");

        var first = finish(runner.exec(target(), "true", OutputListener.ignoring(), answering(Decision.ACCEPT_ONCE)));
        var second = finish(runner.exec(target(), "true", OutputListener.ignoring(), answering(Decision.REJECT)));

        assertThat(first.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(second.outcome()).isInstanceOf(RunOutcome.Failed.class);
        assertThat(asked).hasSize(2);
        assertThat(Files.readString(knownHosts)).isEqualTo("# no hosts yet\n");
    }

    @Test
    void changedHostKeyIsRefusedEvenWhenThePromptWouldAcceptIt() throws Exception {
        var impostor = TestKeys.generate();
        var listed = "# the build box\n[127.0.0.1]:" + server.port() + " " + TestKeys.openSshLine(impostor.getPublic())
                + "\n";
        Files.writeString(knownHosts, listed);
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var sshjLogs = new ListAppender<ILoggingEvent>();
        sshjLogs.start();
        root.addAppender(sshjLogs);

        RunResult result;
        try {
            result = finish(runner.exec(target(), "echo hi", OutputListener.ignoring(),
                    answering(Decision.ACCEPT_AND_REMEMBER)));
        } finally {
            root.detachAppender(sshjLogs);
        }

        assertThat(result.outcome()).isInstanceOf(RunOutcome.Failed.class);
        assertThat(result.outcome().describe()).contains("the host key of 127.0.0.1:" + server.port()
                        + " has CHANGED", "line 2 of " + knownHosts, TestKeys.fingerprint(impostor.getPublic()),
                TestKeys.fingerprint(server.hostKey()));
        assertThat(asked).isEmpty();
        assertThat(Files.readString(knownHosts)).isEqualTo(listed);
        // The test's own MINA server shares this JVM's log and may warn of the pipe the refusing client broke.
        assertThat(sshjLogs.list).as("sshj's stack trace about the refused key stays out of the log")
            .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN)
                    && !event.getLoggerName().startsWith("dev.cyberdevstudio")
                    && !event.getLoggerName().startsWith("org.apache.sshd"));
    }

    @Test
    void hostKeyThatChangesRightAfterTheUserAcceptedItIsRefused() throws Exception {
        var first = TestKeys.generate();
        var second = TestKeys.generate();
        try (var shifty = MinaServer.start(List.of(first, second), userKey.getPublic(), sftpRoot)) {
            Files.delete(knownHosts);
            var target = new SshTarget("shifty", "127.0.0.1", shifty.port(), "tester", target().privateKey(),
                    Optional.empty(), knownHosts);

            var once = finish(runner.exec(target, "true", OutputListener.ignoring(), answering(Decision.ACCEPT_ONCE)));
            var remembered = finish(runner.exec(target, "true", OutputListener.ignoring(),
                    answering(Decision.ACCEPT_AND_REMEMBER)));

            assertThat(once.outcome().describe()).isEqualTo("the host key of 127.0.0.1:" + shifty.port()
                    + " changed between two connections: first " + TestKeys.fingerprint(first.getPublic())
                    + ", then " + TestKeys.fingerprint(second.getPublic())
                    + ". Someone may be intercepting the connection; the studio did not connect.");
            assertThat(remembered.outcome().describe()).contains("has CHANGED", "line 1 of " + knownHosts,
                    TestKeys.fingerprint(first.getPublic()), TestKeys.fingerprint(second.getPublic()));
            assertThat(asked).extracting(UnknownHostKey::fingerprint).containsExactly(
                    TestKeys.fingerprint(first.getPublic()), TestKeys.fingerprint(first.getPublic()));
            assertThat(shifty.logins()).isZero();
        }
    }

    @Test
    void promptThatAnswersNothingCountsAsARejection() throws Exception {
        Files.delete(knownHosts);

        var result = finish(runner.exec(target(), "true", OutputListener.ignoring(), key -> null));

        assertThat(result.outcome().describe()).endsWith("was not trusted, so the studio did not connect");
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void revokedHostKeyIsRefused() throws Exception {
        Files.writeString(knownHosts, "@revoked * " + TestKeys.openSshLine(server.hostKey()) + "\n");

        var result = finish(runner.exec(target(), "true", OutputListener.ignoring(),
                answering(Decision.ACCEPT_AND_REMEMBER)));

        assertThat(result.outcome().describe()).isEqualTo("the host key of 127.0.0.1:" + server.port() + " ("
                + TestKeys.fingerprint(server.hostKey()) + ") is marked @revoked on line 1 of " + knownHosts);
        assertThat(asked).isEmpty();
    }

    @Test
    void hostThatIsDownFailsQuicklyWithAClearMessage() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var down = new SshTarget("down", "127.0.0.1", closedPort, "tester", target().privateKey(), Optional.empty(),
                knownHosts);

        var result = finish(runner.exec(down, "true", OutputListener.ignoring(), answering(Decision.REJECT)));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Failed("cannot reach 127.0.0.1:" + closedPort
                + ": connection refused"));
        assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void hostThatAcceptsButNeverAnswersFailsAfterTheTimeout() throws Exception {
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var mute = new SshTarget("mute", "127.0.0.1", silent.getLocalPort(), "tester", target().privateKey(),
                    Optional.empty(), knownHosts);

            var result = finish(new SshRunner(Duration.ofSeconds(1)).exec(mute, "true", OutputListener.ignoring(),
                    answering(Decision.REJECT)));

            assertThat(result.outcome()).isEqualTo(new RunOutcome.Failed("cannot reach 127.0.0.1:"
                    + silent.getLocalPort() + ": no answer within 1 s"));
            assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void killWhileConnectingEndsTheRunAtOnce() throws Exception {
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var mute = new SshTarget("mute", "127.0.0.1", silent.getLocalPort(), "tester", target().privateKey(),
                    Optional.empty(), knownHosts);
            var run = new SshRunner(Duration.ofSeconds(30)).exec(mute, "true", OutputListener.ignoring(),
                    answering(Decision.REJECT));
            Thread.sleep(300);

            run.kill();

            var result = run.result().get(2, TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(new RunOutcome.Killed("stopped by the user"));
        }
    }

    @Test
    void refusesATimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> new SshRunner(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("the timeout must be positive, not PT0S");
        assertThat(new SshRunner()).isNotNull();
    }

    @Test
    void keyTheHostDoesNotKnowIsRefusedWithAClearMessage() throws Exception {
        var stranger = TestKeys.writePrivateKey(TestKeys.generate(), folder.resolve("id_stranger"), Optional.empty());

        var result = finish(runner.exec(target(stranger, Optional.empty()), "true", OutputListener.ignoring(),
                answering(Decision.REJECT)));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Failed("tester@127.0.0.1:" + server.port()
                + " refused the key " + stranger));
    }

    @Test
    void passphraseProtectedKeyLogsIn() throws Exception {
        var key = TestKeys.writePrivateKey(userKey, folder.resolve("id_locked"), Optional.of("open sesame"));
        var output = new RecordingListener();

        var result = finish(runner.exec(target(key, Optional.of("open sesame")), "echo in", output,
                answering(Decision.REJECT)));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("in\n");
    }

    @Test
    void wrongOrMissingPassphraseIsReportedBeforeConnecting() throws Exception {
        var key = TestKeys.writePrivateKey(userKey, folder.resolve("id_locked"), Optional.of("open sesame"));
        var loginsBefore = server.logins();

        var wrong = finish(runner.exec(target(key, Optional.of("guess")), "true", OutputListener.ignoring(),
                answering(Decision.REJECT)));
        var missing = finish(runner.exec(target(key, Optional.empty()), "true", OutputListener.ignoring(),
                answering(Decision.REJECT)));

        assertThat(wrong.outcome()).isEqualTo(new RunOutcome.Failed("the passphrase for the private key " + key
                + " is wrong"));
        assertThat(missing.outcome()).isEqualTo(new RunOutcome.Failed("the private key " + key
                + " is protected by a passphrase; enter it in the target"));
        assertThat(server.logins()).isEqualTo(loginsBefore);
    }

    @Test
    void missingOrUnusableKeyFileIsReported() throws Exception {
        var missing = folder.resolve("id_missing");
        var garbage = Files.writeString(folder.resolve("id_garbage"), "not a key\n");

        var none = finish(runner.exec(target(missing, Optional.empty()), "true", OutputListener.ignoring(),
                answering(Decision.REJECT)));
        var unusable = finish(runner.exec(target(garbage, Optional.empty()), "true", OutputListener.ignoring(),
                answering(Decision.REJECT)));

        assertThat(none.outcome()).isEqualTo(new RunOutcome.Failed("cannot read the private key " + missing
                + ": no such file"));
        assertThat(unusable.outcome().describe()).startsWith("cannot use the private key " + garbage + ": ");
    }

    @Test
    void uploadAndDownloadRoundTripTheExactBytes() throws Exception {
        var bytes = new byte[300_000];
        new Random(42).nextBytes(bytes);
        var local = Files.write(folder.resolve("payload.bin"), bytes);
        var back = folder.resolve("back.bin");

        runner.upload(target(), local, "payload.bin", answering(Decision.REJECT));
        runner.download(target(), "payload.bin", back, answering(Decision.REJECT));

        assertThat(sftpRoot.resolve("payload.bin")).hasBinaryContent(bytes);
        assertThat(back).hasBinaryContent(bytes);
        try (var leftovers = Files.list(folder)) {
            assertThat(leftovers.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void transfersFailWithClearMessages() throws Exception {
        var target = target();
        var prompt = answering(Decision.REJECT);
        Files.createDirectories(sftpRoot.resolve("a-folder"));

        assertThatThrownBy(() -> runner.upload(target, folder.resolve("absent.txt"), "x", prompt))
            .isInstanceOf(SandboxException.class).hasMessage("cannot upload " + folder.resolve("absent.txt")
                    + ": no such file");
        assertThatThrownBy(() -> runner.upload(target, folder, "x", prompt))
            .isInstanceOf(SandboxException.class).hasMessageEndingWith(": it is a folder, not a file");
        assertThatThrownBy(() -> runner.download(target, "absent.txt", folder.resolve("absent.txt"), prompt))
            .isInstanceOf(SandboxException.class).hasMessage("cannot download tester@127.0.0.1:" + server.port()
                    + ":absent.txt to " + folder.resolve("absent.txt") + ": no such file or folder on the host");
        assertThatThrownBy(() -> runner.download(target, "a-folder", folder.resolve("f"), prompt))
            .isInstanceOf(SandboxException.class).hasMessageEndingWith(": the remote path is not a regular file");
        assertThatThrownBy(() -> runner.download(target, "x", folder.resolve("no/such/folder/x"), prompt))
            .isInstanceOf(SandboxException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> runner.upload(target, Files.writeString(folder.resolve("y"), "y"),
                "missing-folder/y", prompt))
            .isInstanceOf(SandboxException.class).hasMessageEndingWith(": no such file or folder on the host");
        assertThat(folder.resolve("absent.txt")).doesNotExist();
    }

    @Test
    void transferToAHostThatIsDownThrowsTheSameMessageAsARun() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var down = new SshTarget("down", "127.0.0.1", closedPort, "tester", target().privateKey(), Optional.empty(),
                knownHosts);
        var file = Files.writeString(folder.resolve("f"), "f");

        assertThatThrownBy(() -> runner.upload(down, file, "f", answering(Decision.REJECT)))
            .isInstanceOf(SandboxException.class).hasMessage("cannot reach 127.0.0.1:" + closedPort
                    + ": connection refused");
    }

    @Test
    void failingListenerDoesNotStopTheRun() throws Exception {
        var result = finish(runner.exec(target(), "echo a; echo b >&2; exit 4", chunk -> {
            throw new IllegalStateException("listener broke");
        }, answering(Decision.REJECT)));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(4));
    }

    @Test
    void utf8SplitAcrossWritesArrivesWhole() throws Exception {
        var output = new RecordingListener();
        // "é" is C3 A9: the two bytes are written by two printf calls, a moment apart.
        var result = finish(runner.exec(target(), "printf '\\303'; sleep 0.2; printf '\\251 ok'", output,
                answering(Decision.REJECT)));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("é ok");
    }

    private static void awaitProcess(String commandLine) throws InterruptedException {
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (findProcesses(commandLine).isEmpty()) {
            assertThat(System.nanoTime()).as("a process running " + commandLine).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static void awaitNoProcess(String commandLine) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!findProcesses(commandLine).isEmpty()) {
            assertThat(System.nanoTime()).as(commandLine + " is still running").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static List<ProcessHandle> findProcesses(String commandLine) {
        return ProcessHandle.allProcesses().filter(process -> process.isAlive()
                && process.info().commandLine().map(line -> line.equals(commandLine) || line.endsWith(" "
                + commandLine) || line.endsWith("/" + commandLine)).orElse(false)).toList();
    }
}
