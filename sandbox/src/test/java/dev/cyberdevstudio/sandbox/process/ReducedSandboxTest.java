package dev.cyberdevstudio.sandbox.process;

import static dev.cyberdevstudio.sandbox.process.SandboxTesting.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cyberdevstudio.sandbox.process.SandboxTesting.Collector;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The path for hosts without bubblewrap: no confinement, but every limit, the clean environment and the tree kill. */
@Timeout(120)
class ReducedSandboxTest {

    private Path project;

    @BeforeEach
    void setUp() throws IOException {
        project = SandboxTesting.project();
    }

    @AfterEach
    void tearDown() throws IOException {
        SandboxTesting.deleteTree(project);
    }

    private ProcessSpec spec(String... command) {
        return ProcessSpec.of(project, List.of(command)).withLimits(ProcessLimits.defaults()
                .withWallTimeout(Duration.ofSeconds(30)));
    }

    /** Reduced and without control groups: only prlimit, setsid and the studio's own watch hold the run. */
    private static ProcessSandbox bare() {
        var host = ProcessSandbox.Host.probe().withoutBwrap().withoutCgroups("cgroups left out by the test");
        return new ProcessSandbox(host, Optional.of("forced by the test"));
    }

    @Test
    void saysItIsReducedAndWhyEverywhereARunIsShown() throws Exception {
        var sandbox = ProcessSandbox.reduced("bubblewrap is not installed");
        var output = new Collector();
        var run = sandbox.start(spec("sh", "-c", "echo hi; exit 2"), output);

        assertThat(sandbox.isIsolated()).isFalse();
        assertThat(sandbox.isolation().level()).isEqualTo(Isolation.Level.REDUCED);
        assertThat(run.isolation().level()).isEqualTo(Isolation.Level.REDUCED);
        assertThat(run.isolation().summary()).startsWith("reduced isolation: bubblewrap is not installed")
                .contains("sees and may change every file");
        assertThat(await(run).outcome()).isEqualTo(new RunOutcome.Exited(2));
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("hi\n");
    }

    @Test
    void passesOnlyTheGrantedEnvironmentAndAPrivateHome() throws Exception {
        var output = new Collector();
        var result = await(ProcessSandbox.reduced("test").start(spec("env").withEnvironment(Map.of("A", "1")),
                output));

        assertThat(result.succeeded()).isTrue();
        var lines = output.text(OutputChannel.STDOUT).lines().toList();
        assertThat(lines).hasSize(5).contains("A=1", "LANG=C.UTF-8", "PATH=" + ProcessSandbox.SANDBOX_PATH);
        var home = lines.stream().filter(l -> l.startsWith("HOME=")).findFirst().orElseThrow().substring(5);
        assertThat(home).isNotEqualTo(System.getProperty("user.home")).contains("cyberdevstudio-home");
        assertThat(Path.of(home)).as("the run's home is removed with the run").doesNotExist();
    }

    @Test
    void killReachesChildrenThatLeftTheirParent() throws Exception {
        var output = new Collector();
        // The subshell exits at once, so its sleep is reparented away from the run's process tree.
        var run = (SandboxedRun) bare().start(spec("sh", "-c", "(sleep 60 &); sleep 60 & echo started; wait"),
                output);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!output.all().contains("started") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        var sleepers = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").equals(
                "/usr/bin/sleep 60") || p.info().command().orElse("").endsWith("sleep") && pgidOf(p.pid())
                == run.pid().orElseThrow()).map(ProcessHandle::pid).filter(pid -> pgidOf(pid) == run.pid()
                .orElseThrow()).toList();
        assertThat(sleepers).hasSize(2);

        run.kill();

        assertThat(await(run).outcome()).isInstanceOf(RunOutcome.Killed.class);
        assertThat(sleepers).noneMatch(SandboxTesting::alive);
    }

    @Test
    void holdsAMemoryHogWithAnAddressSpaceLimit() throws Exception {
        var limits = ProcessLimits.defaults().withMemoryBytes(64L << 20);
        var output = new Collector();
        var result = await(bare().start(spec("python3", "-c", "b = bytearray(512 * 1024 * 1024)").withLimits(limits),
                output));

        assertThat(result.outcome()).isInstanceOf(RunOutcome.Exited.class);
        assertThat(result.succeeded()).isFalse();
        assertThat(output.text(OutputChannel.STDERR)).contains("MemoryError");
    }

    @Test
    void holdsAForkBombToTheProcessLimitAndLeavesNothingBehind() throws Exception {
        assumeTrue(SandboxTesting.isRoot(), "RLIMIT_NPROC holds only for the unprivileged uid a root studio drops to");
        // Processes of earlier runs still ending would count into the allowance and free their slots while we watch.
        long quiet = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!SandboxTesting.livePidsOf(ProcessSandbox.NOBODY).isEmpty() && System.nanoTime() < quiet) {
            Thread.sleep(20);
        }
        var before = SandboxTesting.livePidsOf(ProcessSandbox.NOBODY);
        var limits = ProcessLimits.defaults().withMaxProcesses(16).withWallTimeout(Duration.ofSeconds(3));
        var most = new java.util.concurrent.atomic.AtomicInteger();
        var run = bare().start(spec("bash", "-c", "f(){ f | f & }; f; sleep 20").withLimits(limits), chunk -> { });
        while (run.isRunning()) {
            var now = SandboxTesting.livePidsOf(ProcessSandbox.NOBODY);
            now.removeAll(before);
            most.accumulateAndGet(now.size(), Math::max);
        }
        var result = await(run);

        // Without a pids cgroup nobody notices a failed fork: the bomb is held at its allowance until the timeout.
        assertThat(result.outcome()).isEqualTo(new RunOutcome.TimedOut(Duration.ofSeconds(3)));
        assertThat(most.get()).isPositive().isLessThanOrEqualTo(16);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        var left = SandboxTesting.livePidsOf(ProcessSandbox.NOBODY);
        while (System.nanoTime() < deadline) {
            left = SandboxTesting.livePidsOf(ProcessSandbox.NOBODY);
            left.removeAll(before);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(left).isEmpty();
    }

    @Test
    void stopsACpuSpinnerWithRlimitCpu() throws Exception {
        var limits = ProcessLimits.defaults().withCpuTime(Duration.ofSeconds(1));
        var result = await(bare().start(spec("sh", "-c", "while :; do :; done").withLimits(limits), chunk -> { }));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.LimitExceeded("CPU time limit of 1 s"));
    }

    @Test
    void samplesPeakMemoryWithoutCgroups() throws Exception {
        var result = await(bare().start(spec("python3", "-c", "import time; b = bytearray(40 << 20); time.sleep(0.5)"),
                chunk -> { }));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.peakMemoryBytes()).isPresent();
        assertThat(result.peakMemoryBytes().getAsLong()).isGreaterThan(40L << 20);
    }

    @Test
    void cutsOutputAndStopsAtTheWallTimeout() throws Exception {
        var limits = ProcessLimits.defaults().withOutput(100, OverflowAction.CONTINUE)
                .withWallTimeout(Duration.ofMillis(500));
        var output = new Collector();
        var result = await(ProcessSandbox.reduced("test").start(spec("yes").withLimits(limits), output));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.TimedOut(Duration.ofMillis(500)));
        assertThat(result.outputTruncated()).isTrue();
        assertThat(output.bytes(OutputChannel.STDOUT)).isEqualTo(100);
    }

    @Test
    void aMissingProgramEndsWithAClearMessage() throws Exception {
        var result = await(ProcessSandbox.reduced("test").start(spec("./missing.sh"), chunk -> { }));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Failed("command not found: './missing.sh'"));
    }

    @Test
    void aProgramThatIsNotExecutableEndsWithAClearMessage() throws Exception {
        Files.writeString(project.resolve("script.sh"), "echo hi");
        var result = await(ProcessSandbox.reduced("test").start(spec("./script.sh"), chunk -> { }));

        assertThat(result.outcome().describe()).startsWith("'./script.sh' is not executable");
    }

    @Test
    void decodesCharactersSplitAcrossReads() throws Exception {
        var output = new Collector();
        // printf writes the two bytes of "é" with a pause between them, so they arrive in two reads.
        var result = await(ProcessSandbox.reduced("test").start(spec("sh", "-c",
                "printf 'caf\\303'; sleep 0.2; printf '\\251!'"), output));

        assertThat(result.succeeded()).isTrue();
        assertThat(output.text(OutputChannel.STDOUT)).isEqualTo("café!");
    }

    private static long pgidOf(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
