package dev.cyberdevstudio.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.playground.InMemoryPlaygroundHistory;
import dev.cyberdevstudio.engine.playground.PlaygroundHistory;
import dev.cyberdevstudio.engine.playground.PlaygroundRun;
import dev.cyberdevstudio.engine.playground.StoredRun;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import dev.cyberdevstudio.engine.usage.InMemoryTokenLedger;
import dev.cyberdevstudio.llm.ChatMessage;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.GenerationRequest;
import dev.cyberdevstudio.llm.LoadParameters;
import dev.cyberdevstudio.llm.SamplingParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playground's view model on one thread: {@link CurrentThreadTaskExecutor} runs work and UI callbacks inline,
 * and the test model streams only when the test emits, so every step is observed as it happens.
 */
class PlaygroundViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-03T09:30:00Z");

    @TempDir
    Path models;

    private final InMemoryTokenLedger ledger = new InMemoryTokenLedger();
    private final InMemorySettings settings = new InMemorySettings();
    private PlaygroundHistory history = new InMemoryPlaygroundHistory();
    private TestRuntime runtime;
    private final List<Path> installed = new ArrayList<>();
    private PlaygroundViewModel viewModel;

    @BeforeEach
    void createRuntime() {
        runtime = new TestRuntime(ledger, Duration.ZERO, Duration.ZERO);
    }

    private PlaygroundViewModel start() {
        viewModel = new PlaygroundViewModel(runtime, () -> List.copyOf(installed), ledger, history, settings,
                new CurrentThreadTaskExecutor(), LoadParameters.defaults().withContextSize(512),
                Clock.fixed(NOW, ZoneOffset.UTC));
        viewModel.start();
        return viewModel;
    }

    private Path file(String name) throws IOException {
        var file = Files.write(models.resolve(name), new byte[] {'G', 'G', 'U', 'F'});
        installed.add(file);
        return file;
    }

    /** A started view model with a loaded model chosen and a prompt written. */
    private TestModel ready(String prompt) throws IOException {
        var model = runtime.preload(file("tiny.gguf"));
        start();
        viewModel.selectedModelProperty().set(viewModel.models().getFirst());
        viewModel.userPromptProperty().set(prompt);
        return model;
    }

    @Test
    void listsLoadedModelsFirstAndEachFileOnce() throws IOException {
        var loaded = runtime.preload(file("tiny.gguf"));
        var other = file("coder.gguf");

        start();

        assertThat(viewModel.models()).containsExactly(new ModelChoice.Loaded(loaded), new ModelChoice.Installed(other));
        assertThat(viewModel.models()).extracting(ModelChoice::label).containsExactly("tiny.gguf  · loaded",
                "coder.gguf");
    }

    @Test
    void choosingAnInstalledFileLoadsItAndSaysSoMeanwhile() throws IOException {
        var file = file("coder.gguf");
        start();
        var phases = new ArrayList<PlaygroundPhase>();
        var messages = new ArrayList<String>();
        viewModel.phaseProperty().addListener((observable, before, after) -> phases.add(after));
        viewModel.messageProperty().addListener((observable, before, after) -> messages.add(after));

        viewModel.selectedModelProperty().set(new ModelChoice.Installed(file));

        assertThat(phases).containsExactly(PlaygroundPhase.LOADING, PlaygroundPhase.IDLE);
        assertThat(messages).contains("Loading coder.gguf…");
        assertThat(viewModel.messageProperty().get()).isEmpty();
        var model = viewModel.currentModel().orElseThrow();
        assertThat(model.file()).isEqualTo(file);
        assertThat(model.parameters().contextSize()).isEqualTo(512);
        assertThat(viewModel.contextSizeProperty().get()).isEqualTo(512);
        assertThat(viewModel.models()).containsExactly(new ModelChoice.Loaded(model));
        assertThat(viewModel.selectedModelProperty().get()).isEqualTo(new ModelChoice.Loaded(model));
    }

    @Test
    void aListingThatMissesTheCurrentModelKeepsItChosen() throws IOException {
        var model = ready("Hi");
        var other = file("coder.gguf");
        runtime.hide(model);

        viewModel.refreshModels();

        assertThat(viewModel.currentModel()).contains(model);
        assertThat(viewModel.models()).containsExactly(new ModelChoice.Loaded(model), new ModelChoice.Installed(other));
        assertThat(viewModel.selectedModelProperty().get()).isEqualTo(new ModelChoice.Loaded(model));
    }

    @Test
    void aFileThatCannotBeLoadedShowsTheReasonAsASentence() throws IOException {
        var broken = file("broken.gguf");
        start();

        viewModel.selectedModelProperty().set(new ModelChoice.Installed(broken));

        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Cannot load broken.gguf: broken.gguf is not a GGUF file: it starts with \"JUNK\"")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.currentModel()).isEmpty();
        assertThat(viewModel.selectedModelProperty().get()).isNull();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(PlaygroundPhase.IDLE);
        assertThat(viewModel.canRunProperty().get()).isFalse();
    }

    @Test
    void runningWithoutAModelSaysWhatToDo() throws IOException {
        start();
        viewModel.userPromptProperty().set("Hello");

        viewModel.run();
        assertThat(viewModel.messageProperty().get()).startsWith("No model is installed");

        file("tiny.gguf");
        viewModel.refreshModels();
        viewModel.run();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Choose a model first.");
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(PlaygroundPhase.IDLE);
    }

    @Test
    void sendsTheSystemAndUserPromptWithTheSamplingShown() throws IOException {
        var model = ready("Why is the sky blue?");
        viewModel.systemPromptProperty().set("Be brief.");
        viewModel.temperatureProperty().set(0.25);
        viewModel.topKProperty().set(12);
        viewModel.topPProperty().set(0.8);
        viewModel.minPProperty().set(0.1);
        viewModel.repeatPenaltyProperty().set(1.3);
        viewModel.seedProperty().set(" 1234 ");
        viewModel.maxTokensProperty().set(5);
        viewModel.stopStringsProperty().set("\\n\\n\nUser:");

        viewModel.run();

        var request = (GenerationRequest.Chat) model.requests().getLast();
        assertThat(request.messages()).containsExactly(ChatMessage.system("Be brief."),
                ChatMessage.user("Why is the sky blue?"));
        assertThat(request.sampling()).isEqualTo(new SamplingParameters(0.25, 12, 0.8, 0.1, 1.3,
                OptionalLong.of(1234), 5, List.of("\n\n", "User:")));
    }

    @Test
    void leavesOutABlankSystemPromptAndABlankSeedMeansRandom() throws IOException {
        var model = ready("Hi");
        viewModel.systemPromptProperty().set("   ");

        viewModel.run();

        var request = (GenerationRequest.Chat) model.requests().getLast();
        assertThat(request.messages()).containsExactly(ChatMessage.user("Hi"));
        assertThat(request.sampling().seed()).isEmpty();
    }

    @Test
    void refusesASeedThatIsNotANumberWithoutStarting() throws IOException {
        var model = ready("Hi");
        viewModel.seedProperty().set("forty-two");

        viewModel.run();

        assertThat(viewModel.messageProperty().get()).contains("seed must be a whole number");
        assertThat(model.requests()).isEmpty();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(PlaygroundPhase.IDLE);
    }

    @Test
    void countersFollowTheStreamAndTheGaugeCountsThePrompt() throws IOException {
        var model = ready("Tell a story");
        viewModel.run();
        var generation = model.lastGeneration();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(PlaygroundPhase.RUNNING);
        assertThat(viewModel.canStopProperty().get()).isTrue();
        assertThat(viewModel.canRunProperty().get()).isFalse();
        // "<|user|> Tell a story <|assistant|>": five words, five tokens for the test model.
        assertThat(viewModel.promptTokensProperty().get()).isEqualTo(5);
        assertThat(viewModel.timeToFirstTokenMillisProperty().get()).isEqualTo(-1);

        generation.emitNext();
        generation.emitNext();
        generation.emitNext();

        assertThat(viewModel.outputProperty().get()).isEqualTo("You asked: Tell");
        assertThat(viewModel.generatedTokensProperty().get()).isEqualTo(3);
        assertThat(viewModel.timeToFirstTokenMillisProperty().get()).isGreaterThanOrEqualTo(0);
        assertThat(viewModel.contextFillProperty().get()).isEqualTo(8 / 256.0);
        assertThat(viewModel.phaseProperty().get()).isEqualTo(PlaygroundPhase.RUNNING);
    }

    @Test
    void aFinishedRunShowsTheRuntimesExactNumbersAndIsKept() throws IOException {
        var model = ready("Tell a story");
        viewModel.maxTokensProperty().set(6);
        viewModel.pricePer1kTokensProperty().set(2.0);
        viewModel.run();

        model.lastGeneration().finishScript();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(PlaygroundPhase.IDLE);
        assertThat(viewModel.outputProperty().get()).isEqualTo("You asked: Tell a story.");
        assertThat(viewModel.generatedTokensProperty().get()).isEqualTo(6);
        assertThat(viewModel.messageProperty().get()).isEqualTo("Stopped at the limit of 6 tokens.");
        assertThat(viewModel.costProperty().get()).isEqualTo((5 + 6) / 1000.0 * 2.0);
        assertThat(viewModel.runs()).singleElement().satisfies(stored -> {
            var run = stored.run();
            assertThat(run.model()).isEqualTo("tiny.gguf");
            assertThat(run.userPrompt()).isEqualTo("Tell a story");
            assertThat(run.output()).isEqualTo("You asked: Tell a story.");
            assertThat(run.outcome()).isEqualTo(GenerationOutcome.LENGTH);
            assertThat(run.promptTokens()).isEqualTo(5);
            assertThat(run.generatedTokens()).isEqualTo(6);
            assertThat(run.startedAt()).isEqualTo(NOW);
            assertThat(run.sampling().maxTokens()).isEqualTo(6);
        });
        assertThat(history.recent(10)).isEqualTo(viewModel.runs());
        assertThat(ledger.recent(10)).singleElement().satisfies(usage -> assertThat(usage.generatedTokens())
                .isEqualTo(6));
        assertThat(viewModel.tokensTodayProperty().get()).isEqualTo(11);
    }

    @Test
    void stopCancelsAtOnceAndKeepsTheTextSoFar() throws IOException {
        var model = ready("Tell a story");
        viewModel.run();
        var generation = model.lastGeneration();
        generation.emitNext();
        generation.emitNext();

        viewModel.stop();

        assertThat(generation.isDone()).isTrue();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(PlaygroundPhase.IDLE);
        assertThat(viewModel.outputProperty().get()).isEqualTo("You asked:");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Stopped.");
        assertThat(viewModel.runs().getFirst().run().outcome()).isEqualTo(GenerationOutcome.CANCELLED);
        assertThat(generation.emitNext()).as("nothing streams after stop").isFalse();
        assertThat(viewModel.outputProperty().get()).isEqualTo("You asked:");
    }

    @Test
    void aStopStringEndsTheAnswerAsCompleted() throws IOException {
        var model = ready("Tell a story");
        viewModel.stopStringsProperty().set("story.");
        viewModel.run();

        model.lastGeneration().finishScript();

        assertThat(viewModel.outputProperty().get()).isEqualTo("You asked: Tell a ");
        assertThat(viewModel.messageProperty().get()).isEmpty();
        assertThat(viewModel.runs().getFirst().run().outcome()).isEqualTo(GenerationOutcome.COMPLETED);
    }

    @Test
    void aFailedGenerationShowsItsReasonAndKeepsTheRun() throws IOException {
        var model = ready("Tell a story");
        viewModel.run();
        model.lastGeneration().emitNext();

        model.lastGeneration().fail("the context is full");

        assertThat(viewModel.messageProperty().get()).isEqualTo("The generation failed: the context is full.");
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.outputProperty().get()).isEqualTo("You");
        assertThat(viewModel.runs().getFirst().run().error()).contains("the context is full");
    }

    @Test
    void aModelUnloadedElsewhereIsNoLongerUsedAndTheRunSaysWhy() throws IOException {
        var model = ready("Hi");

        runtime.unload(model.id());

        assertThat(viewModel.currentModel()).isEmpty();
        assertThat(viewModel.messageProperty().get()).contains("tiny.gguf was unloaded");
        assertThat(viewModel.models()).containsExactly(new ModelChoice.Installed(model.file()));
        viewModel.run();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Choose a model first.");
    }

    @Test
    void aGenerationThatCannotStartIsKeptAsFailed() throws IOException {
        var model = ready("Hi");
        model.markUnloaded();

        viewModel.run();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(PlaygroundPhase.IDLE);
        assertThat(viewModel.messageProperty().get()).isEqualTo("The generation failed: The model tiny.gguf#1 was "
                + "unloaded.");
        assertThat(viewModel.runs().getFirst().run().outcome()).isEqualTo(GenerationOutcome.FAILED);
    }

    @Test
    void reopeningARunRestoresItsPromptsSamplingOutputAndNumbers() throws IOException {
        var model = ready("first question");
        viewModel.systemPromptProperty().set("Be kind.");
        viewModel.seedProperty().set("7");
        viewModel.stopStringsProperty().set("\\n");
        viewModel.temperatureProperty().set(0.0);
        viewModel.run();
        model.lastGeneration().finishScript();
        var first = viewModel.runs().getFirst();
        viewModel.systemPromptProperty().set("");
        viewModel.userPromptProperty().set("second question");
        viewModel.seedProperty().set("");
        viewModel.temperatureProperty().set(1.5);
        viewModel.stopStringsProperty().set("");
        viewModel.run();
        model.lastGeneration().cancel();

        viewModel.reopen(first);

        assertThat(viewModel.systemPromptProperty().get()).isEqualTo("Be kind.");
        assertThat(viewModel.userPromptProperty().get()).isEqualTo("first question");
        assertThat(viewModel.seedProperty().get()).isEqualTo("7");
        assertThat(viewModel.stopStringsProperty().get()).isEqualTo("\\n");
        assertThat(viewModel.temperatureProperty().get()).isZero();
        assertThat(viewModel.outputProperty().get()).isEqualTo(first.run().output()).startsWith("You asked: first");
        assertThat(viewModel.generatedTokensProperty().get()).isEqualTo(first.run().generatedTokens());
        assertThat(viewModel.messageProperty().get()).startsWith("Reopened the run of ").endsWith(" on tiny.gguf.");
        assertThat(viewModel.currentModel()).contains(model);
    }

    @Test
    void reopeningARunOfAModelNotLoadedKeepsTheCurrentModel() throws IOException {
        var model = ready("Hi");
        var stored = history.save(new PlaygroundRun(NOW, "gone.gguf", "", "old question",
                SamplingParameters.defaults(), "old answer", 3, 2, Duration.ofMillis(5), Duration.ofMillis(9), 10,
                GenerationOutcome.COMPLETED, Optional.empty()));
        viewModel.refreshHistory();

        viewModel.reopen(viewModel.runs().getFirst());

        assertThat(viewModel.runs()).containsExactly(stored);
        assertThat(viewModel.outputProperty().get()).isEqualTo("old answer");
        assertThat(viewModel.currentModel()).contains(model);
        assertThat(viewModel.messageProperty().get()).endsWith("on gone.gguf (not loaded now).");
    }

    @Test
    void thePriceIsReadFromAndSavedToTheSettings() throws IOException {
        settings.put(PlaygroundViewModel.PRICE_SETTING, "0.5");
        ready("Hi");

        assertThat(viewModel.pricePer1kTokensProperty().get()).isEqualTo(0.5);

        viewModel.pricePer1kTokensProperty().set(1.25);

        assertThat(settings.get(PlaygroundViewModel.PRICE_SETTING)).contains("1.25");
    }

    @Test
    void aSavedPriceThatIsNotANumberIsIgnored() throws IOException {
        settings.put(PlaygroundViewModel.PRICE_SETTING, "cheap");

        ready("Hi");

        assertThat(viewModel.pricePer1kTokensProperty().get()).isZero();
    }

    @Test
    void aHistoryThatCannotSaveSaysSoButTheOutputStays() throws IOException {
        history = failingHistory();
        var model = ready("Hi");
        viewModel.run();

        model.lastGeneration().finishScript();

        assertThat(viewModel.messageProperty().get())
                .isEqualTo("The run was not saved to the history: Cannot save the playground run: the database is "
                        + "closed");
        assertThat(viewModel.outputProperty().get()).startsWith("You asked: Hi.");
        assertThat(viewModel.runs()).isEmpty();
    }

    private static PlaygroundHistory failingHistory() {
        return new PlaygroundHistory() {
            @Override
            public StoredRun save(PlaygroundRun run) {
                throw new EngineException("Cannot save the playground run: the database is closed.");
            }

            @Override
            public List<StoredRun> recent(int limit) {
                return List.of();
            }

            @Override
            public Optional<StoredRun> find(long id) {
                return Optional.empty();
            }

            @Override
            public void delete(long id) {
            }
        };
    }
}
