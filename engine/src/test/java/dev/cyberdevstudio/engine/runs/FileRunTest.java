package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileRunTest {

    private static final Path ROOT = Path.of("/work/project");

    @Test
    void runsScriptsWithTheirInterpreterInTheFilesFolder() {
        assertThat(command("src/tool.py")).containsExactly("python3", "/work/project/src/tool.py");
        assertThat(command("build.sh")).containsExactly("bash", "/work/project/build.sh");
        assertThat(command("web/app.js")).containsExactly("node", "/work/project/web/app.js");
        assertThat(command("Main.JAVA")).containsExactly("java", "/work/project/Main.JAVA");

        var request = (RunRequest.ProcessRun) runnable("src/tool.py").request();
        assertThat(request.workingFolder()).isEqualTo(ROOT.resolve("src"));
        assertThat(request.projectRoot()).isEqualTo(ROOT);
        assertThat(request.network()).isFalse();
        assertThat(request.environment()).isEmpty();
    }

    @Test
    void runsAWasmModuleInTheWasmSandboxWithTheProjectAsItsOnlyFolder() {
        var request = runnable("out/app.wasm").request();

        assertThat(request).isEqualTo(new RunRequest.WasmRun(ROOT.resolve("out/app.wasm"), Optional.empty(),
                List.of(), Optional.of(ROOT), RunLimits.defaults()));
    }

    @Test
    void saysWhyAFileCannotRun() {
        assertThat(FileRun.plan(Optional.of(ROOT.resolve("notes.txt")), ROOT)).isEqualTo(new FileRun.Unsupported(
                "Cannot run notes.txt: the studio runs .py, .sh, .js, .java and .wasm files, not .txt files."));
        assertThat(FileRun.plan(Optional.of(ROOT.resolve("Makefile")), ROOT)).isEqualTo(new FileRun.Unsupported(
                "Cannot run Makefile: the studio runs .py, .sh, .js, .java and .wasm files."));
        assertThat(FileRun.plan(Optional.empty(), ROOT)).isInstanceOf(FileRun.Unsupported.class)
                .extracting(plan -> ((FileRun.Unsupported) plan).reason()).asString().contains("Open a file");
        assertThat(FileRun.plan(Optional.of(Path.of("/etc/evil.sh")), ROOT)).isEqualTo(new FileRun.Unsupported(
                "Cannot run evil.sh: it is outside the project /work/project."));
    }

    private static FileRun.Runnable runnable(String file) {
        return (FileRun.Runnable) FileRun.plan(Optional.of(ROOT.resolve(file)), ROOT);
    }

    private static List<String> command(String file) {
        return ((RunRequest.ProcessRun) runnable(file).request()).command();
    }
}
