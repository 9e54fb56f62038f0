package dev.cyberdevstudio.sandbox.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection, its fallback and the checks on what a run may ask for. */
class ProcessSandboxTest {

    @TempDir
    Path project;

    @Test
    void fallsBackToReducedWithTheReasonWhenBubblewrapCannotStartASandbox() {
        var probed = ProcessSandbox.Host.probe();
        var broken = new ProcessSandbox.Host(Optional.of(Path.of("/bin/false")), probed.prlimit(), probed.setpriv(),
                probed.setsid(), probed.cgroups(), probed.cgroupNote(), probed.root());

        var sandbox = ProcessSandbox.detect(broken);

        assertThat(sandbox.isIsolated()).isFalse();
        assertThat(sandbox.isolation().level()).isEqualTo(Isolation.Level.REDUCED);
        assertThat(sandbox.isolation().summary())
                .startsWith("reduced isolation: bubblewrap is installed but could not start a sandbox: exited with "
                        + "code 1");
    }

    @Test
    void saysWhenBubblewrapIsNotInstalled() {
        var sandbox = ProcessSandbox.detect(ProcessSandbox.Host.probe().withoutBwrap().withoutCgroups("none here"));

        assertThat(sandbox.isolation().summary()).contains("bubblewrap is not installed (install the 'bubblewrap' "
                + "package)").contains("none here");
    }

    @Test
    void detectsBubblewrapOnThisHostWhenItIsInstalled() {
        var host = ProcessSandbox.Host.probe();
        var sandbox = ProcessSandbox.detect();
        if (host.bwrap().isPresent()) {
            assertThat(sandbox.isIsolated()).as(sandbox.isolation().summary()).isTrue();
            assertThat(sandbox.isolation().summary()).startsWith("bubblewrap: read-only system folders");
        } else {
            assertThat(sandbox.isolation().level()).isEqualTo(Isolation.Level.REDUCED);
        }
    }

    @Test
    void refusesRunsThatAskForTooLittleOrTooMuch() {
        assertThatThrownBy(() -> ProcessSpec.of(project, List.of())).isInstanceOf(SandboxException.class)
                .hasMessageContaining("no command");
        assertThatThrownBy(() -> ProcessSpec.of(project, List.of("echo", "a\0b"))).hasMessageContaining("NUL");
        assertThatThrownBy(() -> ProcessSpec.of(project, List.of("env")).withEnvironment(Map.of("A=B", "1")))
                .hasMessageContaining("invalid environment variable 'A=B'");
        assertThatThrownBy(() -> ProcessSpec.of(project, List.of("ls")).withWorkingDirectory(Path.of("/etc")))
                .hasMessageContaining("outside the project");
        assertThatThrownBy(() -> ProcessLimits.defaults().withWallTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessLimits.defaults().withMemoryBytes(1024))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessLimits.defaults().withMaxProcesses(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesARunItsGrantsAndDefaults() {
        var spec = ProcessSpec.of(project, List.of("make")).withNetwork(true).withWorkingDirectory(Path.of("sub"));

        assertThat(spec.network()).isTrue();
        assertThat(spec.resolvedWorkingDirectory()).isEqualTo(project.toAbsolutePath().resolve("sub"));
        assertThat(spec.limits()).isEqualTo(ProcessLimits.defaults());
        assertThat(spec.environment()).isEmpty();
    }

    @Test
    void quotesTheCommandLineForDisplay() {
        assertThat(LaunchPlan.quote("plain-arg_1.txt")).isEqualTo("plain-arg_1.txt");
        assertThat(LaunchPlan.quote("two words")).isEqualTo("'two words'");
        assertThat(LaunchPlan.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(LaunchPlan.quote("")).isEqualTo("''");
    }

    @Test
    void aFailedRunIsFinishedAtOnce() {
        var run = SandboxedRun.failed("x", Isolation.reduced("r"), "nope", chunk -> { });
        run.kill();

        assertThat(run.isRunning()).isFalse();
        assertThat(run.result().join().outcome()).isEqualTo(new RunOutcome.Failed("nope"));
        assertThat(((SandboxedRun) run).pid()).isEmpty();
    }

    @Test
    void countsTheTasksAUidAlreadyRunsIntoItsProcessLimit() {
        long own = LaunchPlan.nprocFor((int) ProcessHandle.current().info().user().map(u -> 0).orElse(0), 10);
        assertThat(own).isGreaterThanOrEqualTo(10);
    }
}
