package dev.cyberdevstudio.engine.usage;

import dev.cyberdevstudio.llm.UsageRecord;
import dev.cyberdevstudio.llm.UsageRecorder;
import java.util.List;

/** Every inference request's tokens and timings, kept in the store; what later issues bill against. */
public interface TokenLedger extends UsageRecorder {

    /** The newest records first. */
    List<UsageRecord> recent(int limit);

    /** Per day and model for the last {@code days} days including today, oldest day first. */
    List<DailyTokens> tokensPerDay(int days);
}
