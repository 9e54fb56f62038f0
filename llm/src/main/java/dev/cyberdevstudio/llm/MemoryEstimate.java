package dev.cyberdevstudio.llm;

import dev.cyberdevstudio.models.gguf.GgufInfo;
import java.util.OptionalInt;

/**
 * Estimates what a model needs in memory before it is loaded: the weights (the file, mapped), the KV cache (F16 keys
 * and values for every layer and token of every slot) and llama.cpp's compute buffers. It assumes no grouped-query
 * attention, because the header fields it reads do not say, so it errs on the side of too much.
 */
final class MemoryEstimate {

    /** Buffers, logits and the runtime's own state, beyond weights and cache. */
    static final long BASE_OVERHEAD = 64L << 20;
    private static final int SMALLEST_CONTEXT = 256;

    private MemoryEstimate() {
    }

    static long kvBytesPerToken(GgufInfo info) {
        return 2L * 2L * Math.max(1, info.layerCount()) * Math.max(1, info.embeddingLength());
    }

    static long computeBytes(GgufInfo info, LoadParameters parameters) {
        long batch = Math.min(parameters.batchSize(), (long) parameters.contextSize() * parameters.parallelSlots());
        return BASE_OVERHEAD + batch * (4L * info.vocabularySize() + 16L * info.embeddingLength());
    }

    static long required(GgufInfo info, LoadParameters parameters) {
        long tokens = (long) parameters.contextSize() * parameters.parallelSlots();
        return info.fileSize() + tokens * kvBytesPerToken(info) + computeBytes(info, parameters);
    }

    static MemoryFit check(GgufInfo info, LoadParameters parameters, long available) {
        long required = required(info, parameters);
        String name = info.file().getFileName().toString();
        if (required <= available) {
            return new MemoryFit(MemoryFit.Verdict.FITS, required, available, OptionalInt.empty(),
                "%s needs about %s with a context of %d, and %s is free".formatted(name, mb(required),
                    parameters.contextSize(), mb(available)));
        }
        long forCache = available - info.fileSize() - computeBytes(info, parameters);
        long perSlotToken = kvBytesPerToken(info) * parameters.parallelSlots();
        long fitting = forCache <= 0 ? 0 : forCache / perSlotToken;
        int suggested = (int) Math.min(parameters.contextSize() - 1L, fitting / SMALLEST_CONTEXT * SMALLEST_CONTEXT);
        if (suggested >= SMALLEST_CONTEXT) {
            return new MemoryFit(MemoryFit.Verdict.SHRINK_CONTEXT, required, available, OptionalInt.of(suggested),
                ("%s needs about %s with a context of %d, but only %s is free; a context of %d tokens would fit")
                    .formatted(name, mb(required), parameters.contextSize(), mb(available), suggested));
        }
        return new MemoryFit(MemoryFit.Verdict.TOO_BIG, required, available, OptionalInt.empty(),
            ("%s is too big for this machine now: its weights alone take %s and at least %s is needed, but only %s is "
                + "free; close other programs or choose a smaller model").formatted(name, mb(info.fileSize()),
                mb(info.fileSize() + computeBytes(info, parameters)
                    + SMALLEST_CONTEXT * kvBytesPerToken(info) * parameters.parallelSlots()), mb(available)));
    }

    static String mb(long bytes) {
        return (bytes >> 20) + " MB";
    }
}
