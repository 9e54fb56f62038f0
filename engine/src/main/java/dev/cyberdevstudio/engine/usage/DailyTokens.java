package dev.cyberdevstudio.engine.usage;

import java.time.LocalDate;
import java.util.Objects;

/** Tokens one model used on one day (in the machine's time zone), summed over the ledger. */
public record DailyTokens(LocalDate day, String model, long promptTokens, long generatedTokens, int requests) {

    public DailyTokens {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(model, "model");
    }

    public long totalTokens() {
        return promptTokens + generatedTokens;
    }
}
