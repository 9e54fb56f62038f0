package dev.cyberdevstudio.llm;

import dev.cyberdevstudio.models.gguf.GgufInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A model in memory, ready for requests. Requests beyond its parallel slots wait in a queue. Every method throws
 * {@link LlmException} once the model has been unloaded.
 */
public interface LoadedModel {

    /** Unique per load, e.g. the file name plus a counter. */
    String id();

    Path file();

    GgufInfo info();

    LoadParameters parameters();

    Instant loadedAt();

    /** Resident memory attributed to this model (growth of the process RSS across the load). */
    long memoryBytes();

    /** Generations running or queued now. */
    int activeGenerations();

    /** Starts a generation; text streams to the listener, the handle gives the result and cancel. */
    Generation generate(GenerationRequest request, TokenListener listener);

    /** The chat template applied to these messages, as the model will see it. */
    String renderChat(List<ChatMessage> messages);

    int countTokens(String text);

    int[] tokenize(String text);

    String detokenize(int[] tokens);

    /** Needs a model loaded with {@link LoadParameters#embeddings()}. */
    float[] embed(String text);

    boolean supportsInfill();
}
