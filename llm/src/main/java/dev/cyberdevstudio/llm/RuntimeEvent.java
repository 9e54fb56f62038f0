package dev.cyberdevstudio.llm;

/** What the runtime tells its listeners, for the admin panes. */
public sealed interface RuntimeEvent {

    record Loaded(LoadedModel model) implements RuntimeEvent {
    }

    record Unloaded(String modelId, String reason) implements RuntimeEvent {
    }

    record GenerationStarted(String modelId) implements RuntimeEvent {
    }

    record GenerationEnded(String modelId, UsageRecord usage) implements RuntimeEvent {
    }
}
