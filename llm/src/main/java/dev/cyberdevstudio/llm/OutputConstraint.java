package dev.cyberdevstudio.llm;

/** What shape the generated text must have. */
public sealed interface OutputConstraint {

    /** Any text. */
    record Free() implements OutputConstraint {
    }

    /** Text the GBNF grammar accepts. */
    record Grammar(String gbnf) implements OutputConstraint {
    }

    /** JSON valid against the schema (turned into a grammar by the runtime). */
    record JsonSchema(String schema) implements OutputConstraint {
    }

    static OutputConstraint free() {
        return new Free();
    }
}
