package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.engine.agents.changes.ChangeSet;
import java.util.Optional;

/**
 * How a loop ended.
 *
 * @param answer   the model's final answer, or a sentence saying why there is none
 * @param changes  the edits it proposed, for review; empty when it proposed none
 */
public record LoopResult(Ending ending, String answer, int steps, long promptTokens, long generatedTokens,
                         long millis, Optional<ChangeSet> changes) {

    public enum Ending { ANSWERED, STEP_BUDGET, TOKEN_BUDGET, TIME_BUDGET, CANCELLED, MODEL_FAILED, NO_ROOM }
}
