package dev.cyberdevstudio.llm;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One request's entry in the token ledger. */
public record UsageRecord(Instant startedAt, String model, RequestKind kind, int promptTokens, int generatedTokens,
                          Duration timeToFirstToken, Duration total, double tokensPerSecond,
                          GenerationOutcome outcome) {

    public enum RequestKind {
        CHAT,
        COMPLETION,
        INFILL,
        EMBEDDING
    }

    public UsageRecord {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(outcome, "outcome");
    }
}
