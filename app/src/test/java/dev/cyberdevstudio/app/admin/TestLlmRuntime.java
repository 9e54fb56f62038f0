package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.llm.LlmException;
import dev.cyberdevstudio.llm.LlmRuntime;
import dev.cyberdevstudio.llm.LoadParameters;
import dev.cyberdevstudio.llm.LoadedModel;
import dev.cyberdevstudio.llm.MemoryFit;
import dev.cyberdevstudio.llm.RuntimeEvent;
import dev.cyberdevstudio.models.gguf.GgufInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Test double of the llama.cpp runtime: the fit verdict is whatever the test says, a load makes a
 * {@link TestLoadedModel} holding {@code memoryPerLoad} bytes, and events go to the listeners as the real one sends
 * them.
 */
final class TestLlmRuntime implements LlmRuntime {

    final List<LoadParameters> loads = new CopyOnWriteArrayList<>();
    final List<Path> fitChecks = new CopyOnWriteArrayList<>();
    volatile BiFunction<Path, LoadParameters, MemoryFit> fit = (file, parameters) -> fits();
    volatile Optional<String> loadFailure = Optional.empty();
    volatile long memoryPerLoad = 512L * 1024 * 1024;
    private final Map<Path, GgufInfo> headers = new ConcurrentHashMap<>();
    private final List<TestLoadedModel> loaded = new CopyOnWriteArrayList<>();
    private final List<Consumer<RuntimeEvent>> listeners = new CopyOnWriteArrayList<>();
    private int counter;

    static MemoryFit fits() {
        return new MemoryFit(MemoryFit.Verdict.FITS, 600L << 20, 8L << 30, OptionalInt.empty(),
            "Needs 600 MB, 8 GB free");
    }

    void knows(GgufInfo info) {
        headers.put(info.file(), info);
    }

    @Override
    public MemoryFit checkFit(Path model, LoadParameters parameters) {
        fitChecks.add(model);
        return fit.apply(model, parameters);
    }

    @Override
    public synchronized CompletableFuture<LoadedModel> load(Path model, LoadParameters parameters) {
        loads.add(parameters);
        if (loadFailure.isPresent()) {
            return CompletableFuture.failedFuture(new LlmException(loadFailure.get()));
        }
        var info = headers.get(model);
        if (info == null) {
            return CompletableFuture.failedFuture(new LlmException(model.getFileName() + " does not exist"));
        }
        var loadedModel = new TestLoadedModel(model.getFileName() + "#" + (++counter), info, parameters,
            memoryPerLoad);
        loaded.add(loadedModel);
        emit(new RuntimeEvent.Loaded(loadedModel));
        return CompletableFuture.completedFuture(loadedModel);
    }

    @Override
    public void unload(String modelId) {
        if (loaded.removeIf(model -> model.id().equals(modelId))) {
            emit(new RuntimeEvent.Unloaded(modelId, "unloaded on request"));
        }
    }

    @Override
    public List<LoadedModel> loaded() {
        return List.copyOf(loaded);
    }

    TestLoadedModel loadedModel(int index) {
        return loaded.get(index);
    }

    @Override
    public void addListener(Consumer<RuntimeEvent> listener) {
        listeners.add(listener);
    }

    void emit(RuntimeEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    @Override
    public void close() {
        List.copyOf(loaded).forEach(model -> unload(model.id()));
    }
}
