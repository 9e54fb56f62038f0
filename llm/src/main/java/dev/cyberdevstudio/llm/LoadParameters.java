package dev.cyberdevstudio.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * How to load a model.
 *
 * @param threads        CPU threads for generation (and prompt processing)
 * @param contextSize    tokens of context per slot
 * @param batchSize      prompt tokens processed per batch
 * @param gpuLayers      layers to offload where a GPU build is present (0 on a CPU-only build)
 * @param parallelSlots  requests served at once; further requests queue
 * @param embeddings     load for embeddings instead of generation
 * @param unloadAfterIdle unload by itself after this long without a request
 */
public record LoadParameters(int threads, int contextSize, int batchSize, int gpuLayers, int parallelSlots,
                             boolean embeddings, Optional<Duration> unloadAfterIdle) {

    public LoadParameters {
        if (threads < 1 || contextSize < 16 || batchSize < 1 || gpuLayers < 0 || parallelSlots < 1) {
            throw new IllegalArgumentException("threads, context, batch and slots must be positive, GPU layers >= 0");
        }
    }

    public static LoadParameters defaults() {
        return new LoadParameters(Math.max(1, Runtime.getRuntime().availableProcessors()), 4096, 512, 0, 1, false,
            Optional.empty());
    }

    public LoadParameters withContextSize(int size) {
        return new LoadParameters(threads, size, batchSize, gpuLayers, parallelSlots, embeddings, unloadAfterIdle);
    }
}
