package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.process.ProcessLimits;
import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.process.ProcessSpec;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import java.util.Objects;

/**
 * Runs {@link RunRequest.ProcessRun}s in the process sandbox: bubblewrap where it is usable, else reduced isolation
 * with the reason, as {@link ProcessSandbox#detect()} decided.
 *
 * <pre>{@code
 * var launcher = new ProcessRunLauncher(ProcessSandbox.detect());
 * }</pre>
 */
public final class ProcessRunLauncher implements RunLauncher {

    private final ProcessSandbox sandbox;

    public ProcessRunLauncher(ProcessSandbox sandbox) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    }

    @Override
    public RunHandle launch(RunRequest request, OutputListener listener) {
        if (!(request instanceof RunRequest.ProcessRun run)) {
            throw new EngineException("The process sandbox cannot run " + request.kind().label() + " runs.");
        }
        var limits = run.limits();
        var processLimits = new ProcessLimits(limits.wallTimeout(), limits.cpuTime(), limits.memoryBytes(),
                limits.maxProcesses(), limits.maxOutputBytes(), ProcessLimits.defaults().onOverflow());
        var spec = new ProcessSpec(run.command(), run.projectRoot(), run.workingFolder(), run.environment(),
                processLimits, run.network());
        try {
            return sandbox.start(spec, listener);
        } catch (SandboxException refused) {
            // The sandbox's message names what was refused and why; it becomes the run's Failed outcome.
            throw new EngineException(refused.getMessage(), refused);
        }
    }

    @Override
    public Isolation isolationFor(RunRequest.Kind kind) {
        return sandbox.isolation();
    }
}
