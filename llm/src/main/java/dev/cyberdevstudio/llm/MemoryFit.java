package dev.cyberdevstudio.llm;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Whether a model with given parameters fits in the memory the machine has free, checked before loading.
 *
 * @param requiredBytes   weights plus KV cache plus compute buffers, estimated
 * @param availableBytes  free memory as the OS reports it now
 * @param suggestedContext a smaller context that would fit, when the verdict is SHRINK_CONTEXT
 * @param reason          a sentence for the user with the numbers
 */
public record MemoryFit(Verdict verdict, long requiredBytes, long availableBytes, OptionalInt suggestedContext,
                        String reason) {

    public enum Verdict {
        FITS,
        SHRINK_CONTEXT,
        TOO_BIG
    }

    public MemoryFit {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(suggestedContext, "suggestedContext");
        Objects.requireNonNull(reason, "reason");
    }
}
