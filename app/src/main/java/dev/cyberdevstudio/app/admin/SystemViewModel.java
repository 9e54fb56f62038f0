package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.engine.system.SystemSample;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.chart.XYChart;

/**
 * View model of the System tab: the machine's and the studio's CPU and memory now, and as chart series over the
 * last minutes (one point a second, at most {@code capacity} points a series, oldest dropped first).
 *
 * <p>The x value of a point is seconds relative to the newest sample's time at the moment the point was added, so
 * the time axis reads "seconds ago" once the pane shifts it; see {@link #secondsOf(Instant)}.
 */
public final class SystemViewModel {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private final int capacity;
    private final Instant origin;
    private final XYChart.Series<Number, Number> machineCpu = series("Machine");
    private final XYChart.Series<Number, Number> studioCpu = series("Studio");
    private final XYChart.Series<Number, Number> machineMemory = series("Machine used");
    private final XYChart.Series<Number, Number> studioMemory = series("Studio RSS");
    private final ReadOnlyStringWrapper machineCpuText = new ReadOnlyStringWrapper(this, "machineCpuText", "—");
    private final ReadOnlyStringWrapper machineMemoryText = new ReadOnlyStringWrapper(this, "machineMemoryText", "—");
    private final ReadOnlyStringWrapper studioCpuText = new ReadOnlyStringWrapper(this, "studioCpuText", "—");
    private final ReadOnlyStringWrapper studioMemoryText = new ReadOnlyStringWrapper(this, "studioMemoryText", "—");
    private final ReadOnlyIntegerWrapper loadedModels = new ReadOnlyIntegerWrapper(this, "loadedModels");
    private final ReadOnlyIntegerWrapper runningGenerations = new ReadOnlyIntegerWrapper(this, "runningGenerations");
    private final ReadOnlyStringWrapper modelsText = new ReadOnlyStringWrapper(this, "modelsText", "none");

    /**
     * @param capacity how many points each series keeps (the monitor's window over its interval)
     * @param origin   time zero of the x axis
     */
    public SystemViewModel(int capacity, Instant origin) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.origin = origin;
    }

    public List<XYChart.Series<Number, Number>> cpuSeries() {
        return List.of(machineCpu, studioCpu);
    }

    public List<XYChart.Series<Number, Number>> memorySeries() {
        return List.of(machineMemory, studioMemory);
    }

    /** Time zero of the x axis. */
    public Instant origin() {
        return origin;
    }

    public int capacity() {
        return capacity;
    }

    public ReadOnlyStringProperty machineCpuTextProperty() {
        return machineCpuText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty machineMemoryTextProperty() {
        return machineMemoryText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty studioCpuTextProperty() {
        return studioCpuText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty studioMemoryTextProperty() {
        return studioMemoryText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty loadedModelsProperty() {
        return loadedModels.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty runningGenerationsProperty() {
        return runningGenerations.getReadOnlyProperty();
    }

    /** "2 models, 1.4 GB · 1 generation running". */
    public ReadOnlyStringProperty modelsTextProperty() {
        return modelsText.getReadOnlyProperty();
    }

    /** Seconds since the origin: the x value of a sample taken at {@code at}. */
    public double secondsOf(Instant at) {
        return (at.toEpochMilli() - origin.toEpochMilli()) / 1000.0;
    }

    /** UI thread: fills the charts with samples taken before the pane opened. */
    void prefill(Collection<SystemSample> history) {
        history.forEach(sample -> addPoints(sample));
    }

    /** UI thread, once a second. */
    void applySample(SystemSample sample, Collection<LoadedStats> models) {
        addPoints(sample);
        machineCpuText.set(Formats.percent(sample.machineCpuLoad()) + " of " + sample.logicalProcessors() + " CPUs");
        machineMemoryText.set(Formats.bytes(sample.usedMemory()) + " used of " + Formats.bytes(sample.totalMemory())
            + " · " + Formats.bytes(sample.availableMemory()) + " free");
        studioCpuText.set(Formats.percent(sample.processCpuLoad()) + " of the machine");
        studioMemoryText.set(Formats.bytes(sample.processRss()) + " resident");
        loadedModels.set(models.size());
        int running = models.stream().mapToInt(LoadedStats::activeGenerations).sum();
        runningGenerations.set(running);
        long held = models.stream().mapToLong(LoadedStats::memoryBytes).sum();
        modelsText.set(models.isEmpty() ? "none loaded"
            : models.size() + (models.size() == 1 ? " model, " : " models, ") + Formats.bytes(held) + " · " + running
              + (running == 1 ? " generation" : " generations") + " running");
    }

    private void addPoints(SystemSample sample) {
        double x = secondsOf(sample.at());
        add(machineCpu, x, sample.machineCpuLoad() * 100);
        add(studioCpu, x, sample.processCpuLoad() * 100);
        add(machineMemory, x, sample.usedMemory() / GIB);
        add(studioMemory, x, sample.processRss() / GIB);
    }

    private void add(XYChart.Series<Number, Number> series, double x, double y) {
        var data = series.getData();
        if (data.size() >= capacity) {
            data.remove(0, data.size() - capacity + 1);
        }
        data.add(new XYChart.Data<>(x, y));
    }

    private static XYChart.Series<Number, Number> series(String name) {
        var series = new XYChart.Series<Number, Number>();
        series.setName(name);
        return series;
    }
}
