package dev.cyberdevstudio.llm;

import static dev.cyberdevstudio.llm.TestRuntime.greedy;
import static dev.cyberdevstudio.llm.TestRuntime.sampled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyberdevstudio.models.testing.TestModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real llama.cpp on a generated tiny model: one load shared by the tests, two parallel slots. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LlamaRuntimeTest {

    private static final TestRuntime.Recorder RECORDER = new TestRuntime.Recorder();
    private static final List<RuntimeEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static LlamaRuntime runtime;
    private static LoadedModel model;
    private static Path file;

    @BeforeAll
    static void load() {
        file = TestModels.tiny(TestRuntime.MODELS);
        runtime = LlamaRuntime.create(RECORDER);
        runtime.addListener(EVENTS::add);
        model = runtime.load(file, TestRuntime.parameters(2)).join();
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    private static GenerationResult complete(String prompt, SamplingParameters sampling, OutputConstraint constraint) {
        return model.generate(new GenerationRequest.Completion(prompt, sampling, constraint), TokenListener.ignoring())
            .result().join();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void loadsTheTinyModelWithItsHeader() {
        assertThat(runtime.loaded()).containsExactly(model);
        assertThat(model.file()).isEqualTo(file);
        assertThat(model.id()).startsWith(file.getFileName().toString());
        assertThat(model.info().architecture()).isEqualTo("llama");
        assertThat(model.parameters().parallelSlots()).isEqualTo(2);
        assertThat(model.loadedAt()).isNotNull();
        assertThat(model.memoryBytes()).isNotNegative();
        assertThat(model.supportsInfill()).isFalse();
        assertThat(EVENTS).anyMatch(e -> e instanceof RuntimeEvent.Loaded loaded && loaded.model() == model);
    }

    @Test
    void tokenizeRoundTripsTextIncludingBytesOutsideTheVocabulary() {
        for (String text : List.of("hello world, this is a test", "public static void main(String[] args) {}",
            "naïve café ✓ 日本語 \t tabs\nand lines")) {
            int[] tokens = model.tokenize(text);
            assertThat(tokens).isNotEmpty();
            assertThat(model.countTokens(text)).isEqualTo(tokens.length);
            // SentencePiece adds a space before the first word; decoding gives it back
            assertThat(model.detokenize(tokens)).isEqualTo(" " + text);
        }
        assertThat(model.countTokens("hello")).isEqualTo(1);
        assertThat(model.countTokens("hello world hello world")).isEqualTo(4);
    }

    @Test
    void rendersChatWithTheModelsTemplate() {
        String rendered = model.renderChat(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Say \"hi\""),
            ChatMessage.assistant("hi"), ChatMessage.user("again")));
        assertThat(rendered).isEqualTo("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nSay \"hi\""
            + "<|im_end|>\n<|im_start|>assistant\nhi<|im_end|>\n<|im_start|>user\nagain<|im_end|>\n"
            + "<|im_start|>assistant\n");
    }

    @Test
    void streamsPiecesThatMakeUpTheTextAndRecordsUsage() {
        var pieces = new CopyOnWriteArrayList<String>();
        var generation = model.generate(new GenerationRequest.Chat(List.of(ChatMessage.user("write some code")),
            greedy(24), OutputConstraint.free()), pieces::add);
        GenerationResult result = generation.result().join();

        assertThat(pieces).hasSizeGreaterThan(5);
        assertThat(String.join("", pieces)).isEqualTo(result.text());
        assertThat(result.outcome()).isEqualTo(GenerationOutcome.LENGTH);
        assertThat(result.generatedTokens()).isEqualTo(24);
        assertThat(result.promptTokens()).isEqualTo(model.countTokens(model.renderChat(
            List.of(ChatMessage.user("write some code")))));
        assertThat(result.timeToFirstToken()).isLessThanOrEqualTo(result.total());
        assertThat(result.tokensPerSecond()).isPositive();
        assertThat(result.error()).isEmpty();
        assertThat(RECORDER.records).anyMatch(r -> r.kind() == UsageRecord.RequestKind.CHAT
            && r.generatedTokens() == result.generatedTokens() && r.promptTokens() == result.promptTokens()
            && r.model().equals(model.file().getFileName().toString()) && r.outcome() == GenerationOutcome.LENGTH
            && r.timeToFirstToken().equals(result.timeToFirstToken()));
        assertThat(EVENTS).anyMatch(e -> e instanceof RuntimeEvent.GenerationStarted s && s.modelId().equals(model.id()));
        assertThat(EVENTS).anyMatch(e -> e instanceof RuntimeEvent.GenerationEnded ended
            && ended.usage().kind() == UsageRecord.RequestKind.CHAT);
    }

    @Test
    void sameSeedGivesTheSameTextAndGreedyIsRepeatable() {
        var first = complete("the old man", sampled(99, 30), OutputConstraint.free());
        var second = complete("the old man", sampled(99, 30), OutputConstraint.free());
        assertThat(first.text()).isNotBlank().isEqualTo(second.text());
        assertThat(complete("hello", greedy(20), OutputConstraint.free()).text())
            .isEqualTo(complete("hello", greedy(20), OutputConstraint.free()).text());
    }

    @Test
    void stopStringEndsTheTextBeforeIt() {
        String full = complete("one two three", greedy(40), OutputConstraint.free()).text();
        String[] words = full.strip().split("\\s+");
        assertThat(words.length).isGreaterThan(4);
        String stop = " " + words[3];
        var sampling = new SamplingParameters(0, 40, 0.95, 0.05, 1.0, java.util.OptionalLong.of(1), 40,
            List.of(stop));
        var stopped = complete("one two three", sampling, OutputConstraint.free());
        assertThat(stopped.outcome()).isEqualTo(GenerationOutcome.COMPLETED);
        assertThat(full).startsWith(stopped.text());
        assertThat(stopped.text()).doesNotContain(stop).hasSizeLessThan(full.length());
    }

    @Test
    void jsonSchemaOutputParsesEveryTime() throws Exception {
        String schema = """
            {"type": "object", "properties": {
              "tool": {"enum": ["read_file", "run_tests", "answer"]},
              "path": {"type": "string", "maxLength": 12},
              "line": {"type": "integer"},
              "done": {"type": "boolean"}},
             "required": ["tool", "path", "line", "done"], "additionalProperties": false}
            """;
        var mapper = new ObjectMapper();
        for (long seed = 1; seed <= 8; seed++) {
            var result = complete("next step as json:", sampled(seed, 200), new OutputConstraint.JsonSchema(schema));
            assertThat(result.outcome()).as(result.text()).isEqualTo(GenerationOutcome.COMPLETED);
            JsonNode json = mapper.readTree(result.text());
            assertThat(json.get("tool").asText()).isIn("read_file", "run_tests", "answer");
            assertThat(json.get("path").isTextual()).isTrue();
            assertThat(json.get("line").isIntegralNumber()).isTrue();
            assertThat(json.get("done").isBoolean()).isTrue();
        }
    }

    @Test
    void gbnfGrammarConstrainsTheAnswer() {
        var seen = new ArrayList<String>();
        for (long seed = 1; seed <= 4; seed++) {
            String text = complete("answer:", sampled(seed, 10), new OutputConstraint.Grammar(
                "root ::= (\"yes\" | \"no\") \" \" [0-9]")).text();
            assertThat(text).matches("(yes|no) [0-9]");
            seen.add(text);
        }
        assertThat(seen).hasSize(4);
    }

    @Test
    void invalidSchemaIsOurError() {
        assertThatThrownBy(() -> model.generate(new GenerationRequest.Completion("x", greedy(5),
            new OutputConstraint.JsonSchema("{not json")), TokenListener.ignoring()))
            .isInstanceOf(LlmException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> model.generate(new GenerationRequest.Completion("x", greedy(5),
            new OutputConstraint.JsonSchema("[1, 2]")), TokenListener.ignoring()))
            .isInstanceOf(LlmException.class).hasMessageContaining("must be a JSON object");
    }

    @Test
    void malformedGrammarIsRefusedInsteadOfGeneratingFreely() {
        for (String bad : List.of("root ::= ( \"unclosed", "root ::= (\"a\"", "root ::= \"a\")", "item ::= \"a\"",
            "root ::= item", "root ::= [a-z")) {
            assertThatThrownBy(() -> complete("x", greedy(5), new OutputConstraint.Grammar(bad)))
                .as(bad).isInstanceOf(LlmException.class).hasMessageContaining("not valid GBNF");
        }
        assertThat(complete("x", greedy(5), new OutputConstraint.Grammar(
            "# a comment\nroot ::= item+\nitem ::= [a-c] | \"[\" \"x\" \"]\" | (\"(\" \")\"){1,2}")).text())
            .matches("([a-c]|\\[x]|\\(\\)(\\(\\))?)+");
        assertThat(complete("hello", greedy(3), OutputConstraint.free()).outcome()).isEqualTo(GenerationOutcome.LENGTH);
    }

    @Test
    void cancelStopsAtOnceAndTheModelStaysUsable() throws Exception {
        // the tiny model outruns any test thread, so the listener holds the first piece until cancel was called
        var firstPiece = new CountDownLatch(1);
        var cancelCalled = new CountDownLatch(1);
        var pieces = new CopyOnWriteArrayList<String>();
        var generation = model.generate(new GenerationRequest.Completion("the", sampled(5, 100_000),
            OutputConstraint.free()), piece -> {
                pieces.add(piece);
                firstPiece.countDown();
                await(cancelCalled);
            });
        assertThat(firstPiece.await(30, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        generation.cancel();
        cancelCalled.countDown();
        GenerationResult result = generation.result().get(2, TimeUnit.SECONDS);
        assertThat(pieces).hasSize(1);
        assertThat(result.text()).isEqualTo(pieces.getFirst());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(result.outcome()).isEqualTo(GenerationOutcome.CANCELLED);
        assertThat(result.generatedTokens()).isLessThan(1000);
        assertThat(RECORDER.records).anyMatch(r -> r.outcome() == GenerationOutcome.CANCELLED);
        var after = complete("hello world", greedy(8), OutputConstraint.free());
        assertThat(after.outcome()).as(after.toString()).isIn(GenerationOutcome.LENGTH, GenerationOutcome.COMPLETED);
        assertThat(after.text()).isNotEmpty();
    }

    @Test
    void manyConcurrentRequestsQueueBehindTheSlotsAndAllFinish() {
        var generations = new ArrayList<CompletableFuture<GenerationResult>>();
        var starters = new ArrayList<Thread>();
        var lock = new Object();
        for (int i = 0; i < 6; i++) {
            long seed = i;
            starters.add(Thread.ofVirtual().start(() -> {
                var g = model.generate(new GenerationRequest.Completion("house " + seed, sampled(seed, 30),
                    OutputConstraint.free()), TokenListener.ignoring());
                synchronized (lock) {
                    generations.add(g.result());
                }
            }));
        }
        starters.forEach(t -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(model.activeGenerations()).isBetween(1, 6);
        var results = generations.stream().map(CompletableFuture::join).toList();
        // a sampled random model may pick an end token early: finishing is what counts, never FAILED
        assertThat(results).hasSize(6).allMatch(r -> r.outcome() == GenerationOutcome.LENGTH
            || r.outcome() == GenerationOutcome.COMPLETED);
        assertThat(results).filteredOn(r -> r.outcome() == GenerationOutcome.LENGTH).hasSizeGreaterThan(2);
        assertThat(model.activeGenerations()).isZero();
    }

    @Test
    void cancellingAQueuedRequestFinishesItWithoutRunning() {
        var busy = List.of(
            model.generate(new GenerationRequest.Completion("a", sampled(1, 100_000), OutputConstraint.free()),
                TokenListener.ignoring()),
            model.generate(new GenerationRequest.Completion("b", sampled(2, 100_000), OutputConstraint.free()),
                TokenListener.ignoring()));
        var queued = model.generate(new GenerationRequest.Completion("c", greedy(10), OutputConstraint.free()),
            TokenListener.ignoring());
        queued.cancel();
        var result = queued.result().join();
        assertThat(result.outcome()).isEqualTo(GenerationOutcome.CANCELLED);
        assertThat(result.text()).isEmpty();
        busy.forEach(Generation::cancel);
        assertThat(busy).allMatch(g -> g.result().join().outcome() == GenerationOutcome.CANCELLED);
    }

    @Test
    void aFailingListenerDoesNotStopTheGeneration() {
        var result = model.generate(new GenerationRequest.Completion("hello", greedy(8), OutputConstraint.free()),
            piece -> {
                throw new IllegalStateException("listener bug");
            }).result().join();
        assertThat(result.outcome()).isEqualTo(GenerationOutcome.LENGTH);
    }

    @Test
    void infillWithoutFimTokensIsAClearError() {
        assertThatThrownBy(() -> model.generate(new GenerationRequest.Infill("int a = ", ";", greedy(5)),
            TokenListener.ignoring())).isInstanceOf(LlmException.class).hasMessageContaining("fill in the middle");
    }

    @Test
    void embeddingNeedsAModelLoadedForIt() {
        assertThatThrownBy(() -> model.embed("hello")).isInstanceOf(LlmException.class)
            .hasMessageContaining("embeddings on");
    }
}
