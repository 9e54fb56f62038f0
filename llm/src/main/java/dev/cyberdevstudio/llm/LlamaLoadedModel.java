package dev.cyberdevstudio.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kherud.llama.LlamaModel;
import dev.cyberdevstudio.models.gguf.GgufInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model in llama.cpp. Every native call holds the read lock and unloading takes the write lock, so no request can
 * touch a freed model (which would crash the JVM, not throw). Generations run on one platform thread per parallel slot;
 * the executor's queue is the request queue.
 */
final class LlamaLoadedModel implements LoadedModel {

    private static final Logger LOG = LoggerFactory.getLogger(LlamaLoadedModel.class);
    private static final ObjectMapper SCHEMA_READER = new ObjectMapper();

    private final String id;
    private final Path file;
    private final GgufInfo info;
    private final LoadParameters parameters;
    private final Instant loadedAt;
    private final long memoryBytes;
    private final LlamaModel llama;
    private final LlamaRuntime runtime;
    private final ExecutorService slots;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<LlamaGeneration> active = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile long lastUsed = System.nanoTime();

    LlamaLoadedModel(String id, Path file, GgufInfo info, LoadParameters parameters, Instant loadedAt,
                     long memoryBytes, LlamaModel llama, LlamaRuntime runtime) {
        this.id = id;
        this.file = file;
        this.info = info;
        this.parameters = parameters;
        this.loadedAt = loadedAt;
        this.memoryBytes = memoryBytes;
        this.llama = llama;
        this.runtime = runtime;
        this.slots = Executors.newFixedThreadPool(parameters.parallelSlots(),
            Thread.ofPlatform().name("llm-slot-" + id + "-", 0).daemon().factory());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public GgufInfo info() {
        return info;
    }

    @Override
    public LoadParameters parameters() {
        return parameters;
    }

    @Override
    public Instant loadedAt() {
        return loadedAt;
    }

    @Override
    public long memoryBytes() {
        return memoryBytes;
    }

    @Override
    public int activeGenerations() {
        return active.size();
    }

    @Override
    public boolean supportsInfill() {
        return info.hasFillInMiddle();
    }

    @Override
    public Generation generate(GenerationRequest request, TokenListener listener) {
        ensureOpen();
        if (request instanceof GenerationRequest.Infill && !supportsInfill()) {
            throw new LlmException(file.getFileName() + " cannot fill in the middle: its vocabulary has no "
                + "prefix/suffix/middle tokens; use a code model with FIM support");
        }
        String grammar = grammarFor(request.constraint());
        touch();
        var generation = new LlamaGeneration(this, request, listener, grammar);
        active.add(generation);
        runtime.publish(new RuntimeEvent.GenerationStarted(id));
        try {
            slots.execute(generation::run);
        } catch (RejectedExecutionException e) {
            generation.cancel();
        }
        return generation;
    }

    private String grammarFor(OutputConstraint constraint) {
        return switch (constraint) {
            case OutputConstraint.Free free -> "";
            case OutputConstraint.Grammar grammar -> {
                GbnfCheck.check(grammar.gbnf());
                yield grammar.gbnf();
            }
            case OutputConstraint.JsonSchema schema -> {
                // the native converter aborts the whole JVM on malformed JSON, so it only ever sees parsed objects
                try {
                    if (!SCHEMA_READER.readTree(schema.schema()).isObject()) {
                        throw new LlmException("the JSON schema must be a JSON object: " + schema.schema());
                    }
                } catch (JsonProcessingException e) {
                    throw new LlmException("the JSON schema is not valid JSON: " + e.getOriginalMessage(), e);
                }
                try {
                    yield LlamaModel.jsonSchemaToGrammar(schema.schema());
                } catch (RuntimeException e) {
                    throw new LlmException("the JSON schema cannot be turned into a grammar: " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public String renderChat(List<ChatMessage> messages) {
        var json = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            json.append(i == 0 ? "" : ",").append("{\"role\":").append(Json.quote(message.role().name()
                .toLowerCase(java.util.Locale.ROOT))).append(",\"content\":").append(Json.quote(message.content()))
                .append('}');
        }
        json.append("]}");
        return call("render the chat template", () -> llama.applyTemplate(json.toString()));
    }

    @Override
    public int countTokens(String text) {
        return tokenize(text).length;
    }

    @Override
    public int[] tokenize(String text) {
        return call("tokenize", () -> llama.encode(text));
    }

    @Override
    public String detokenize(int[] tokens) {
        return call("detokenize", () -> llama.decode(tokens));
    }

    @Override
    public float[] embed(String text) {
        ensureOpen();
        if (!parameters.embeddings()) {
            throw new LlmException(file.getFileName() + " was loaded for generation; load it with embeddings on to "
                + "embed text");
        }
        touch();
        Instant started = Instant.now();
        long start = System.nanoTime();
        int tokens = 0;
        var outcome = GenerationOutcome.FAILED;
        try {
            tokens = countTokens(text);
            float[] vector = call("embed", () -> llama.embed(text));
            outcome = GenerationOutcome.COMPLETED;
            return vector;
        } finally {
            var took = Duration.ofNanos(System.nanoTime() - start);
            runtime.record(new UsageRecord(started, file.getFileName().toString(), UsageRecord.RequestKind.EMBEDDING,
                tokens, 0, took, took, 0, outcome));
            touch();
        }
    }

    /** Runs a native call under the read lock, turning the library's exceptions into ours. */
    <T> T call(String what, Supplier<T> action) {
        lock.readLock().lock();
        try {
            ensureOpen();
            return action.get();
        } catch (LlmException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("llama.cpp failed to {} with {}", what, id, e);
            throw new LlmException("llama.cpp failed to " + what + " with " + file.getFileName() + ": "
                + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    LlamaModel llama() {
        return llama;
    }

    ReentrantReadWriteLock lock() {
        return lock;
    }

    LlamaRuntime runtime() {
        return runtime;
    }

    boolean closed() {
        return closed;
    }

    void ended(LlamaGeneration generation) {
        active.remove(generation);
        touch();
    }

    void touch() {
        lastUsed = System.nanoTime();
    }

    Duration idleFor() {
        return active.isEmpty() ? Duration.ofNanos(System.nanoTime() - lastUsed) : Duration.ZERO;
    }

    private void ensureOpen() {
        if (closed) {
            throw new LlmException("the model " + id + " (" + file + ") is not loaded any more; load it again");
        }
    }

    void close() {
        closed = true;
        active.forEach(LlamaGeneration::cancel);
        slots.shutdown();
        // waits until running generations have seen the cancel and left the native code
        lock.writeLock().lock();
        try {
            llama.close();
        } catch (RuntimeException e) {
            LOG.warn("llama.cpp failed to free {}", id, e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
