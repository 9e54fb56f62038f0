package dev.cyberdevstudio.engine.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.store.StoreOpening;
import dev.cyberdevstudio.engine.store.StudioStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history in a real H2 store. */
class DatabasePlaygroundHistoryTest extends PlaygroundHistoryContract {

    @TempDir
    Path data;

    private StudioStore store;

    private static StudioStore open(Path data) {
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
    protected PlaygroundHistory history() {
        return store.playgroundHistory();
    }

    @Test
    void keepsRunsAcrossReopening() {
        var saved = store.playgroundHistory().save(run(START, "remember me"));
        store.close();

        store = open(data);

        assertThat(store.playgroundHistory().recent(5)).containsExactly(saved);
    }

    @Test
    void aClosedStoreSaysSoInsteadOfLosingTheRunSilently() {
        var history = store.playgroundHistory();
        store.close();

        assertThatThrownBy(() -> history.save(run(START, "late"))).isInstanceOf(EngineException.class)
                .hasMessageContaining("Cannot save the playground run").hasMessageContaining("closed");
    }

    @Test
    void theLocalEngineKeepsRunsAndTokensInItsStore() {
        store.close();
        try (var engine = LocalEngine.start(new StudioHome(data))) {
            assertThat(engine.playgroundHistory()).isInstanceOf(DatabasePlaygroundHistory.class);
            assertThat(engine.tokenLedger().getClass().getSimpleName()).isEqualTo("DatabaseTokenLedger");
            engine.playgroundHistory().save(run(START, "through the engine"));
        }
        store = open(data);
        assertThat(store.playgroundHistory().recent(1)).singleElement()
                .satisfies(stored -> assertThat(stored.run().userPrompt()).isEqualTo("through the engine"));
    }
}
