package dev.cyberdevstudio.app.playground;

import dev.cyberdevstudio.llm.LlmException;
import dev.cyberdevstudio.llm.LlmRuntime;
import dev.cyberdevstudio.llm.LoadParameters;
import dev.cyberdevstudio.llm.LoadedModel;
import dev.cyberdevstudio.llm.MemoryFit;
import dev.cyberdevstudio.llm.RuntimeEvent;
import dev.cyberdevstudio.llm.UsageRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * TEST DOUBLE of the llama.cpp runtime: "loads" an existing file into a {@link TestModel}, after {@code loadDelay}
 * on a thread of its own. A file whose name contains "broken" fails as a file that is not GGUF would.
 */
final class TestRuntime implements LlmRuntime {

    private final UsageRecorder recorder;
    private final Duration loadDelay;
    private final Duration pieceDelay;
    private final List<LoadedModel> loaded = new CopyOnWriteArrayList<>();
    private final List<Consumer<RuntimeEvent>> listeners = new CopyOnWriteArrayList<>();
    private int loads;

    /**
     * @param pieceDelay how fast loaded models stream; zero for models that stream only when a test says
     */
    TestRuntime(UsageRecorder recorder, Duration loadDelay, Duration pieceDelay) {
        this.recorder = recorder;
        this.loadDelay = loadDelay;
        this.pieceDelay = pieceDelay;
    }

    /** Puts a model in memory now, as if loaded earlier. */
    TestModel preload(Path file) {
        var model = create(file, LoadParameters.defaults().withContextSize(256));
        loaded.add(model);
        return model;
    }

    private synchronized TestModel create(Path file, LoadParameters parameters) {
        var id = file.getFileName() + "#" + ++loads;
        return pieceDelay.isZero() ? TestModel.manual(id, file, parameters.contextSize(), recorder)
                : TestModel.streaming(id, file, parameters, recorder, pieceDelay);
    }

    /** Leaves a model out of {@link #loaded()} without telling anyone, as a listing taken mid-load would. */
    void hide(LoadedModel model) {
        loaded.remove(model);
    }

    @Override
    public MemoryFit checkFit(Path model, LoadParameters parameters) {
        return new MemoryFit(MemoryFit.Verdict.FITS, 1024, 1L << 30, OptionalInt.empty(), "fits");
    }

    @Override
    public CompletableFuture<LoadedModel> load(Path file, LoadParameters parameters) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(loadDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmException("Loading " + file.getFileName() + " was interrupted.");
            }
            if (!Files.isRegularFile(file)) {
                throw new LlmException("The model file " + file + " does not exist.");
            }
            if (file.getFileName().toString().contains("broken")) {
                throw new LlmException(file.getFileName() + " is not a GGUF file: it starts with \"JUNK\".");
            }
            var model = create(file, parameters);
            loaded.add(model);
            listeners.forEach(listener -> listener.accept(new RuntimeEvent.Loaded(model)));
            return model;
        }, command -> Thread.ofVirtual().start(command));
    }

    @Override
    public void unload(String modelId) {
        for (var model : loaded) {
            if (model.id().equals(modelId)) {
                loaded.remove(model);
                ((TestModel) model).markUnloaded();
                listeners.forEach(listener -> listener.accept(new RuntimeEvent.Unloaded(modelId, "unloaded in a test")));
            }
        }
    }

    @Override
    public List<LoadedModel> loaded() {
        return List.copyOf(loaded);
    }

    @Override
    public void addListener(Consumer<RuntimeEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        loaded().forEach(model -> unload(model.id()));
    }
}
