package dev.cyberdevstudio.engine.playground;

import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.SamplingParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the LLM playground: what was asked, how, and what came back.
 *
 * @param model            the model file's name (stable across loads, unlike a load's id)
 * @param systemPrompt     empty when the run had none
 * @param output           the text generated, also when the run was stopped or failed part way
 * @param timeToFirstToken from pressing Run to the first streamed text
 * @param error            what went wrong, when the outcome is FAILED
 */
public record PlaygroundRun(Instant startedAt, String model, String systemPrompt, String userPrompt,
                            SamplingParameters sampling, String output, int promptTokens, int generatedTokens,
                            Duration timeToFirstToken, Duration total, double tokensPerSecond,
                            GenerationOutcome outcome, Optional<String> error) {

    public PlaygroundRun {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(userPrompt, "userPrompt");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
    }

    public int totalTokens() {
        return promptTokens + generatedTokens;
    }
}
