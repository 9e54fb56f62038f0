package dev.cyberdevstudio.llm;

/** Why a generation ended. */
public enum GenerationOutcome {
    /** The model ended its answer (end of turn, end of text, a stop string). */
    COMPLETED,
    /** It reached max tokens. */
    LENGTH,
    CANCELLED,
    FAILED
}
