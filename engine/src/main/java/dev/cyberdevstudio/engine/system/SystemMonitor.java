package dev.cyberdevstudio.engine.system;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Samples the machine's CPU and memory and this process's resident memory and CPU (through OSHI) at a fixed
 * interval, keeps the last few minutes in a ring buffer and tells listeners about each sample.
 *
 * <pre>{@code
 * try (var monitor = SystemMonitor.start()) {              // every second, last 5 minutes
 *     monitor.addListener(sample -> show(sample.processRss()));
 *     List<SystemSample> lastMinutes = monitor.history();
 * }
 * }</pre>
 *
 * Sampling runs on one daemon virtual thread; listeners are called there, one after another, so they must be quick
 * and hand UI work to their own thread. A listener that throws is logged and kept.
 */
public final class SystemMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SystemMonitor.class);

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration interval;
    private final int capacity;
    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final int pid;
    private final ArrayDeque<SystemSample> buffer;
    private final List<Consumer<SystemSample>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private long[] previousTicks;
    private OSProcess previousProcess;
    private double machineLoad;

    private SystemMonitor(Clock clock, Duration interval, Duration window) {
        this.clock = clock;
        this.interval = interval;
        this.capacity = (int) Math.max(1, window.toMillis() / Math.max(1, interval.toMillis()));
        this.buffer = new ArrayDeque<>(capacity);
        var info = new SystemInfo();
        this.processor = info.getHardware().getProcessor();
        this.memory = info.getHardware().getMemory();
        this.os = info.getOperatingSystem();
        this.pid = os.getProcessId();
        this.previousTicks = processor.getSystemCpuLoadTicks();
        this.previousProcess = os.getProcess(pid);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("system-monitor").factory());
    }

    /** Samples every second and keeps the last five minutes. */
    public static SystemMonitor start() {
        return start(DEFAULT_INTERVAL, DEFAULT_WINDOW);
    }

    /** Samples every {@code interval} and keeps as many samples as fit in {@code window}. */
    public static SystemMonitor start(Duration interval, Duration window) {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(window, "window");
        if (interval.isNegative() || interval.isZero() || window.compareTo(interval) < 0) {
            throw new IllegalArgumentException("interval must be positive and no longer than the window");
        }
        var monitor = new SystemMonitor(Clock.systemUTC(), interval, window);
        monitor.scheduler.scheduleAtFixedRate(monitor::tick, interval.toMillis(), interval.toMillis(),
            TimeUnit.MILLISECONDS);
        return monitor;
    }

    public Duration interval() {
        return interval;
    }

    /** How many samples the buffer holds at most: window divided by interval. */
    public int capacity() {
        return capacity;
    }

    /** The buffered samples, oldest first. */
    public List<SystemSample> history() {
        synchronized (buffer) {
            return List.copyOf(buffer);
        }
    }

    public Optional<SystemSample> latest() {
        synchronized (buffer) {
            return Optional.ofNullable(buffer.peekLast());
        }
    }

    /** Called with every new sample on the sampling thread. */
    public void addListener(Consumer<SystemSample> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<SystemSample> listener) {
        listeners.remove(listener);
    }

    /** Takes a reading now (CPU loads are measured since the previous reading) and adds it to the buffer. */
    public SystemSample sampleNow() {
        SystemSample sample;
        synchronized (this) {
            var ticks = processor.getSystemCpuLoadTicks();
            // OSHI caches the ticks for about 300 ms: a reading sooner than that sees the same ticks and would say
            // 0 %, then twice the truth. Keep the last load until the ticks move.
            if (!Arrays.equals(ticks, previousTicks)) {
                machineLoad = processor.getSystemCpuLoadBetweenTicks(previousTicks);
                previousTicks = ticks;
            }
            var process = os.getProcess(pid);
            int cpus = Math.max(1, processor.getLogicalProcessorCount());
            long rss = 0;
            double processLoad = 0;
            if (process != null) {
                rss = process.getResidentMemory();
                // OSHI gives busy time over wall time, which reaches the number of processors; share of machine.
                processLoad = previousProcess == null ? 0 : process.getProcessCpuLoadBetweenTicks(previousProcess);
                previousProcess = process;
            }
            sample = new SystemSample(clock.instant(), clamp(machineLoad), memory.getTotal(), memory.getAvailable(),
                rss, clamp(processLoad / cpus), cpus);
        }
        synchronized (buffer) {
            if (buffer.size() == capacity) {
                buffer.removeFirst();
            }
            buffer.addLast(sample);
        }
        return sample;
    }

    private void tick() {
        SystemSample sample;
        try {
            sample = sampleNow();
        } catch (RuntimeException error) {
            // One failed reading (a /proc file racing) must not stop the schedule.
            LOG.warn("Could not read system status", error);
            return;
        }
        for (var listener : listeners) {
            try {
                listener.accept(sample);
            } catch (RuntimeException error) {
                LOG.warn("A system status listener failed", error);
            }
        }
    }

    private static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }

    /** Stops sampling; the buffer stays readable. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        listeners.clear();
    }

    public boolean isClosed() {
        return scheduler.isShutdown();
    }
}
