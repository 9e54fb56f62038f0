package dev.cyberdevstudio.sandbox.process;

import static dev.cyberdevstudio.sandbox.process.SandboxTesting.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.process.SandboxTesting.Collector;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real attacks against a bubblewrap sandbox; each fails if the sandbox lets it through. */
@Timeout(120)
class IsolatedSandboxTest {

    private ProcessSandbox sandbox;
    private Path project;
    private Path outside;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = SandboxTesting.detected();
        assumeTrue(sandbox.isIsolated(), "needs bubblewrap (apt install bubblewrap): "
                + sandbox.isolation().summary());
        project = SandboxTesting.project();
        outside = SandboxTesting.project();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (project != null) {
            SandboxTesting.deleteTree(project);
            SandboxTesting.deleteTree(outside);
        }
    }

    private ProcessSpec spec(String... command) {
        return ProcessSpec.of(project, List.of(command)).withLimits(ProcessLimits.defaults()
                .withWallTimeout(Duration.ofSeconds(30)));
    }

    @Test
    void runsAProgramAndSaysWhatIsConfined() throws Exception {
        var run = sandbox.start(spec("sh", "-c", "exit 3"), chunk -> { });
        var result = await(run);

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(3));
        assertThat(run.isolation().level()).isEqualTo(Isolation.Level.ISOLATED);
        assertThat(run.isolation().summary()).contains("bubblewrap", "project folder the only writable place",
                "no network", "private /tmp");
        assertThat(run.description()).isEqualTo("sh -c 'exit 3'");
        assertThat(result.wallTime()).isPositive();
    }

    @Test
    void streamsOutputWhileTheProgramRuns() throws Exception {
        var output = new Collector();
        var run = sandbox.start(spec("sh", "-c", "echo first; sleep 2; echo second; echo oops >&2"), output);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!output.text(OutputChannel.STDOUT).contains("first") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("first\n");
        assertThat(run.isRunning()).as("first chunk arrived before the program exited").isTrue();
        assertThat(await(run).succeeded()).isTrue();
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("first\nsecond\n");
        assertThat(output.text(OutputChannel.STDERR)).isEqualTo("oops\n");
    }

    @Test
    void passesOnlyTheGrantedEnvironment() throws Exception {
        var output = new Collector();
        var result = await(sandbox.start(spec("env").withEnvironment(Map.of("GRANTED", "yes")), output));

        assertThat(result.succeeded()).isTrue();
        Set<String> names = Arrays.stream(output.text(OutputChannel.STDOUT).split("\n"))
                .map(line -> line.substring(0, line.indexOf('='))).collect(Collectors.toCollection(TreeSet::new));
        // PWD is bubblewrap's own, set to the working folder it changed to.
        assertThat(names).containsExactlyInAnyOrder("GRANTED", "HOME", "LANG", "PATH", "PWD", "TMPDIR");
        assertThat(output.text(OutputChannel.STDOUT)).contains("HOME=/tmp\n").doesNotContain(System.getenv()
                .getOrDefault("HOME", "/nonexistent-home") + "\n");
    }

    @Test
    void refusesWritesOutsideTheProject() throws Exception {
        // The outside folder is writable by the sandbox user on the host: only the sandbox can stop these writes.
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwxrwxrwx"));
        var script = "echo x > " + outside + "/pwned; echo x > /pwned; echo x > /usr/pwned; echo x > /etc/pwned;"
                + " echo x > /tmp/private; echo ok > inside.txt";
        var output = new Collector();
        var result = await(sandbox.start(spec("sh", "-c", script), output));

        assertThat(result.succeeded()).isTrue();
        assertThat(outside.resolve("pwned")).doesNotExist();
        assertThat(Path.of("/pwned")).doesNotExist();
        assertThat(Path.of("/usr/pwned")).doesNotExist();
        assertThat(Path.of("/etc/pwned")).doesNotExist();
        assertThat(Path.of("/tmp/private")).as("/tmp of the sandbox is private").doesNotExist();
        assertThat(project.resolve("inside.txt")).hasContent("ok");
        assertThat(output.text(OutputChannel.STDERR)).contains("pwned");
    }

    @Test
    void cannotReadTheUsersHomeOrOtherFolders() throws Exception {
        // A world-readable secret: only the sandbox stands between the program and it.
        var home = outside.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("id_rsa"), "TOP-SECRET-KEY");
        Files.setPosixFilePermissions(home.resolve("id_rsa"), PosixFilePermissions.fromString("rw-r--r--"));
        var realHome = System.getProperty("user.home");
        var script = "cat " + home + "/id_rsa; ls -a " + realHome + "; test -e " + realHome + " && echo HOME-VISIBLE;"
                + " ls /; cat /etc/shadow";
        var output = new Collector();
        await(sandbox.start(spec("sh", "-c", script).withEnvironment(Map.of("SECRET_HOME", home.toString())),
                output));

        assertThat(output.all()).doesNotContain("TOP-SECRET-KEY").doesNotContain("HOME-VISIBLE")
                .contains("No such file");
        assertThat(output.text(OutputChannel.STDOUT)).doesNotContain("root\n").doesNotContain("home\n");
    }

    @Test
    void cannotReachTheNetworkUnlessGranted() throws Exception {
        try (var server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            var accepted = new AtomicInteger();
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (var socket = server.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            var connect = "exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + " && echo connected";

            var denied = new Collector();
            var deniedResult = await(sandbox.start(spec("bash", "-c", connect), denied));
            assertThat(deniedResult.succeeded()).isFalse();
            assertThat(denied.all()).doesNotContain("connected").contains("Connection refused");
            assertThat(accepted.get()).isZero();

            var granted = new Collector();
            var run = sandbox.start(spec("bash", "-c", connect).withNetwork(true), granted);
            assertThat(await(run).succeeded()).isTrue();
            assertThat(granted.text(OutputChannel.STDOUT)).isEqualTo("connected\n");
            assertThat(run.isolation().summary()).contains("network granted");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (accepted.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(accepted.get()).isEqualTo(1);
        }
    }

    @Test
    void runsWithoutCapabilitiesAsAnUnprivilegedUser() throws Exception {
        var output = new Collector();
        await(sandbox.start(spec("sh", "-c", "id -u; grep -E '^Cap(Eff|Prm|Bnd)' /proc/self/status;"
                + " unshare -U true && echo NESTED-USERNS"), output));

        var text = output.text(OutputChannel.STDOUT);
        assertThat(text.lines().findFirst()).get().isNotEqualTo("0");
        assertThat(text).contains("CapEff:\t0000000000000000", "CapPrm:\t0000000000000000",
                "CapBnd:\t0000000000000000").doesNotContain("NESTED-USERNS");
    }

    @Test
    void stopsAForkBombAndLeavesNoProcessBehind() throws Exception {
        assumeTrue(Cgroups.detect().cgroups().isPresent(), "needs writable memory and pids cgroups: "
                + Cgroups.detect().reason() + " (the reduced tests cover prlimit alone)");
        var before = SandboxTesting.livePidsOf(ProcessSandbox.NOBODY);
        var limits = ProcessLimits.defaults().withMaxProcesses(32).withWallTimeout(Duration.ofSeconds(60));
        long started = System.nanoTime();
        // The bomb stays in the foreground (no "&"), so the run cannot end by itself before the limit is reached.
        var output = new Collector();
        var result = await(sandbox.start(spec("bash", "-c", "f(){ f | f; }; f").withLimits(limits), output));
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.outcome()).isInstanceOf(RunOutcome.LimitExceeded.class);
        assertThat(result.outcome().describe()).contains("process limit of 32");
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        assertThat(output.text(OutputChannel.SANDBOX)).contains("process limit");
        assertNoNewProcesses(before);
    }

    @Test
    void stopsAMemoryHog() throws Exception {
        assumeTrue(Cgroups.detect().cgroups().isPresent(), "needs writable memory and pids cgroups: "
                + Cgroups.detect().reason() + " (the reduced tests cover prlimit alone)");
        var limits = ProcessLimits.defaults().withMemoryBytes(64L << 20);
        var hog = "b = bytearray(512 * 1024 * 1024); print('allocated', len(b))";
        var output = new Collector();
        var result = await(sandbox.start(spec("python3", "-c", hog).withLimits(limits), output));

        assertThat(output.text(OutputChannel.STDOUT)).doesNotContain("allocated");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.outcome().describe()).contains("memory limit of 64 MiB");
        assertThat(output.text(OutputChannel.SANDBOX)).contains("memory limit");
    }

    @Test
    void reportsPeakMemory() throws Exception {
        var grow = "b = bytearray(48 * 1024 * 1024); print(len(b))";
        var result = await(sandbox.start(spec("python3", "-c", grow), chunk -> { }));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.peakMemoryBytes()).isPresent();
        assertThat(result.peakMemoryBytes().getAsLong()).isGreaterThan(48L << 20);
    }

    @Test
    void stopsACpuSpinner() throws Exception {
        var limits = ProcessLimits.defaults().withCpuTime(Duration.ofSeconds(1))
                .withWallTimeout(Duration.ofSeconds(60));
        long started = System.nanoTime();
        var output = new Collector();
        var result = await(sandbox.start(spec("sh", "-c", "while :; do :; done").withLimits(limits), output));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.LimitExceeded("CPU time limit of 1 s"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(output.text(OutputChannel.SANDBOX)).contains("CPU time limit");
    }

    @Test
    void cutsAnOutputFloodAndStopsItWhenConfigured() throws Exception {
        var limits = ProcessLimits.defaults().withOutput(64 * 1024, OverflowAction.KILL);
        var output = new Collector();
        var result = await(sandbox.start(spec("yes", "flood").withLimits(limits), output));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.LimitExceeded("output limit of 65536 bytes"));
        assertThat(result.outputTruncated()).isTrue();
        assertThat(output.bytes(OutputChannel.STDOUT)).isEqualTo(64 * 1024);
        assertThat(output.text(OutputChannel.SANDBOX)).contains("output cut after 65536 bytes");
    }

    @Test
    void cutsAnOutputFloodAndLetsTheRunFinishWhenConfigured() throws Exception {
        var limits = ProcessLimits.defaults().withOutput(1000, OverflowAction.CONTINUE);
        var output = new Collector();
        var result = await(sandbox.start(spec("sh", "-c", "yes | head -c 2000000; echo done >&2; exit 4")
                .withLimits(limits), output));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(4));
        assertThat(result.outputTruncated()).isTrue();
        assertThat(output.bytes(OutputChannel.STDOUT) + output.bytes(OutputChannel.STDERR)).isEqualTo(1000);
        assertThat(output.text(OutputChannel.SANDBOX)).contains("the run goes on");
    }

    @Test
    void stopsARunAtItsWallTimeout() throws Exception {
        var limits = ProcessLimits.defaults().withWallTimeout(Duration.ofMillis(300));
        var result = await(sandbox.start(spec("sleep", "30").withLimits(limits), chunk -> { }));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.TimedOut(Duration.ofMillis(300)));
        assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void killEndsTheWholeTree() throws Exception {
        var output = new Collector();
        var run = (SandboxedRun) sandbox.start(spec("sh", "-c", "sleep 60 & sleep 60 & echo started; wait"), output);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!output.all().contains("started") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        var tree = ProcessHandle.of(run.pid().orElseThrow()).orElseThrow().descendants().map(ProcessHandle::pid)
                .toList();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(3);

        run.kill();
        var result = await(run);

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Killed("stopped on request"));
        // The namespace's processes die with bubblewrap, which the kernel finishes just after the result is out.
        long gone = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (tree.stream().anyMatch(SandboxTesting::alive) && System.nanoTime() < gone) {
            Thread.sleep(10);
        }
        assertThat(tree).noneMatch(SandboxTesting::alive);
    }

    @Test
    void aMissingProgramEndsWithAClearMessage() throws Exception {
        var output = new Collector();
        var result = await(sandbox.start(spec("no-such-program-xyz", "--help"), output));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Failed(
                "command not found: 'no-such-program-xyz' (looked in " + ProcessSandbox.SANDBOX_PATH + ")"));
        assertThat(output.text(OutputChannel.SANDBOX)).contains("command not found");
    }

    @Test
    void refusesAProgramTheSandboxCannotSee() throws Exception {
        var program = outside.resolve("tool.sh");
        Files.writeString(program, "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));

        var result = await(sandbox.start(spec(program.toString()), chunk -> { }));

        assertThat(result.outcome().describe()).contains("outside what the sandbox shows");
    }

    @Test
    void runsAProgramOfTheProjectInAWorkingFolderInsideIt() throws Exception {
        Files.createDirectories(project.resolve("sub"));
        Files.writeString(project.resolve("sub/run.sh"), "#!/bin/sh\npwd\n");
        Files.setPosixFilePermissions(project.resolve("sub/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        var output = new Collector();

        var result = await(sandbox.start(spec("./run.sh").withWorkingDirectory(Path.of("sub")), output));

        assertThat(result.succeeded()).isTrue();
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo(project.toRealPath().resolve("sub") + "\n");
    }

    @Test
    void refusesAWorkingFolderOutsideTheProject() {
        assertThatThrownBy(() -> spec("true").withWorkingDirectory(Path.of("..")))
                .isInstanceOf(SandboxException.class).hasMessageContaining("outside the project");
        assertThatThrownBy(() -> sandbox.start(spec("true").withWorkingDirectory(Path.of("missing")), c -> { }))
                .isInstanceOf(SandboxException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aThrowingListenerDoesNotBreakTheRun() throws Exception {
        var result = await(sandbox.start(spec("echo", "hi"), chunk -> {
            throw new IllegalStateException("listener bug");
        }));

        assertThat(result.succeeded()).isTrue();
    }

    private static void assertNoNewProcesses(Set<Long> before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Set<Long> left;
        do {
            left = SandboxTesting.livePidsOf(ProcessSandbox.NOBODY);
            left.removeAll(before);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(left).as("processes left behind").isEmpty();
    }
}
