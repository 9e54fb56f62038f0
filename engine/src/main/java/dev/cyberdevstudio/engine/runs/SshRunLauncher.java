package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt;
import dev.cyberdevstudio.sandbox.ssh.SshRunner;
import dev.cyberdevstudio.sandbox.ssh.SshTarget;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs {@link RunRequest.SshRun}s on the SSH targets the user configured, by name. Host keys are checked by the
 * runner against the target's known_hosts; an unknown key goes to {@code hostKeyPrompt} (the UI asks the user), a
 * changed one is refused. A host that is down or refuses the key ends the run as {@code Failed} with the runner's
 * message.
 */
public final class SshRunLauncher implements RunLauncher {

    private final SshRunner runner;
    private final Supplier<List<SshTarget>> targets;
    private final HostKeyPrompt hostKeyPrompt;

    /**
     * @param targets the configured targets, read at each run so that a target added in the settings is usable at
     *                once
     */
    public SshRunLauncher(SshRunner runner, Supplier<List<SshTarget>> targets, HostKeyPrompt hostKeyPrompt) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.hostKeyPrompt = Objects.requireNonNull(hostKeyPrompt, "hostKeyPrompt");
    }

    @Override
    public RunHandle launch(RunRequest request, OutputListener listener) {
        if (!(request instanceof RunRequest.SshRun run)) {
            throw new EngineException("SSH targets cannot run " + request.kind().label() + " runs.");
        }
        var target = targets.get().stream().filter(candidate -> candidate.name().equals(run.target())).findFirst()
                .orElseThrow(() -> new EngineException("There is no SSH target named " + run.target()
                        + "; add it in the settings first."));
        try {
            return runner.exec(target, run.command(), listener, hostKeyPrompt);
        } catch (SandboxException refused) {
            throw new EngineException(refused.getMessage(), refused);
        }
    }

    @Override
    public Isolation isolationFor(RunRequest.Kind kind) {
        return Isolation.remote("runs on the target as its user; the studio does not confine it there");
    }

    @Override
    public List<String> sshTargets() {
        return targets.get().stream().map(SshTarget::name).toList();
    }
}
