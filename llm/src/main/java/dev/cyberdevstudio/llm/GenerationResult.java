package dev.cyberdevstudio.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished generation and its numbers.
 *
 * @param promptTokens       tokens of the rendered prompt, counted with the model's tokenizer
 * @param generatedTokens    tokens generated, counted with the model's tokenizer
 * @param timeToFirstToken   from the request to the first streamed text (includes queueing and prompt processing)
 * @param tokensPerSecond    generated tokens over the time after the first token
 * @param error              what went wrong, when the outcome is FAILED
 */
public record GenerationResult(String text, int promptTokens, int generatedTokens, Duration timeToFirstToken,
                               Duration total, double tokensPerSecond, GenerationOutcome outcome,
                               Optional<String> error) {

    public GenerationResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
    }
}
