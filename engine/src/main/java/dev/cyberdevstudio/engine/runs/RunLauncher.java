package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import java.util.List;

/**
 * Starts runs on one of the sandboxes. {@link RunService} depends on this seam rather than on the sandboxes
 * themselves, so that it can be tested with a plain process and the sandboxes can be swapped per platform.
 *
 * <p>Implementations adapt {@code ProcessSandbox}, {@code WasmSandbox} and {@code SshRunner}; {@link RunLaunchers}
 * routes each request to the one for its kind.
 */
public interface RunLauncher {

    /**
     * Starts {@code request}; output goes to {@code listener} from the launcher's threads.
     *
     * @return the running run; a run that starts and then fails (a missing binary, a module that is not WASM, a host
     *         that is down) may come back as a handle whose result is {@code RunOutcome.Failed}
     * @throws RuntimeException when the launcher refuses the request before anything runs; its message, meant for
     *                          the user, becomes the run's {@code Failed} outcome
     */
    RunHandle launch(RunRequest request, OutputListener listener);

    /** The confinement a run of {@code kind} gets here, known before it starts so that the studio can show it. */
    Isolation isolationFor(RunRequest.Kind kind);

    /** The names of the SSH targets the user configured, for {@link RunRequest.SshRun#target()}. */
    default List<String> sshTargets() {
        return List.of();
    }
}
