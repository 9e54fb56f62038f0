package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.sandbox.process.ProcessLimits;
import dev.cyberdevstudio.sandbox.process.ProcessSpec;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a command for a tool in the process sandbox, in the project, with time and output limits, and records the
 * files it changed as a checkpoint (so that a test run's or a build's changes can be rolled back too).
 */
final class SandboxCommand {

    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static final int OUTPUT_TAIL_CHARS = 12_000;

    /** @param outcome "exited with code 0", "timed out after 300 s" … */
    record Ran(boolean succeeded, String outcome, String output) {
    }

    private SandboxCommand() {
    }

    static Ran run(ToolContext context, List<String> command, String title) throws InterruptedException {
        var before = context.changes().map(changes -> changes.snapshot());
        var output = new StringBuilder();
        var spec = ProcessSpec.of(context.files().root(), command)
            .withLimits(ProcessLimits.defaults().withWallTimeout(TIMEOUT));
        var handle = context.processes().start(spec, chunk -> {
            synchronized (output) {
                output.append(chunk.text());
            }
        });
        try {
            RunOutcome outcome;
            while (true) {
                try {
                    outcome = handle.result().get(100, TimeUnit.MILLISECONDS).outcome();
                    break;
                } catch (TimeoutException running) {
                    if (context.cancelled().getAsBoolean()) {
                        handle.kill();
                    }
                }
            }
            boolean succeeded = outcome instanceof RunOutcome.Exited(int code) && code == 0;
            String text;
            synchronized (output) {
                text = output.length() <= OUTPUT_TAIL_CHARS ? output.toString()
                    : "… (" + (output.length() - OUTPUT_TAIL_CHARS) + " earlier characters left out)\n"
                        + output.substring(output.length() - OUTPUT_TAIL_CHARS);
            }
            return new Ran(succeeded, outcome.describe(), text);
        } catch (ExecutionException impossible) {
            return new Ran(false, "could not run: " + impossible.getCause().getMessage(), "");
        } catch (InterruptedException interrupted) {
            handle.kill();
            throw interrupted;
        } finally {
            before.ifPresent(snapshot -> context.changes().orElseThrow().recordCommand(title, context.taskId(),
                snapshot));
        }
    }
}
