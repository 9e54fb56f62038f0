package dev.cyberdevstudio.llm;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.PoolingType;
import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.gguf.GgufInfo;
import dev.cyberdevstudio.models.gguf.GgufReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's {@link LlmRuntime} on java-llama.cpp (llama.cpp b4916, CPU).
 *
 * <p>Before a load it reads the GGUF header (a clear reason for a missing, truncated, foreign or unsupported file,
 * without touching the native runtime) and checks the memory it will need against what is free. Each loaded model
 * serves its parallel slots from a small pool of platform threads; further requests wait in that pool's queue. The
 * native library is extracted once into a folder of the studio's own ({@code de.kherud.llama.tmpdir}, by default
 * {@code $XDG_CACHE_HOME/cyberdevstudio/llama-native}) instead of the shared temporary folder.
 *
 * <p>Note for the application: after a model was loaded, llama.cpp's native threads keep the JVM alive when
 * {@code main} returns; the application must exit explicitly.
 *
 * <pre>{@code
 * var runtime = LlamaRuntime.create(ledger::record);
 * MemoryFit fit = runtime.checkFit(file, parameters);       // FITS, SHRINK_CONTEXT (with a size), TOO_BIG
 * LoadedModel model = runtime.load(file, parameters).join();
 * }</pre>
 */
public final class LlamaRuntime implements LlmRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(LlamaRuntime.class);
    static final String NATIVE_DIR_PROPERTY = "de.kherud.llama.tmpdir";

    private final UsageRecorder recorder;
    private final MemoryProbe memory;
    private final Map<String, LlamaLoadedModel> models = new ConcurrentHashMap<>();
    private final List<Consumer<RuntimeEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(
        Thread.ofPlatform().name("llm-load").daemon().factory());
    private final ScheduledExecutorService idleWatch = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("llm-idle").daemon().factory());
    private final Map<String, ScheduledFuture<?>> idleChecks = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean closed;

    private LlamaRuntime(UsageRecorder recorder, MemoryProbe memory) {
        this.recorder = recorder;
        this.memory = memory;
    }

    public static LlamaRuntime create(UsageRecorder recorder) {
        return create(recorder, MemoryProbe.system());
    }

    /** With a memory probe of the caller's, e.g. a fixed one in tests of the fit check. */
    public static LlamaRuntime create(UsageRecorder recorder, MemoryProbe memory) {
        return new LlamaRuntime(recorder, memory);
    }

    @Override
    public MemoryFit checkFit(Path model, LoadParameters parameters) {
        return MemoryEstimate.check(readHeader(model), parameters, memory.availableBytes());
    }

    @Override
    public CompletableFuture<LoadedModel> load(Path model, LoadParameters parameters) {
        if (closed) {
            return CompletableFuture.failedFuture(new LlmException("the model runtime is closed"));
        }
        return CompletableFuture.supplyAsync(() -> loadNow(model, parameters), loader);
    }

    private LoadedModel loadNow(Path file, LoadParameters parameters) {
        GgufInfo info = readHeader(file);
        MemoryFit fit = MemoryEstimate.check(info, parameters, memory.availableBytes());
        switch (fit.verdict()) {
            case TOO_BIG -> throw new LlmException(fit.reason());
            case SHRINK_CONTEXT -> throw new LlmException(fit.reason() + "; load it again with that context");
            case FITS -> LOG.debug("{}", fit.reason());
        }
        prepareNativeFolder();
        var native_ = new ModelParameters().setModel(file.toString()).setThreads(parameters.threads())
            .setThreadsBatch(parameters.threads()).setCtxSize(parameters.contextSize() * parameters.parallelSlots())
            .setBatchSize(parameters.batchSize()).setParallel(parameters.parallelSlots()).skipWarmup().disableLog();
        if (parameters.gpuLayers() > 0) {
            native_.setGpuLayers(parameters.gpuLayers());
        }
        if (parameters.embeddings()) {
            // MEAN pooling aborts the JVM in llama.cpp b4916; LAST works for decoder-only models
            native_.enableEmbedding().setPoolingType(PoolingType.LAST);
        }
        long rssBefore = memory.processResidentBytes();
        LlamaModel llama;
        try {
            llama = new LlamaModel(native_);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new LlmException("llama.cpp could not load " + file + " (" + info.architecture() + ", "
                + info.quantisation() + "): " + e.getMessage(), e);
        }
        long rss = Math.max(0, memory.processResidentBytes() - rssBefore);
        String id = file.getFileName() + "#" + loads.incrementAndGet();
        var loaded = new LlamaLoadedModel(id, file, info, parameters, Instant.now(), rss, llama, this);
        models.put(id, loaded);
        if (closed) {
            unload(id);
            throw new LlmException("the model runtime was closed while " + file + " loaded");
        }
        parameters.unloadAfterIdle().ifPresent(idle -> watchIdle(loaded, idle));
        LOG.info("loaded {} ({} parameters, {}) as {}", file, info.parameterCount(), info.quantisation(), id);
        publish(new RuntimeEvent.Loaded(loaded));
        return loaded;
    }

    private void watchIdle(LlamaLoadedModel model, Duration idle) {
        long period = Math.max(50, Math.min(idle.toMillis() / 4, 5_000));
        idleChecks.put(model.id(), idleWatch.scheduleWithFixedDelay(() -> {
            if (models.get(model.id()) == model && model.idleFor().compareTo(idle) >= 0) {
                unload(model.id(), "idle for " + (idle.toMillis() < 10_000 ? idle.toMillis() + " ms"
                    : idle.toSeconds() + " s"));
            }
        }, period, period, TimeUnit.MILLISECONDS));
    }

    private static GgufInfo readHeader(Path file) {
        if (!Files.exists(file)) {
            throw new LlmException("model file " + file + " does not exist");
        }
        try {
            return GgufReader.readSupported(file);
        } catch (ModelsException e) {
            throw new LlmException(e.getMessage(), e);
        }
    }

    /** Moves the native library's extraction out of the shared temporary folder, once. */
    static synchronized Path prepareNativeFolder() {
        String configured = System.getProperty(NATIVE_DIR_PROPERTY);
        Path folder;
        if (configured != null && !configured.isBlank()) {
            folder = Path.of(configured);
        } else {
            String cache = System.getenv("XDG_CACHE_HOME");
            Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
            folder = base.resolve("cyberdevstudio").resolve("llama-native");
            System.setProperty(NATIVE_DIR_PROPERTY, folder.toString());
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LlmException("cannot create the folder for llama.cpp's native library " + folder + ": "
                + e.getMessage(), e);
        }
        return folder;
    }

    @Override
    public void unload(String modelId) {
        unload(modelId, "unloaded");
    }

    private void unload(String modelId, String reason) {
        var model = models.remove(modelId);
        var idleCheck = idleChecks.remove(modelId);
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        if (model != null) {
            model.close();
            LOG.info("unloaded {}: {}", modelId, reason);
            publish(new RuntimeEvent.Unloaded(modelId, reason));
        }
    }

    @Override
    public List<LoadedModel> loaded() {
        return List.copyOf(models.values());
    }

    @Override
    public void addListener(Consumer<RuntimeEvent> listener) {
        listeners.add(listener);
    }

    void publish(RuntimeEvent event) {
        for (var listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a runtime listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }

    void record(UsageRecord usage) {
        try {
            recorder.record(usage);
        } catch (RuntimeException e) {
            LOG.warn("could not record usage of {}", usage.model(), e);
        }
        publish(new RuntimeEvent.GenerationEnded(usage.model(), usage));
    }

    @Override
    public void close() {
        closed = true;
        for (String id : List.copyOf(models.keySet())) {
            unload(id, "runtime closed");
        }
        loader.shutdown();
        idleWatch.shutdownNow();
    }
}
