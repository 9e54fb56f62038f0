package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.llm.LoadedModel;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** A model in memory, with the memory it holds and the generations it runs, refreshed every second. */
public final class LoadedModelRow {

    private final LoadedModel model;
    private final ReadOnlyLongWrapper memoryBytes = new ReadOnlyLongWrapper(this, "memoryBytes");
    private final ReadOnlyIntegerWrapper activeGenerations = new ReadOnlyIntegerWrapper(this, "activeGenerations");

    LoadedModelRow(LoadedModel model, LoadedStats stats) {
        this.model = model;
        update(stats);
    }

    public LoadedModel model() {
        return model;
    }

    public String id() {
        return model.id();
    }

    public String fileName() {
        return model.file().getFileName().toString();
    }

    /** "ctx 4096 · 4 threads · batch 512 · 1 slot". */
    public String parameters() {
        var p = model.parameters();
        return "ctx " + p.contextSize() + " · " + p.threads() + " threads · batch " + p.batchSize()
            + (p.gpuLayers() > 0 ? " · GPU " + p.gpuLayers() : "") + " · " + p.parallelSlots()
            + (p.parallelSlots() == 1 ? " slot" : " slots");
    }

    public ReadOnlyLongProperty memoryBytesProperty() {
        return memoryBytes.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty activeGenerationsProperty() {
        return activeGenerations.getReadOnlyProperty();
    }

    void update(LoadedStats stats) {
        memoryBytes.set(stats.memoryBytes());
        activeGenerations.set(stats.activeGenerations());
    }
}
