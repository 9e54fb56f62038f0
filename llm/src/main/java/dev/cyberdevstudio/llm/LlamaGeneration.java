package dev.cyberdevstudio.llm;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request on its way through a slot. Cancel is checked after every streamed piece on the slot's own thread (the
 * library's cancel is safe there), and a request still in the queue is finished at once without running.
 */
final class LlamaGeneration implements Generation {

    private static final Logger LOG = LoggerFactory.getLogger(LlamaGeneration.class);

    private final LlamaLoadedModel model;
    private final GenerationRequest request;
    private final TokenListener listener;
    private final String grammar;
    private final Instant startedAt = Instant.now();
    private final long start = System.nanoTime();
    private final CompletableFuture<GenerationResult> result = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean cancelled;
    private int promptTokens;

    LlamaGeneration(LlamaLoadedModel model, GenerationRequest request, TokenListener listener, String grammar) {
        this.model = model;
        this.request = request;
        this.listener = listener;
        this.grammar = grammar;
    }

    @Override
    public void cancel() {
        cancelled = true;
        if (!running.get()) {
            finish("", 0, -1, GenerationOutcome.CANCELLED, Optional.empty());
        }
    }

    @Override
    public CompletableFuture<GenerationResult> result() {
        return result;
    }

    void run() {
        if (finished.get() || !running.compareAndSet(false, true)) {
            return;
        }
        var text = new StringBuilder();
        int pieces = 0;
        long first = -1;
        var lock = model.lock().readLock();
        lock.lock();
        try {
            if (cancelled || model.closed()) {
                finish("", 0, -1, GenerationOutcome.CANCELLED, Optional.empty());
                return;
            }
            var parameters = parameters();
            LlamaIterator iterator = model.llama().generate(parameters).iterator();
            while (iterator.hasNext()) {
                LlamaOutput output = iterator.next();
                if (!output.text.isEmpty()) {
                    if (first < 0) {
                        first = System.nanoTime();
                    }
                    pieces++;
                    text.append(output.text);
                    deliver(output.text);
                }
                if (cancelled) {
                    if (iterator.hasNext()) {
                        iterator.cancel();
                    }
                    break;
                }
            }
            // each streamed piece is at least one token; the tokenizer recounts pieces that merged partial UTF-8,
            // but random bytes can re-tokenize into more tokens than were generated, so max tokens caps it
            int maxTokens = request.sampling().maxTokens();
            int generated = Math.max(pieces, Math.min(maxTokens, model.llama().encode(text.toString()).length));
            var outcome = cancelled ? GenerationOutcome.CANCELLED
                : generated >= maxTokens ? GenerationOutcome.LENGTH : GenerationOutcome.COMPLETED;
            finish(text.toString(), generated, first, outcome, Optional.empty());
        } catch (RuntimeException e) {
            LOG.warn("generation with {} failed", model.id(), e);
            finish(text.toString(), pieces, first, GenerationOutcome.FAILED,
                Optional.of("llama.cpp failed while generating with " + model.file().getFileName() + ": "
                    + e.getMessage()));
        } finally {
            lock.unlock();
        }
    }

    private void deliver(String piece) {
        try {
            listener.onText(piece);
        } catch (RuntimeException e) {
            LOG.warn("a token listener failed; generation goes on: {}", e.toString());
        }
    }

    private InferenceParameters parameters() {
        var sampling = request.sampling();
        InferenceParameters parameters = switch (request) {
            case GenerationRequest.Chat chat -> {
                String prompt = model.renderChat(chat.messages());
                promptTokens = model.llama().encode(prompt).length;
                yield new InferenceParameters(prompt);
            }
            case GenerationRequest.Completion completion -> {
                promptTokens = model.llama().encode(completion.prompt()).length;
                yield new InferenceParameters(completion.prompt());
            }
            case GenerationRequest.Infill infill -> {
                // prefix, suffix and the three FIM markers
                promptTokens = model.llama().encode(infill.prefix()).length
                    + model.llama().encode(infill.suffix()).length + 3;
                yield new InferenceParameters("").setInputPrefix(infill.prefix()).setInputSuffix(infill.suffix());
            }
        };
        parameters.setNPredict(sampling.maxTokens()).setTemperature((float) sampling.temperature())
            .setTopK(sampling.topK()).setTopP((float) sampling.topP()).setMinP((float) sampling.minP())
            .setRepeatPenalty((float) sampling.repeatPenalty());
        sampling.seed().ifPresent(seed -> parameters.setSeed((int) seed));
        if (!sampling.stop().isEmpty()) {
            parameters.setStopStrings(sampling.stop().toArray(String[]::new));
        }
        if (!grammar.isEmpty()) {
            parameters.setGrammar(grammar);
        }
        return parameters;
    }

    private void finish(String text, int generated, long first, GenerationOutcome outcome, Optional<String> error) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        long end = System.nanoTime();
        var total = Duration.ofNanos(end - start);
        var ttft = first < 0 ? total : Duration.ofNanos(first - start);
        double perSecond = generated > 1 && end > first && first > 0 ? (generated - 1) / ((end - first) / 1e9) : 0;
        var kind = switch (request) {
            case GenerationRequest.Chat chat -> UsageRecord.RequestKind.CHAT;
            case GenerationRequest.Completion completion -> UsageRecord.RequestKind.COMPLETION;
            case GenerationRequest.Infill infill -> UsageRecord.RequestKind.INFILL;
        };
        model.ended(this);
        // The ledger keys by file name, so one model's days add up across loads.
        model.runtime().record(new UsageRecord(startedAt, model.file().getFileName().toString(), kind, promptTokens,
            generated, ttft, total, perSecond, outcome));
        result.complete(new GenerationResult(text, promptTokens, generated, ttft, total, perSecond, outcome, error));
    }
}
