package dev.cyberdevstudio.llm;

import static dev.cyberdevstudio.llm.TestRuntime.greedy;
import static dev.cyberdevstudio.llm.TestRuntime.sampled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.models.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Loading, refusing, unloading and embedding with the real llama.cpp. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LlamaRuntimeLifecycleTest {

    private static final Path DIR = TestRuntime.MODELS;

    private static Throwable loadFailure(LlamaRuntime runtime, Path file) {
        assertThatThrownBy(() -> runtime.load(file, TestRuntime.parameters(1)).join())
            .isInstanceOf(CompletionException.class).hasCauseInstanceOf(LlmException.class);
        try {
            runtime.load(file, TestRuntime.parameters(1)).join();
            throw new AssertionError("loaded " + file);
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void badFilesAreRefusedWithTheFileAndTheCause(@TempDir Path temp) {
        try (var runtime = LlamaRuntime.create(UsageRecorder.none())) {
            assertThat(loadFailure(runtime, temp.resolve("missing.gguf")))
                .hasMessageContaining("missing.gguf").hasMessageContaining("does not exist");
            assertThat(loadFailure(runtime, TestModels.truncated(DIR)))
                .hasMessageContaining("truncated.gguf").hasMessageContaining("truncated");
            assertThat(loadFailure(runtime, TestModels.notGguf(DIR)))
                .hasMessageContaining("not-gguf.gguf").hasMessageContaining("not a GGUF file");
            assertThat(loadFailure(runtime, TestModels.unsupportedArchitecture(DIR)))
                .hasMessageContaining("arch-quantumnet.gguf").hasMessageContaining("does not support");
            assertThat(loadFailure(runtime, TestModels.unsupportedVersion(DIR)))
                .hasMessageContaining("version 99");
            assertThat(runtime.loaded()).isEmpty();
            assertThatThrownBy(() -> runtime.checkFit(TestModels.notGguf(DIR), TestRuntime.parameters(1)))
                .isInstanceOf(LlmException.class).hasMessageContaining("not a GGUF file");
        }
    }

    @Test
    void aHeaderLlamaCppRejectsIsOurErrorAndTheRuntimeGoesOn() {
        try (var runtime = LlamaRuntime.create(UsageRecorder.none())) {
            // a known architecture name over llama tensors: the header reads, llama.cpp's loader fails
            assertThat(loadFailure(runtime, TestModels.withArchitecture(DIR, "gpt2")))
                .hasMessageContaining("arch-gpt2.gguf").hasMessageContaining("llama.cpp could not load");
            var model = runtime.load(TestModels.tiny(DIR), TestRuntime.parameters(1)).join();
            assertThat(model.countTokens("hello")).isEqualTo(1);
        }
    }

    @Test
    void fitCheckFitsShrinksOrRefuses() {
        Path file = TestModels.tiny(DIR);
        var parameters = TestRuntime.parameters(1).withContextSize(2048);
        long required;
        try (var roomy = LlamaRuntime.create(UsageRecorder.none(), MemoryProbe.fixed(1L << 40))) {
            var fit = roomy.checkFit(file, parameters);
            assertThat(fit.verdict()).isEqualTo(MemoryFit.Verdict.FITS);
            assertThat(fit.suggestedContext()).isEmpty();
            required = fit.requiredBytes();
            assertThat(required).isGreaterThan(Files.size(file) - 1);
            assertThat(fit.reason()).contains(file.getFileName().toString()).contains("is free");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        long perToken = 2L * 2 * 2 * 64;
        try (var tight = LlamaRuntime.create(UsageRecorder.none(), MemoryProbe.fixed(required - 1024 * perToken))) {
            var fit = tight.checkFit(file, parameters);
            assertThat(fit.verdict()).isEqualTo(MemoryFit.Verdict.SHRINK_CONTEXT);
            assertThat(fit.suggestedContext()).hasValue(1024);
            assertThat(fit.reason()).contains("a context of 1024 tokens would fit");
            assertThatThrownBy(() -> tight.load(file, parameters).join()).hasCauseInstanceOf(LlmException.class)
                .hasMessageContaining("context of 1024");
            var loaded = tight.load(file, parameters.withContextSize(1024)).join();
            assertThat(loaded.parameters().contextSize()).isEqualTo(1024);
        }
        try (var full = LlamaRuntime.create(UsageRecorder.none(), MemoryProbe.fixed(10L << 20))) {
            var fit = full.checkFit(file, parameters);
            assertThat(fit.verdict()).isEqualTo(MemoryFit.Verdict.TOO_BIG);
            assertThat(fit.availableBytes()).isEqualTo(10L << 20);
            assertThatThrownBy(() -> full.load(file, parameters).join()).hasCauseInstanceOf(LlmException.class)
                .hasMessageContaining("too big");
        }
    }

    @Test
    void systemProbeReadsRealMemory() {
        var probe = MemoryProbe.system();
        assertThat(probe.availableBytes()).isPositive();
        assertThat(probe.processResidentBytes()).isPositive();
        try (var runtime = LlamaRuntime.create(UsageRecorder.none())) {
            assertThat(runtime.checkFit(TestModels.tiny(DIR), TestRuntime.parameters(1)).availableBytes()).isPositive();
        }
    }

    @Test
    void unloadedModelGivesClearErrorsAndCancelsItsGenerations() throws Exception {
        var events = new CopyOnWriteArrayList<RuntimeEvent>();
        try (var runtime = LlamaRuntime.create(UsageRecorder.none())) {
            runtime.addListener(events::add);
            runtime.addListener(e -> {
                throw new IllegalStateException("a broken listener");
            });
            var model = runtime.load(TestModels.tiny(DIR), TestRuntime.parameters(1)).join();
            var started = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var running = model.generate(new GenerationRequest.Completion("the", sampled(3, 100_000),
                OutputConstraint.free()), piece -> {
                    started.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            var queued = model.generate(new GenerationRequest.Completion("a", greedy(5), OutputConstraint.free()),
                TokenListener.ignoring());
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            var unloading = Thread.ofVirtual().start(() -> runtime.unload(model.id()));
            Thread.sleep(100);
            release.countDown();
            unloading.join(5_000);
            assertThat(running.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(GenerationOutcome.CANCELLED);
            assertThat(queued.result().get(5, TimeUnit.SECONDS).outcome()).isEqualTo(GenerationOutcome.CANCELLED);
            assertThat(runtime.loaded()).isEmpty();
            assertThat(events).anyMatch(e -> e instanceof RuntimeEvent.Unloaded u && u.modelId().equals(model.id()));

            assertThatThrownBy(() -> model.generate(new GenerationRequest.Completion("x", greedy(3),
                OutputConstraint.free()), TokenListener.ignoring())).isInstanceOf(LlmException.class)
                .hasMessageContaining("not loaded any more");
            assertThatThrownBy(() -> model.tokenize("x")).isInstanceOf(LlmException.class)
                .hasMessageContaining("not loaded");
            assertThatThrownBy(() -> model.renderChat(List.of(ChatMessage.user("x"))))
                .isInstanceOf(LlmException.class);
            runtime.unload("no-such-model");
        }
    }

    @Test
    void unloadsByItselfAfterIdleTime() throws Exception {
        var events = new CopyOnWriteArrayList<RuntimeEvent>();
        try (var runtime = LlamaRuntime.create(UsageRecorder.none())) {
            runtime.addListener(events::add);
            var model = runtime.load(TestModels.tiny(DIR), TestRuntime.idleParameters(Duration.ofMillis(300))).join();
            model.generate(new GenerationRequest.Completion("hi", greedy(3), OutputConstraint.free()),
                TokenListener.ignoring()).result().join();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events.stream().noneMatch(e -> e instanceof RuntimeEvent.Unloaded) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(runtime.loaded()).isEmpty();
            assertThat(events).anyMatch(e -> e instanceof RuntimeEvent.Unloaded u && u.reason().equals("idle for 300 ms"));
        }
    }

    @Test
    void embedsWithLastPoolingAndRecordsUsage() {
        var recorder = new TestRuntime.Recorder();
        try (var runtime = LlamaRuntime.create(recorder)) {
            var model = runtime.load(TestModels.tiny(DIR), TestRuntime.embeddingParameters()).join();
            float[] hello = model.embed("hello world");
            assertThat(hello).hasSize(64);
            assertThat(model.embed("hello world")).containsExactly(hello);
            assertThat(model.embed("the house is big")).isNotEqualTo(hello);
            assertThat(recorder.records).filteredOn(r -> r.kind() == UsageRecord.RequestKind.EMBEDDING)
                .hasSize(3).allMatch(r -> r.outcome() == GenerationOutcome.COMPLETED && r.promptTokens() > 0);
        }
    }

    @Test
    void infillUsesTheFimTokens() {
        var recorder = new TestRuntime.Recorder();
        try (var runtime = LlamaRuntime.create(recorder)) {
            var model = runtime.load(TestModels.withFillInMiddle(DIR), TestRuntime.parameters(1)).join();
            assertThat(model.supportsInfill()).isTrue();
            var pieces = new CopyOnWriteArrayList<String>();
            var result = model.generate(new GenerationRequest.Infill("public void ", " }", greedy(8)), pieces::add)
                .result().join();
            assertThat(result.outcome()).isNotEqualTo(GenerationOutcome.FAILED);
            assertThat(result.text()).isNotEmpty().isEqualTo(String.join("", pieces));
            assertThat(result.promptTokens()).isEqualTo(model.countTokens("public void ") + model.countTokens(" }")
                + 3);
            assertThat(recorder.records).anyMatch(r -> r.kind() == UsageRecord.RequestKind.INFILL);
        }
    }

    @Test
    void closedRuntimeRefusesToLoad() {
        var runtime = LlamaRuntime.create(UsageRecorder.none());
        runtime.close();
        assertThatThrownBy(() -> runtime.load(TestModels.tiny(DIR), TestRuntime.parameters(1)).join())
            .hasCauseInstanceOf(LlmException.class).hasMessageContaining("closed");
    }
}
