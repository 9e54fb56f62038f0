package dev.cyberdevstudio.engine.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.store.StoreOpening;
import dev.cyberdevstudio.engine.store.StudioStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger in a real H2 store, as the studio opens it (real clock, the machine's time zone). */
class DatabaseTokenLedgerTest extends TokenLedgerContract {

    @TempDir
    Path data;

    private StudioStore store;

    static StudioStore open(Path data) {
        var opening = StudioStore.open(new StudioHome(data));
        assertThat(opening).isInstanceOf(StoreOpening.Opened.class);
        return ((StoreOpening.Opened) opening).store();
    }

    @BeforeEach
    void openStore() {
        store = open(data);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected TokenLedger ledger() {
        return store.tokenLedger();
    }

    @Override
    protected Instant now() {
        return Instant.now();
    }

    @Override
    protected ZoneId zone() {
        return ZoneId.systemDefault();
    }

    @Test
    void keepsRecordsAcrossReopening() {
        var record = usage(Instant.now().truncatedTo(ChronoUnit.MICROS), "tiny.gguf", 12, 34);
        store.tokenLedger().record(record);
        store.close();

        store = open(data);

        assertThat(store.tokenLedger().recent(5)).containsExactly(record);
    }

    @Test
    void aRecordTheClosedStoreCannotTakeIsDroppedWithoutFailingTheRuntime() {
        var ledger = store.tokenLedger();
        store.close();

        assertThatCode(() -> ledger.record(usage(Instant.now(), "tiny.gguf", 1, 1))).doesNotThrowAnyException();

        store = open(data);
        assertThat(store.tokenLedger().recent(5)).isEmpty();
    }
}
