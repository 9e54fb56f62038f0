package dev.cyberdevstudio.llm;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Loads GGUF models into llama.cpp and hands out {@link LoadedModel}s. One per studio (or server).
 *
 * <pre>{@code
 * try (var runtime = LlamaRuntime.create(UsageRecorder.none())) {
 *     var model = runtime.load(file, LoadParameters.defaults()).join();
 *     var result = model.generate(new GenerationRequest.Chat(List.of(ChatMessage.user("Hi")),
 *         SamplingParameters.defaults(), OutputConstraint.free()), System.out::print).result().join();
 * }
 * }</pre>
 */
public interface LlmRuntime extends AutoCloseable {

    /** Reads the header and the machine's free memory; loads nothing. */
    MemoryFit checkFit(Path model, LoadParameters parameters);

    /**
     * Loads off the caller's thread. Fails with an {@link LlmException} naming the file and the cause (missing, not
     * GGUF, unsupported architecture, too big for memory) without touching the native runtime when the header
     * already tells.
     */
    CompletableFuture<LoadedModel> load(Path model, LoadParameters parameters);

    /** Cancels its generations and frees it. Unknown ids are ignored. */
    void unload(String modelId);

    List<LoadedModel> loaded();

    /** Listeners are called on runtime threads. */
    void addListener(Consumer<RuntimeEvent> listener);

    /** Unloads everything. */
    @Override
    void close();
}
