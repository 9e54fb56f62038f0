package dev.cyberdevstudio.app.playground;

import dev.cyberdevstudio.llm.Generation;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.GenerationResult;
import dev.cyberdevstudio.llm.TokenListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * TEST DOUBLE of a {@link Generation}: text reaches the listener only when {@link #emit} is called, by the test
 * itself or by {@link TestModel}'s streaming thread. Each emitted piece counts as one token. Cancel ends it at once,
 * with the text so far, as the contract asks of the real runtime.
 */
final class TestGeneration implements Generation {

    private final TokenListener listener;
    private final List<String> script;
    private final int promptTokens;
    private final int maxTokens;
    private final List<String> stop;
    private final Consumer<GenerationResult> onEnd;
    private final long startNanos = System.nanoTime();
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<GenerationResult> result = new CompletableFuture<>();
    private int pieces;
    private long firstNanos;

    TestGeneration(TokenListener listener, List<String> script, int promptTokens, int maxTokens, List<String> stop,
                   Consumer<GenerationResult> onEnd) {
        this.listener = listener;
        this.script = List.copyOf(script);
        this.promptTokens = promptTokens;
        this.maxTokens = maxTokens;
        this.stop = List.copyOf(stop);
        this.onEnd = onEnd;
    }

    /** The pieces this generation would stream if never stopped. */
    List<String> script() {
        return script;
    }

    /**
     * Streams the next piece of the script; ends the generation when the script, max tokens or a stop string says
     * so. Returns whether it is still going.
     */
    synchronized boolean emitNext() {
        if (result.isDone()) {
            return false;
        }
        if (pieces >= script.size()) {
            end(GenerationOutcome.COMPLETED, Optional.empty());
            return false;
        }
        var piece = script.get(pieces);
        var before = text.length();
        text.append(piece);
        for (var stopString : stop) {
            var at = text.indexOf(stopString, Math.max(0, before - stopString.length()));
            if (at >= 0) {
                text.setLength(at);
                var visible = at > before ? piece.substring(0, at - before) : "";
                if (!visible.isEmpty()) {
                    emit(visible);
                }
                end(GenerationOutcome.COMPLETED, Optional.empty());
                return false;
            }
        }
        emit(piece);
        if (pieces >= maxTokens) {
            end(GenerationOutcome.LENGTH, Optional.empty());
            return false;
        }
        return true;
    }

    private void emit(String piece) {
        pieces++;
        if (pieces == 1) {
            firstNanos = System.nanoTime();
        }
        listener.onText(piece);
    }

    /** Streams the rest of the script at once. */
    void finishScript() {
        while (emitNext()) {
            // next piece
        }
    }

    /** Ends as a runtime failure would, keeping the text so far. */
    synchronized void fail(String reason) {
        end(GenerationOutcome.FAILED, Optional.of(reason));
    }

    @Override
    public synchronized void cancel() {
        end(GenerationOutcome.CANCELLED, Optional.empty());
    }

    boolean isDone() {
        return result.isDone();
    }

    private void end(GenerationOutcome outcome, Optional<String> error) {
        if (result.isDone()) {
            return;
        }
        var now = System.nanoTime();
        var firstToken = pieces == 0 ? Duration.ZERO : Duration.ofNanos(firstNanos - startNanos);
        var after = Duration.ofNanos(now - (pieces == 0 ? now : firstNanos)).toNanos() / 1e9;
        var rate = pieces > 1 && after > 0 ? (pieces - 1) / after : 0;
        var finished = new GenerationResult(text.toString(), promptTokens, pieces, firstToken,
                Duration.ofNanos(now - startNanos), rate, outcome, error);
        onEnd.accept(finished);
        result.complete(finished);
    }

    @Override
    public CompletableFuture<GenerationResult> result() {
        return result;
    }
}
