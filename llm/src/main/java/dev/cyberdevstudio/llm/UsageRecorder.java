package dev.cyberdevstudio.llm;

/** Where the runtime writes a record of every request; the engine keeps them in the store as the token ledger. */
@FunctionalInterface
public interface UsageRecorder {

    void record(UsageRecord usage);

    static UsageRecorder none() {
        return usage -> { };
    }
}
