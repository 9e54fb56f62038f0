package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.llm.ChatMessage;
import dev.cyberdevstudio.llm.TokenListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** A model that replies from a script (one reply per step, the last repeated), counting a token per word. */
public final class ScriptedModel implements AgentModel {

    private final Deque<String> replies;
    private final int context;
    final List<List<ChatMessage>> prompts = new ArrayList<>();
    final List<String> schemas = new ArrayList<>();

    public ScriptedModel(int context, String... replies) {
        this.context = context;
        this.replies = new ArrayDeque<>(List.of(replies));
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public int contextTokens() {
        return context;
    }

    @Override
    public int countTokens(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    @Override
    public ModelReply next(List<ChatMessage> messages, String jsonSchema, int maxTokens, TokenListener listener,
                           BooleanSupplier cancel) {
        prompts.add(messages);
        schemas.add(jsonSchema);
        var reply = replies.size() > 1 ? replies.poll() : replies.peek();
        listener.onText(reply);
        return new ModelReply(reply, messages.stream().mapToInt(message -> countTokens(message.content())).sum(),
            countTokens(reply), false, Optional.empty());
    }
}
