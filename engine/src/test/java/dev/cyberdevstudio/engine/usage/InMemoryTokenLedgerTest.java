package dev.cyberdevstudio.engine.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryTokenLedgerTest extends TokenLedgerContract {

    /** Far from UTC, so that cutting days in UTC instead of this zone would put records on the wrong day. */
    private static final ZoneId ZONE = ZoneId.of("Pacific/Kiritimati");

    private static final Instant NOW = Instant.parse("2026-11-03T09:30:00Z");

    private final InMemoryTokenLedger ledger = new InMemoryTokenLedger(Clock.fixed(NOW, ZoneOffset.UTC), ZONE);

    @Override
    protected TokenLedger ledger() {
        return ledger;
    }

    @Override
    protected Instant now() {
        return NOW;
    }

    @Override
    protected ZoneId zone() {
        return ZONE;
    }

    @Test
    void cutsDaysInTheGivenZoneNotInUtc() {
        // 09:30 UTC is 23:30 in Kiritimati (UTC+14): still November 3rd there; 10:30 UTC is already the 4th.
        var clock = Clock.fixed(Instant.parse("2026-11-03T10:30:00Z"), ZoneOffset.UTC);
        var kiritimati = new InMemoryTokenLedger(clock, ZONE);
        kiritimati.record(usage(Instant.parse("2026-11-03T09:30:00Z"), "tiny", 1, 2));
        kiritimati.record(usage(Instant.parse("2026-11-03T10:15:00Z"), "tiny", 3, 4));

        assertThat(kiritimati.tokensPerDay(2)).containsExactly(
                new DailyTokens(LocalDate.of(2026, 11, 3), "tiny", 1, 2, 1),
                new DailyTokens(LocalDate.of(2026, 11, 4), "tiny", 3, 4, 1));
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        for (var i = 0; i < InMemoryTokenLedger.CAPACITY + 5; i++) {
            ledger.record(usage(NOW.minusSeconds(InMemoryTokenLedger.CAPACITY + 5 - i), "m" + i, 1, 1));
        }

        var all = ledger.recent(Integer.MAX_VALUE);

        assertThat(all).hasSize(InMemoryTokenLedger.CAPACITY);
        assertThat(all.getLast().model()).isEqualTo("m5");
    }
}
