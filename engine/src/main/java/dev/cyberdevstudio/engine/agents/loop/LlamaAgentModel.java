package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.llm.ChatMessage;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.GenerationRequest;
import dev.cyberdevstudio.llm.LoadedModel;
import dev.cyberdevstudio.llm.OutputConstraint;
import dev.cyberdevstudio.llm.SamplingParameters;
import dev.cyberdevstudio.llm.TokenListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A model loaded in llama.cpp, asked through its own chat template with the output held to the step's JSON Schema by
 * a grammar: whatever the model is, its reply parses.
 */
public final class LlamaAgentModel implements AgentModel {

    private static final long POLL_MILLIS = 50;

    private final LoadedModel model;
    private final SamplingParameters sampling;

    public LlamaAgentModel(LoadedModel model, SamplingParameters sampling) {
        this.model = model;
        this.sampling = sampling;
    }

    @Override
    public String name() {
        return model.file().getFileName().toString();
    }

    @Override
    public int contextTokens() {
        return model.parameters().contextSize();
    }

    @Override
    public int countTokens(String text) {
        return model.countTokens(text);
    }

    @Override
    public ModelReply next(List<ChatMessage> messages, String jsonSchema, int maxTokens, TokenListener listener,
                           BooleanSupplier cancel) {
        var generation = model.generate(new GenerationRequest.Chat(messages, sampling.withMaxTokens(maxTokens),
            new OutputConstraint.JsonSchema(jsonSchema)), listener);
        while (true) {
            try {
                var result = generation.result().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                var failure = switch (result.outcome()) {
                    case FAILED -> Optional.of(result.error().orElse("the model failed"));
                    case CANCELLED -> Optional.of("cancelled");
                    case COMPLETED, LENGTH -> Optional.<String>empty();
                };
                return new ModelReply(result.text(), result.promptTokens(), result.generatedTokens(),
                    result.outcome() == GenerationOutcome.LENGTH,
                    result.outcome() == GenerationOutcome.LENGTH && result.text().isBlank()
                        ? Optional.of("the model produced nothing within " + maxTokens + " tokens") : failure);
            } catch (TimeoutException stillRunning) {
                if (cancel.getAsBoolean()) {
                    generation.cancel();
                }
            } catch (InterruptedException interrupted) {
                generation.cancel();
                Thread.currentThread().interrupt();
                return new ModelReply("", 0, 0, false, Optional.of("cancelled"));
            } catch (ExecutionException impossible) {
                return new ModelReply("", 0, 0, false, Optional.of(String.valueOf(impossible.getCause())));
            }
        }
    }
}
