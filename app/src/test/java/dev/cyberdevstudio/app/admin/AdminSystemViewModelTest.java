package dev.cyberdevstudio.app.admin;

import static dev.cyberdevstudio.app.admin.AdminFixtures.GIB;
import static dev.cyberdevstudio.app.admin.AdminFixtures.MIB;
import static dev.cyberdevstudio.app.admin.AdminFixtures.entry;
import static dev.cyberdevstudio.app.admin.AdminFixtures.installed;
import static dev.cyberdevstudio.app.admin.AdminFixtures.sample;
import static dev.cyberdevstudio.app.admin.AdminFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.engine.system.SystemMonitor;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.RuntimeEvent;
import dev.cyberdevstudio.models.catalog.ModelRole;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The System tab's view model, and the admin view model wiring the monitor and the runtime to the tabs. */
class AdminSystemViewModelTest {

    private final Instant origin = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void showsTheNumbersOfTheLastSample() {
        var system = new SystemViewModel(300, origin);

        system.applySample(sample(origin.plusSeconds(1), 0.42, 6 * GIB, 900 * MIB),
            List.of(new LoadedStats(512 * MIB, 1), new LoadedStats(256 * MIB, 2)));

        assertThat(system.machineCpuTextProperty().get()).isEqualTo("42 % of 8 CPUs");
        assertThat(system.machineMemoryTextProperty().get()).isEqualTo("10.0 GB used of 16.0 GB · 6.0 GB free");
        assertThat(system.studioCpuTextProperty().get()).isEqualTo("11 % of the machine");
        assertThat(system.studioMemoryTextProperty().get()).isEqualTo("900 MB resident");
        assertThat(system.loadedModelsProperty().get()).isEqualTo(2);
        assertThat(system.runningGenerationsProperty().get()).isEqualTo(3);
        assertThat(system.modelsTextProperty().get()).isEqualTo("2 models, 768 MB · 3 generations running");
        var cpu = system.cpuSeries().getFirst().getData().getFirst();
        assertThat(cpu.getXValue().doubleValue()).isEqualTo(1.0);
        assertThat(cpu.getYValue().doubleValue()).isEqualTo(42.0);
        var rss = system.memorySeries().get(1).getData().getFirst();
        assertThat(rss.getYValue().doubleValue()).isCloseTo(900.0 / 1024, within(1e-9));
    }

    @Test
    void keepsOnlyTheLastMinutesOfPoints() {
        var system = new SystemViewModel(5, origin);

        for (int second = 0; second < 12; second++) {
            system.applySample(sample(origin.plusSeconds(second), 0.1, 8 * GIB, 100 * MIB), List.of());
        }

        for (var series : List.of(system.cpuSeries().get(0), system.cpuSeries().get(1), system.memorySeries().get(0),
            system.memorySeries().get(1))) {
            assertThat(series.getData()).hasSize(5);
            assertThat(series.getData().getFirst().getXValue().doubleValue()).isEqualTo(7.0);
            assertThat(series.getData().getLast().getXValue().doubleValue()).isEqualTo(11.0);
        }
        assertThat(system.modelsTextProperty().get()).isEqualTo("none loaded");
        assertThatThrownBy(() -> new SystemViewModel(0, origin)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAdminViewModelFeedsSamplesAndRuntimeEventsToTheTabsUntilClosed() {
        var backend = new TestModelsBackend();
        backend.catalog.add(entry("coder", ModelRole.CODE, "coder.gguf", 100 * MIB));
        backend.install(installed(Path.of("/m"), "coder.gguf", Optional.of("coder")));
        var ledger = new TestTokenLedger();
        try (var monitor = SystemMonitor.start(Duration.ofHours(1), Duration.ofHours(5))) {
            monitor.sampleNow();
            var admin = new AdminViewModel(new CurrentThreadTaskExecutor(), backend, monitor, ledger,
                new TestAdminDialogs(), Clock.fixed(origin, ZoneOffset.UTC));
            admin.start();
            admin.start();

            assertThat(admin.models().catalog()).hasSize(1);
            assertThat(admin.models().installed()).hasSize(1);
            assertThat(admin.system().capacity()).isEqualTo(5);
            assertThat(admin.system().cpuSeries().getFirst().getData()).hasSize(1);

            admin.models().selectedInstalledProperty().set(admin.models().installed().getFirst());
            admin.models().load().join();
            backend.runtime.loadedModel(0).generations.set(1);
            backend.runtime.loadedModel(0).memory.set(300 * MIB);
            admin.onSample(sample(origin.plusSeconds(5), 0.5, 4 * GIB, 800 * MIB));

            assertThat(admin.system().runningGenerationsProperty().get()).isEqualTo(1);
            assertThat(admin.models().loaded().getFirst().memoryBytesProperty().get()).isEqualTo(300 * MIB);
            assertThat(admin.models().freeMemoryProperty().get()).isEqualTo(4 * GIB);

            var record = usage(Instant.now(), "coder.gguf", 5, 6, GenerationOutcome.COMPLETED);
            ledger.record(record);
            backend.runtime.emit(new RuntimeEvent.GenerationEnded("coder.gguf#1", record));
            assertThat(admin.usage().requests()).containsExactly(record);

            backend.install(installed(Path.of("/m"), "more.gguf", Optional.empty()));
            assertThat(admin.models().installed()).hasSize(2);

            admin.close();
            var later = usage(Instant.now(), "coder.gguf", 1, 1, GenerationOutcome.COMPLETED);
            ledger.record(later);
            backend.runtime.emit(new RuntimeEvent.GenerationEnded("coder.gguf#1", later));
            admin.onSample(sample(origin.plusSeconds(6), 0.9, 1 * GIB, 800 * MIB));
            assertThat(admin.usage().requests()).hasSize(1);
            assertThat(admin.models().freeMemoryProperty().get()).isEqualTo(4 * GIB);
        }
    }
}
