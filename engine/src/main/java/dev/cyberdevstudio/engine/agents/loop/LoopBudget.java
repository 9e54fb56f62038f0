package dev.cyberdevstudio.engine.agents.loop;

import java.time.Duration;

/**
 * When a loop must stop even without an answer.
 *
 * @param maxReplyTokens tokens the model may spend on one step
 */
public record LoopBudget(int maxSteps, long maxTokens, Duration maxTime, int maxReplyTokens) {

    public static LoopBudget defaults() {
        return new LoopBudget(12, 60_000, Duration.ofMinutes(10), 768);
    }
}
