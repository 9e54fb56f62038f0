package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunRequestTest {

    private static final Path ROOT = Path.of("/p");

    @Test
    void aProcessRunFromACommandLineIsDeniedEverythingByDefault() {
        var run = RunRequest.ProcessRun.ofCommandLine("python3 main.py", ROOT);

        assertThat(run.command()).containsExactly("python3", "main.py");
        assertThat(run.environment()).isEmpty();
        assertThat(run.network()).isFalse();
        assertThat(run.workingFolder()).isEqualTo(ROOT);
        assertThat(run.localFolder()).contains(ROOT);
        assertThat(run.describe()).isEqualTo("python3 main.py");
        assertThat(run.kind().label()).isEqualTo("Process");
    }

    @Test
    void aWasmCommandLineNamesTheModuleAnExportAndArguments() {
        var wasi = RunRequest.WasmRun.ofCommandLine("build/app.wasm --name 'two words'", ROOT);
        var call = RunRequest.WasmRun.ofCommandLine("lib.wasm#add 2 3", ROOT);

        assertThat(wasi).isEqualTo(new RunRequest.WasmRun(ROOT.resolve("build/app.wasm"), Optional.empty(),
                List.of("--name", "two words"), Optional.of(ROOT), RunLimits.defaults()));
        assertThat(wasi.describe()).isEqualTo("app.wasm --name two words");
        assertThat(call.export()).contains("add");
        assertThat(call.args()).containsExactly("2", "3");
        assertThat(call.describe()).isEqualTo("lib.wasm#add 2 3");
        assertThat(call.localFolder()).contains(ROOT);
        assertThatThrownBy(() -> RunRequest.WasmRun.ofCommandLine("#add", ROOT))
                .hasMessageStartingWith("Name the .wasm module to run");
        assertThat(RunRequest.WasmRun.ofCommandLine("lib.wasm#", ROOT).export()).isEmpty();
    }

    @Test
    void anSshRunNeedsATargetAndACommand() {
        var run = new RunRequest.SshRun("build-box", "uname -a");

        assertThat(run.describe()).isEqualTo("build-box: uname -a");
        assertThat(run.localFolder()).isEmpty();
        assertThatThrownBy(() -> new RunRequest.SshRun(" ", "ls")).hasMessage("an SSH run needs a target");
        assertThatThrownBy(() -> new RunRequest.SshRun("box", "")).hasMessage("an SSH run needs a command");
    }

    @Test
    void limitsMustBePositive() {
        var defaults = RunLimits.defaults();

        assertThat(defaults.withWallTimeout(Duration.ofSeconds(3)).wallTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> defaults.withWallTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunLimits(Duration.ofSeconds(1), Duration.ZERO, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunRequest.ProcessRun(List.of(), ROOT, ROOT, Map.of(), false, defaults))
                .hasMessage("a process run needs a program to run");
    }
}
