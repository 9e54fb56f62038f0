package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunLaunchersTest {

    @Test
    void routesEachRequestToTheLauncherOfItsKind() {
        var asked = new ArrayList<String>();
        var launchers = RunLaunchers.byKind(Map.of(
                RunRequest.Kind.PROCESS, recording("process", asked),
                RunRequest.Kind.SSH, recording("ssh", asked)));

        assertThatThrownBy(() -> launchers.launch(new RunRequest.SshRun("box", "ls"), OutputListener.ignoring()))
                .hasMessage("ssh");
        assertThatThrownBy(() -> launchers.launch(RunRequest.ProcessRun.ofCommandLine("ls", Path.of("/p")),
                OutputListener.ignoring())).hasMessage("process");
        assertThat(asked).containsExactly("ssh:box: ls", "process:ls");
        assertThat(launchers.isolationFor(RunRequest.Kind.SSH)).isEqualTo(Isolation.remote("ssh"));
        assertThat(launchers.sshTargets()).containsExactly("ssh-target");
    }

    @Test
    void aKindWithoutALauncherIsNotAvailable() {
        var launchers = RunLaunchers.byKind(Map.of());

        assertThatThrownBy(() -> launchers.launch(new RunRequest.SshRun("box", "ls"), OutputListener.ignoring()))
                .isInstanceOf(EngineException.class).hasMessage("SSH runs are not available in this studio.");
        assertThat(launchers.isolationFor(RunRequest.Kind.WASM))
                .isEqualTo(Isolation.reduced("WASM runs are not available in this studio."));
        assertThat(launchers.sshTargets()).isEmpty();
    }

    private static RunLauncher recording(String name, List<String> asked) {
        return new RunLauncher() {
            @Override
            public RunHandle launch(RunRequest request, OutputListener listener) {
                asked.add(name + ":" + request.describe());
                throw new IllegalStateException(name);
            }

            @Override
            public Isolation isolationFor(RunRequest.Kind kind) {
                return Isolation.remote(name);
            }

            @Override
            public List<String> sshTargets() {
                return List.of(name + "-target");
            }
        };
    }
}
