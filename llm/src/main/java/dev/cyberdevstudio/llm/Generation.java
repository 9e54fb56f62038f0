package dev.cyberdevstudio.llm;

import java.util.concurrent.CompletableFuture;

/** A generation under way. The result never completes exceptionally: failures are {@link GenerationOutcome#FAILED}. */
public interface Generation {

    /** Stops generating at once; the result then says CANCELLED and holds the text produced so far. */
    void cancel();

    CompletableFuture<GenerationResult> result();
}
