package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.runs.RunLauncher;
import dev.cyberdevstudio.engine.runs.RunRequest;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A launcher the view-model tests drive by hand: each launch becomes a {@link Run} whose output and end the test
 * decides, on the test's own thread, so that view-model tests are deterministic.
 */
final class ScriptedLauncher implements RunLauncher {

    final List<Run> runs = new ArrayList<>();
    List<String> targets = List.of();
    Optional<String> refusal = Optional.empty();

    @Override
    public RunHandle launch(RunRequest request, OutputListener listener) {
        if (refusal.isPresent()) {
            throw new EngineException(refusal.get());
        }
        var run = new Run(request, listener);
        runs.add(run);
        return run;
    }

    @Override
    public Isolation isolationFor(RunRequest.Kind kind) {
        return switch (kind) {
            case PROCESS -> Isolation.isolated("bubblewrap: read-only system, no network");
            case WASM -> Isolation.isolated("WASM: memory capped, project preopened");
            case SSH -> Isolation.remote("the target's account");
        };
    }

    @Override
    public List<String> sshTargets() {
        return targets;
    }

    Run last() {
        return runs.getLast();
    }

    static final class Run implements RunHandle {

        final RunRequest request;
        private final OutputListener listener;
        private final CompletableFuture<RunResult> result = new CompletableFuture<>();

        Run(RunRequest request, OutputListener listener) {
            this.request = request;
            this.listener = listener;
        }

        void out(String text) {
            listener.onOutput(new OutputChunk(OutputChannel.STDOUT, text));
        }

        void err(String text) {
            listener.onOutput(new OutputChunk(OutputChannel.STDERR, text));
        }

        void exit(int code, long millis, OptionalLong peak) {
            result.complete(new RunResult(new RunOutcome.Exited(code), Duration.ofMillis(millis), peak, false));
        }

        void end(RunOutcome outcome) {
            result.complete(new RunResult(outcome, Duration.ofMillis(5), OptionalLong.empty(), true));
        }

        @Override
        public String description() {
            return request.describe();
        }

        @Override
        public Isolation isolation() {
            return Isolation.isolated("bubblewrap: read-only system, no network");
        }

        @Override
        public CompletableFuture<RunResult> result() {
            return result;
        }

        @Override
        public void kill() {
            result.complete(new RunResult(new RunOutcome.Killed("stopped by the user"), Duration.ofMillis(40),
                    OptionalLong.empty(), false));
        }
    }
}
