package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.llm.LlmException;
import dev.cyberdevstudio.llm.LoadedModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Memory and running generations of one loaded model, read off the UI thread. */
record LoadedStats(long memoryBytes, int activeGenerations) {

    static LoadedStats of(LoadedModel model) {
        try {
            return new LoadedStats(model.memoryBytes(), model.activeGenerations());
        } catch (LlmException unloadedMeanwhile) {
            return new LoadedStats(0, 0);
        }
    }

    /** By model id, in the runtime's order. */
    static Map<String, LoadedStats> read(List<LoadedModel> models) {
        var stats = new LinkedHashMap<String, LoadedStats>();
        models.forEach(model -> stats.put(model.id(), of(model)));
        return stats;
    }
}
