package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.llm.ChatMessage;
import dev.cyberdevstudio.llm.TokenListener;
import java.util.List;

/** What the loop asks of a model: the next step as JSON that fits a schema, and a way to count tokens. */
public interface AgentModel {

    /** The model's name, for the answer's footer. */
    String name();

    /** How many tokens the model's context holds; prompts are trimmed to fit. */
    int contextTokens();

    int countTokens(String text);

    /**
     * The model's reply to {@code messages}, constrained to JSON matching {@code jsonSchema}, streamed to
     * {@code listener}. Must return soon after {@code cancel} says so.
     */
    ModelReply next(List<ChatMessage> messages, String jsonSchema, int maxTokens, TokenListener listener,
                    java.util.function.BooleanSupplier cancel);

    /**
     * @param cutOff  the reply hit the token limit before it was complete
     * @param failure why the model produced nothing usable (crash, cancelled), empty when it answered
     */
    record ModelReply(String text, int promptTokens, int generatedTokens, boolean cutOff,
                      java.util.Optional<String> failure) {
    }
}
