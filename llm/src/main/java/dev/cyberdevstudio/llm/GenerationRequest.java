package dev.cyberdevstudio.llm;

import java.util.List;
import java.util.Objects;

/** One request to a loaded model for text. */
public sealed interface GenerationRequest {

    SamplingParameters sampling();

    OutputConstraint constraint();

    /** A conversation rendered with the model's chat template. */
    record Chat(List<ChatMessage> messages, SamplingParameters sampling, OutputConstraint constraint)
        implements GenerationRequest {
        public Chat {
            messages = List.copyOf(messages);
            Objects.requireNonNull(sampling, "sampling");
            Objects.requireNonNull(constraint, "constraint");
        }
    }

    /** Plain continuation of a prompt. */
    record Completion(String prompt, SamplingParameters sampling, OutputConstraint constraint)
        implements GenerationRequest {
        public Completion {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(sampling, "sampling");
            Objects.requireNonNull(constraint, "constraint");
        }
    }

    /** Fill in the middle between a prefix and a suffix, where the model has FIM tokens. */
    record Infill(String prefix, String suffix, SamplingParameters sampling) implements GenerationRequest {
        public Infill {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(suffix, "suffix");
            Objects.requireNonNull(sampling, "sampling");
        }

        @Override
        public OutputConstraint constraint() {
            return OutputConstraint.free();
        }
    }
}
