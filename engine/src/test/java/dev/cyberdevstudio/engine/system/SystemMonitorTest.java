package dev.cyberdevstudio.engine.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The monitor against the real machine through OSHI: real numbers, a bounded buffer, listeners, close. */
class SystemMonitorTest {

    @Test
    void readsRealMemoryAndProcessNumbers() {
        try (var monitor = SystemMonitor.start()) {
            var sample = monitor.sampleNow();

            assertThat(sample.totalMemory()).isPositive();
            assertThat(sample.availableMemory()).isPositive().isLessThanOrEqualTo(sample.totalMemory());
            assertThat(sample.usedMemory()).isEqualTo(sample.totalMemory() - sample.availableMemory());
            // This JVM holds at least its heap's live part and the JDK's classes in memory.
            assertThat(sample.processRss()).isGreaterThan(10L * 1024 * 1024).isLessThan(sample.totalMemory());
            assertThat(sample.logicalProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(sample.machineCpuLoad()).isBetween(0.0, 1.0);
            assertThat(sample.processCpuLoad()).isBetween(0.0, 1.0);
            assertThat(monitor.latest()).contains(sample);
        }
    }

    @Test
    void seesThisProcessBurnCpu() {
        try (var monitor = SystemMonitor.start()) {
            monitor.sampleNow();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
            long spin = 0;
            while (System.nanoTime() < end) {
                spin += Long.numberOfTrailingZeros(spin + end);
            }
            var busy = monitor.sampleNow();

            assertThat(spin).isNotNegative();
            // One thread busy for the whole interval is up to 1/cpus of the machine; on a shared machine it may get
            // far less, but never none.
            assertThat(busy.processCpuLoad()).isPositive().isLessThanOrEqualTo(1.0);
            assertThat(busy.machineCpuLoad()).isPositive();
        }
    }

    @Test
    void keepsOnlyTheWindowOfSamples() throws Exception {
        try (var monitor = SystemMonitor.start(Duration.ofMillis(20), Duration.ofMillis(100))) {
            assertThat(monitor.capacity()).isEqualTo(5);
            for (int i = 0; i < 12; i++) {
                monitor.sampleNow();
            }

            var history = monitor.history();
            assertThat(history).hasSize(5);
            assertThat(history).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
            assertThat(history.getLast()).isEqualTo(monitor.latest().orElseThrow());
        }
    }

    @Test
    void tellsListenersOnItsScheduleAndStopsWhenClosed() throws Exception {
        var seen = new CopyOnWriteArrayList<SystemSample>();
        var three = new CountDownLatch(3);
        var monitor = SystemMonitor.start(Duration.ofMillis(50), Duration.ofSeconds(5));
        monitor.addListener(sample -> {
            throw new IllegalStateException("a broken listener must not stop the others");
        });
        monitor.addListener(sample -> {
            seen.add(sample);
            three.countDown();
        });

        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        monitor.close();
        int afterClose = seen.size();
        Thread.sleep(300);

        assertThat(monitor.isClosed()).isTrue();
        assertThat(seen).hasSize(afterClose);
        assertThat(monitor.history()).containsAll(List.copyOf(seen));
    }

    @Test
    void removedListenerHearsNoMore() throws Exception {
        var seen = new CopyOnWriteArrayList<SystemSample>();
        try (var monitor = SystemMonitor.start(Duration.ofMillis(30), Duration.ofSeconds(1))) {
            Consumer<SystemSample> listener = seen::add;
            monitor.addListener(listener);
            monitor.removeListener(listener);
            Thread.sleep(200);
            assertThat(seen).isEmpty();
            assertThat(monitor.interval()).isEqualTo(Duration.ofMillis(30));
        }
    }

    @Test
    void refusesAWindowShorterThanTheInterval() {
        assertThatThrownBy(() -> SystemMonitor.start(Duration.ofSeconds(2), Duration.ofSeconds(1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SystemMonitor.start(Duration.ZERO, Duration.ofSeconds(1)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
