package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One launcher per kind of run, behind one {@link RunLauncher}.
 *
 * <pre>{@code
 * var launcher = RunLaunchers.byKind(Map.of(
 *         RunRequest.Kind.PROCESS, new ProcessRunLauncher(ProcessSandbox.detect()),
 *         RunRequest.Kind.WASM, new WasmRunLauncher(new WasmSandbox()),
 *         RunRequest.Kind.SSH, new SshRunLauncher(runner, targets, hostKeyPrompt)));
 * }</pre>
 *
 * A kind without a launcher is refused with a sentence saying so, and its isolation reads "not available".
 */
public final class RunLaunchers implements RunLauncher {

    private final Map<RunRequest.Kind, RunLauncher> launchers;

    private RunLaunchers(Map<RunRequest.Kind, RunLauncher> launchers) {
        this.launchers = launchers.isEmpty() ? Map.of() : new EnumMap<>(launchers);
    }

    public static RunLaunchers byKind(Map<RunRequest.Kind, ? extends RunLauncher> launchers) {
        return new RunLaunchers(Map.copyOf(launchers));
    }

    @Override
    public RunHandle launch(RunRequest request, OutputListener listener) {
        return launcher(request.kind())
                .orElseThrow(() -> new EngineException(unavailable(request.kind())))
                .launch(request, listener);
    }

    @Override
    public Isolation isolationFor(RunRequest.Kind kind) {
        return launcher(kind).map(launcher -> launcher.isolationFor(kind))
                .orElseGet(() -> Isolation.reduced(unavailable(kind)));
    }

    @Override
    public List<String> sshTargets() {
        return launcher(RunRequest.Kind.SSH).map(RunLauncher::sshTargets).orElse(List.of());
    }

    private Optional<RunLauncher> launcher(RunRequest.Kind kind) {
        return Optional.ofNullable(launchers.get(kind));
    }

    private static String unavailable(RunRequest.Kind kind) {
        return kind.label() + " runs are not available in this studio.";
    }
}
