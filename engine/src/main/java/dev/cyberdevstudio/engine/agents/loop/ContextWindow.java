package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.llm.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Keeps a conversation within the model's context: counts its tokens with the model's tokenizer and, when it does
 * not fit with room for the reply, shortens the oldest tool results first (the system prompt, the task and the
 * model's own calls stay whole).
 */
final class ContextWindow {

    /** Tokens a chat template adds around each message, give or take. */
    static final int PER_MESSAGE_OVERHEAD = 8;
    static final String TRIMMED = "[output left out to fit the model's context]";

    private final ToIntFunction<String> counter;
    private final int room;

    /** @param room tokens the messages may take: the context less the reply's tokens */
    ContextWindow(ToIntFunction<String> counter, int room) {
        this.counter = counter;
        this.room = room;
    }

    int tokens(List<ChatMessage> messages) {
        return messages.stream().mapToInt(message -> counter.applyAsInt(message.content()) + PER_MESSAGE_OVERHEAD)
            .sum();
    }

    record Fitted(List<ChatMessage> messages, int trimmedMessages, int tokensFreed, boolean fits) {
    }

    Fitted fit(List<ChatMessage> messages) {
        var fitted = new ArrayList<>(messages);
        int total = tokens(fitted);
        int trimmed = 0;
        int freed = 0;
        for (int i = 0; i < fitted.size() && total > room; i++) {
            var message = fitted.get(i);
            if (message.role() != ChatMessage.Role.TOOL || message.content().equals(TRIMMED)) {
                continue;
            }
            int before = counter.applyAsInt(message.content());
            int after = counter.applyAsInt(TRIMMED);
            fitted.set(i, new ChatMessage(ChatMessage.Role.TOOL, TRIMMED));
            total -= before - after;
            freed += before - after;
            trimmed++;
        }
        return new Fitted(fitted, trimmed, freed, total <= room);
    }
}
