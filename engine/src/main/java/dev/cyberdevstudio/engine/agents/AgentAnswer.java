package dev.cyberdevstudio.engine.agents;

import dev.cyberdevstudio.engine.agents.changes.ChangeSet;
import dev.cyberdevstudio.engine.agents.loop.LoopResult;
import java.util.Optional;

/**
 * What an agent task produced for the person: an answer in markdown (the deterministic report, then the model's
 * words when a model was loaded), the edits to review, and how the loop ended.
 *
 * @param model the model that thought, empty when none was loaded
 * @param loop  the loop's ending and numbers, empty when no model ran
 */
public record AgentAnswer(String taskId, String markdown, Optional<ChangeSet> changes, Optional<String> model,
                          Optional<LoopResult> loop) {
}
