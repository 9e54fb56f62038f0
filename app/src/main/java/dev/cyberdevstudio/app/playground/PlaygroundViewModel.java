package dev.cyberdevstudio.app.playground;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.playground.PlaygroundHistory;
import dev.cyberdevstudio.engine.playground.PlaygroundRun;
import dev.cyberdevstudio.engine.playground.StoredRun;
import dev.cyberdevstudio.engine.store.Settings;
import dev.cyberdevstudio.engine.usage.DailyTokens;
import dev.cyberdevstudio.engine.usage.TokenLedger;
import dev.cyberdevstudio.llm.ChatMessage;
import dev.cyberdevstudio.llm.Generation;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.GenerationRequest;
import dev.cyberdevstudio.llm.GenerationResult;
import dev.cyberdevstudio.llm.LlmException;
import dev.cyberdevstudio.llm.LlmRuntime;
import dev.cyberdevstudio.llm.LoadParameters;
import dev.cyberdevstudio.llm.LoadedModel;
import dev.cyberdevstudio.llm.OutputConstraint;
import dev.cyberdevstudio.llm.RuntimeEvent;
import dev.cyberdevstudio.llm.SamplingParameters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View model of the LLM playground: pick a model, write a system and a user prompt, tune the sampling, run, watch
 * the text stream with its numbers, stop, and reopen earlier runs.
 *
 * <pre>{@code
 * var playground = new PlaygroundViewModel(runtime, library::installedFiles, engine.tokenLedger(),
 *         engine.playgroundHistory(), engine.settings(), executor);
 * var pane = new PlaygroundPane(playground);
 * playground.start(); // lists models, history and the saved price, off the FX thread
 * }</pre>
 *
 * <p>Threads: properties change on the UI thread only. Loading, token counting and the store run through the
 * {@link TaskExecutor}; streamed text arrives on the runtime's thread, is gathered there and reaches the UI in one
 * batch per UI turn (a flush is scheduled only when none is pending), so a fast model cannot flood the FX queue.
 * Tokens, time to first token and tokens/s are live estimates while streaming (a streamed piece is about a token)
 * and become the runtime's exact counts, made with the model's tokenizer, when the generation ends.
 */
public final class PlaygroundViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundViewModel.class);

    /** The setting that keeps the price per 1000 tokens between runs of the studio. */
    static final String PRICE_SETTING = "playground.pricePer1kTokens";

    /** How many runs the history list shows. */
    static final int HISTORY_SHOWN = 100;

    private final LlmRuntime runtime;
    private final Supplier<List<Path>> installedModels;
    private final TokenLedger ledger;
    private final PlaygroundHistory history;
    private final Settings settings;
    private final TaskExecutor executor;
    private final LoadParameters loadParameters;
    private final Clock clock;

    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> selectedModel = new SimpleObjectProperty<>(this, "selectedModel");
    private final ReadOnlyObjectWrapper<LoadedModel> currentModel = new ReadOnlyObjectWrapper<>(this, "currentModel");
    private final ReadOnlyObjectWrapper<PlaygroundPhase> phase =
            new ReadOnlyObjectWrapper<>(this, "phase", PlaygroundPhase.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");

    private final StringProperty systemPrompt = new SimpleStringProperty(this, "systemPrompt", "");
    private final StringProperty userPrompt = new SimpleStringProperty(this, "userPrompt", "");
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature");
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK");
    private final DoubleProperty topP = new SimpleDoubleProperty(this, "topP");
    private final DoubleProperty minP = new SimpleDoubleProperty(this, "minP");
    private final DoubleProperty repeatPenalty = new SimpleDoubleProperty(this, "repeatPenalty");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "");
    private final IntegerProperty maxTokens = new SimpleIntegerProperty(this, "maxTokens");
    private final StringProperty stopStrings = new SimpleStringProperty(this, "stopStrings", "");
    private final DoubleProperty pricePer1kTokens = new SimpleDoubleProperty(this, "pricePer1kTokens", 0);

    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper(this, "output", "");
    private final ReadOnlyIntegerWrapper promptTokens = new ReadOnlyIntegerWrapper(this, "promptTokens");
    private final ReadOnlyIntegerWrapper generatedTokens = new ReadOnlyIntegerWrapper(this, "generatedTokens");
    private final ReadOnlyLongWrapper timeToFirstTokenMillis =
            new ReadOnlyLongWrapper(this, "timeToFirstTokenMillis", -1);
    private final ReadOnlyDoubleWrapper tokensPerSecond = new ReadOnlyDoubleWrapper(this, "tokensPerSecond");
    private final ReadOnlyIntegerWrapper contextSize = new ReadOnlyIntegerWrapper(this, "contextSize");
    private final ReadOnlyDoubleWrapper contextFill = new ReadOnlyDoubleWrapper(this, "contextFill");
    private final ReadOnlyDoubleWrapper cost = new ReadOnlyDoubleWrapper(this, "cost");
    private final ReadOnlyLongWrapper tokensToday = new ReadOnlyLongWrapper(this, "tokensToday");

    private final ObservableList<StoredRun> runs = FXCollections.observableArrayList();
    private final ObservableList<StoredRun> readOnlyRuns = FXCollections.unmodifiableObservableList(runs);

    private final BooleanBinding canRun;
    private final BooleanBinding canStop;

    private boolean priceLoaded;
    private boolean selectingQuietly;
    private ActiveRun active;

    public PlaygroundViewModel(LlmRuntime runtime, Supplier<List<Path>> installedModels, TokenLedger ledger,
                               PlaygroundHistory history, Settings settings, TaskExecutor executor) {
        this(runtime, installedModels, ledger, history, settings, executor, LoadParameters.defaults(),
                Clock.systemUTC());
    }

    PlaygroundViewModel(LlmRuntime runtime, Supplier<List<Path>> installedModels, TokenLedger ledger,
                        PlaygroundHistory history, Settings settings, TaskExecutor executor,
                        LoadParameters loadParameters, Clock clock) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.installedModels = Objects.requireNonNull(installedModels, "installedModels");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.history = Objects.requireNonNull(history, "history");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.loadParameters = Objects.requireNonNull(loadParameters, "loadParameters");
        this.clock = Objects.requireNonNull(clock, "clock");
        showSampling(SamplingParameters.defaults());
        canRun = Bindings.createBooleanBinding(() -> phase.get() == PlaygroundPhase.IDLE
                && currentModel.get() != null && !userPrompt.get().isBlank(), phase, currentModel, userPrompt);
        canStop = Bindings.createBooleanBinding(() -> phase.get() == PlaygroundPhase.RUNNING, phase);
        selectedModel.addListener((observable, before, after) -> select(after));
        pricePer1kTokens.addListener((observable, before, after) -> priceChanged(after.doubleValue()));
        promptTokens.addListener((observable, before, after) -> updateDerived());
        generatedTokens.addListener((observable, before, after) -> updateDerived());
        contextSize.addListener((observable, before, after) -> updateDerived());
        currentModel.addListener((observable, before, after) ->
                contextSize.set(after == null ? 0 : after.parameters().contextSize()));
    }

    /**
     * Lists the models, the history, today's tokens and the saved price, and follows the runtime's loads and unloads.
     * Call once, after the pane is built.
     */
    public void start() {
        runtime.addListener(event -> {
            if (event instanceof RuntimeEvent.Loaded || event instanceof RuntimeEvent.Unloaded) {
                executor.runOnUi(() -> runtimeChanged(event));
            }
        });
        refreshModels();
        refreshHistory();
        refreshTokensToday();
        executor.submit(() -> settings.get(PRICE_SETTING), this::showSavedPrice,
                error -> LOG.warn("Cannot read the playground's price per 1000 tokens", error));
    }

    // ---- models

    /** Lists the loaded models and the installed files, keeping the selection where it can. */
    public void refreshModels() {
        executor.submit(this::listModels, this::showModels, error -> showError("Cannot list the models: "
                + describe(error)));
    }

    private List<ModelChoice> listModels() {
        var choices = new LinkedHashMap<Path, ModelChoice>();
        for (var model : runtime.loaded()) {
            choices.putIfAbsent(normalize(model.file()), new ModelChoice.Loaded(model));
        }
        for (var file : installedModels.get()) {
            choices.putIfAbsent(normalize(file), new ModelChoice.Installed(file));
        }
        return List.copyOf(choices.values());
    }

    private void showModels(List<ModelChoice> choices) {
        var current = currentModel.get();
        if (current != null) {
            var listed = choices.stream().filter(choice -> choice instanceof ModelChoice.Loaded loaded
                    && loaded.model() == current).findFirst();
            // A listing begun before the current model finished loading lacks it; only an unload event drops it.
            var shown = listed.orElseGet(() -> new ModelChoice.Loaded(current));
            var all = new ArrayList<ModelChoice>(choices.size() + 1);
            if (listed.isEmpty()) {
                all.add(shown);
            }
            choices.stream().filter(choice -> listed.isPresent()
                    || !normalize(choice.file()).equals(normalize(current.file())))
                    .forEach(all::add);
            models.setAll(all);
            selectQuietly(shown);
            return;
        }
        models.setAll(choices);
        if (selectedModel.get() instanceof ModelChoice.Installed installed
                && phase.get() != PlaygroundPhase.LOADING) {
            choices.stream().filter(choice -> choice.file().equals(installed.file())).findFirst()
                    .ifPresent(this::selectQuietly);
        }
    }

    private void runtimeChanged(RuntimeEvent event) {
        var current = currentModel.get();
        if (event instanceof RuntimeEvent.Unloaded(var modelId, var reason) && current != null
                && current.id().equals(modelId) && phase.get() != PlaygroundPhase.LOADING) {
            currentModel.set(null);
            selectQuietly(null);
            showInfo(ModelChoice.fileName(current.file()) + " was unloaded (" + reason + "). Choose it again to load it.");
        }
        refreshModels();
    }

    private void selectQuietly(ModelChoice choice) {
        selectingQuietly = true;
        try {
            selectedModel.set(choice);
        } finally {
            selectingQuietly = false;
        }
    }

    private void select(ModelChoice choice) {
        if (selectingQuietly) {
            return;
        }
        switch (choice) {
            case null -> currentModel.set(null);
            case ModelChoice.Loaded loaded -> {
                currentModel.set(loaded.model());
                clearMessage();
            }
            case ModelChoice.Installed installed -> load(installed.file());
        }
    }

    private void load(Path file) {
        if (phase.get() != PlaygroundPhase.IDLE) {
            return;
        }
        var alreadyLoaded = runtime.loaded().stream().filter(model -> normalize(model.file()).equals(normalize(file)))
                .findFirst();
        if (alreadyLoaded.isPresent()) {
            currentModel.set(alreadyLoaded.get());
            clearMessage();
            refreshModels();
            return;
        }
        currentModel.set(null);
        phase.set(PlaygroundPhase.LOADING);
        showInfo("Loading " + ModelChoice.fileName(file) + "…");
        executor.submit(() -> runtime.load(file, loadParameters).join(), model -> {
            phase.set(PlaygroundPhase.IDLE);
            currentModel.set(model);
            clearMessage();
            refreshModels();
        }, error -> {
            phase.set(PlaygroundPhase.IDLE);
            LOG.warn("Cannot load the model {}", file, error);
            showError("Cannot load " + ModelChoice.fileName(file) + ": " + describe(error));
            selectQuietly(null);
        });
    }

    // ---- running

    /** Starts a generation with the prompts and sampling shown; does nothing while one runs or a model loads. */
    public void run() {
        if (phase.get() != PlaygroundPhase.IDLE) {
            return;
        }
        var model = currentModel.get();
        if (model == null) {
            showError(models.isEmpty() ? "No model is installed. Add one in the Admin pane's Models tab."
                    : "Choose a model first.");
            return;
        }
        if (userPrompt.get().isBlank()) {
            showError("Write a user prompt first.");
            return;
        }
        SamplingParameters sampling;
        try {
            sampling = sampling();
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        var messages = new ArrayList<ChatMessage>();
        if (!systemPrompt.get().isBlank()) {
            messages.add(ChatMessage.system(systemPrompt.get()));
        }
        messages.add(ChatMessage.user(userPrompt.get()));
        var request = new GenerationRequest.Chat(messages, sampling, OutputConstraint.free());
        var run = new ActiveRun(model, systemPrompt.get(), userPrompt.get(), sampling, clock.instant(), System.nanoTime());
        active = run;
        clearMessage();
        output.set("");
        promptTokens.set(0);
        generatedTokens.set(0);
        timeToFirstTokenMillis.set(-1);
        tokensPerSecond.set(0);
        phase.set(PlaygroundPhase.RUNNING);
        executor.submit(() -> {
            var generation = model.generate(request, run::onText);
            return new Started(generation, countPrompt(model, messages));
        }, started -> run.started(started), error -> run.failedToStart(error));
    }

    /** Stops the running generation at once; the text so far stays and the run is kept as cancelled. */
    public void stop() {
        if (phase.get() != PlaygroundPhase.RUNNING || active == null) {
            return;
        }
        phase.set(PlaygroundPhase.STOPPING);
        active.cancel();
    }

    private record Started(Generation generation, int promptTokens) {
    }

    private static int countPrompt(LoadedModel model, List<ChatMessage> messages) {
        try {
            return model.countTokens(model.renderChat(messages));
        } catch (LlmException e) {
            // The count only fills the gauge early; the result brings the runtime's own count.
            LOG.debug("Cannot count the prompt's tokens before the result", e);
            return 0;
        }
    }

    /** One generation: gathers its streamed text off the UI thread and hands it over in batches. */
    private final class ActiveRun {

        private final LoadedModel model;
        private final String system;
        private final String user;
        private final SamplingParameters sampling;
        private final Instant startedAt;
        private final long startNanos;
        private final StringBuilder pending = new StringBuilder();
        private final AtomicBoolean flushScheduled = new AtomicBoolean();
        private final StringBuilder shown = new StringBuilder();
        private int pieces;
        private long firstPieceNanos;
        private long lastPieceNanos;
        private Generation generation;
        private boolean cancelRequested;
        private boolean finished;

        ActiveRun(LoadedModel model, String system, String user, SamplingParameters sampling, Instant startedAt,
                  long startNanos) {
            this.model = model;
            this.system = system;
            this.user = user;
            this.sampling = sampling;
            this.startedAt = startedAt;
            this.startNanos = startNanos;
        }

        /** On the runtime's thread. */
        void onText(String piece) {
            if (piece.isEmpty()) {
                return;
            }
            var now = System.nanoTime();
            synchronized (pending) {
                pending.append(piece);
                pieces++;
                if (pieces == 1) {
                    firstPieceNanos = now;
                }
                lastPieceNanos = now;
            }
            if (flushScheduled.compareAndSet(false, true)) {
                executor.runOnUi(this::flush);
            }
        }

        /** On the UI thread: one batch of whatever arrived since the last. */
        void flush() {
            flushScheduled.set(false);
            String batch;
            int count;
            long first;
            long last;
            synchronized (pending) {
                batch = pending.toString();
                pending.setLength(0);
                count = pieces;
                first = firstPieceNanos;
                last = lastPieceNanos;
            }
            if (active != this || finished || batch.isEmpty()) {
                return;
            }
            shown.append(batch);
            output.set(shown.toString());
            generatedTokens.set(count);
            timeToFirstTokenMillis.set(Duration.ofNanos(first - startNanos).toMillis());
            var streaming = Duration.ofNanos(last - first).toNanos() / 1e9;
            tokensPerSecond.set(count > 1 && streaming > 0 ? (count - 1) / streaming : 0);
        }

        void started(Started started) {
            generation = started.generation();
            if (promptTokens.get() == 0 && active == this) {
                promptTokens.set(started.promptTokens());
            }
            if (cancelRequested) {
                generation.cancel();
            }
            generation.result().whenComplete((result, error) -> executor.runOnUi(() -> finish(result, error)));
        }

        void cancel() {
            cancelRequested = true;
            if (generation != null) {
                generation.cancel();
            }
        }

        void failedToStart(Throwable error) {
            LOG.warn("The playground could not start a generation on {}", model.id(), error);
            finish(null, error);
        }

        private void finish(GenerationResult result, Throwable error) {
            if (finished) {
                return;
            }
            flush();
            finished = true;
            var streamed = shown.toString();
            var total = Duration.ofNanos(System.nanoTime() - startNanos);
            var firstToken = firstPieceNanos == 0 ? Duration.ZERO : Duration.ofNanos(firstPieceNanos - startNanos);
            PlaygroundRun kept;
            if (result != null) {
                var text = result.text().isEmpty() ? streamed : result.text();
                kept = new PlaygroundRun(startedAt, ModelChoice.fileName(model.file()), system, user, sampling, text,
                        result.promptTokens(), result.generatedTokens(), result.timeToFirstToken(), result.total(),
                        result.tokensPerSecond(), result.outcome(), result.error());
            } else {
                kept = new PlaygroundRun(startedAt, ModelChoice.fileName(model.file()), system, user, sampling,
                        streamed, promptTokens.get(), generatedTokens.get(), firstToken, total, tokensPerSecond.get(),
                        GenerationOutcome.FAILED, Optional.of(describe(error)));
            }
            if (active == this) {
                active = null;
                show(kept);
                phase.set(PlaygroundPhase.IDLE);
                showOutcome(kept);
            }
            save(kept);
        }
    }

    private void showOutcome(PlaygroundRun run) {
        switch (run.outcome()) {
            case COMPLETED -> clearMessage();
            case LENGTH -> showInfo("Stopped at the limit of " + run.sampling().maxTokens() + " tokens.");
            case CANCELLED -> showInfo("Stopped.");
            case FAILED -> showError("The generation failed: " + run.error().orElse("no reason given") + ".");
        }
    }

    private void save(PlaygroundRun run) {
        executor.submit(() -> history.save(run), stored -> {
            runs.removeIf(existing -> existing.id() == stored.id());
            runs.addFirst(stored);
            if (runs.size() > HISTORY_SHOWN) {
                runs.remove(HISTORY_SHOWN, runs.size());
            }
            refreshTokensToday();
        }, error -> {
            LOG.warn("Cannot keep the playground run in the history", error);
            showError("The run was not saved to the history: " + describe(error));
        });
    }

    // ---- history

    /** Reads the history again from the store. */
    public void refreshHistory() {
        executor.submit(() -> history.recent(HISTORY_SHOWN), runs::setAll,
                error -> showError("Cannot read the playground's history: " + describe(error)));
    }

    /**
     * Shows an earlier run again: its prompts, sampling, output and numbers. Selects its model when that file is
     * loaded; otherwise the current model stays and the message names the run's. Ignored while a run is under way.
     */
    public void reopen(StoredRun stored) {
        Objects.requireNonNull(stored, "stored");
        if (phase.get() != PlaygroundPhase.IDLE) {
            return;
        }
        var run = stored.run();
        systemPrompt.set(run.systemPrompt());
        userPrompt.set(run.userPrompt());
        showSampling(run.sampling());
        show(run);
        var sameModel = models.stream().filter(choice -> choice instanceof ModelChoice.Loaded
                && ModelChoice.fileName(choice.file()).equals(run.model())).findFirst();
        sameModel.ifPresent(choice -> {
            selectQuietly(choice);
            currentModel.set(((ModelChoice.Loaded) choice).model());
        });
        showInfo("Reopened the run of " + PlaygroundFormat.when(run.startedAt()) + " on " + run.model()
                + (sameModel.isPresent() ? "." : " (not loaded now)."));
    }

    private void show(PlaygroundRun run) {
        output.set(run.output());
        promptTokens.set(run.promptTokens());
        generatedTokens.set(run.generatedTokens());
        timeToFirstTokenMillis.set(run.timeToFirstToken().toMillis());
        tokensPerSecond.set(run.tokensPerSecond());
    }

    private void refreshTokensToday() {
        executor.submit(() -> ledger.tokensPerDay(1).stream().mapToLong(DailyTokens::totalTokens).sum(),
                tokensToday::set, error -> LOG.warn("Cannot read today's tokens from the ledger", error));
    }

    // ---- sampling

    /** The sampling the form shows, checked. */
    SamplingParameters sampling() {
        var seedText = seed.get().strip();
        OptionalLong seedValue;
        if (seedText.isEmpty()) {
            seedValue = OptionalLong.empty();
        } else {
            try {
                seedValue = OptionalLong.of(Long.parseLong(seedText));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The seed must be a whole number, or empty for a random one.", e);
            }
        }
        try {
            return new SamplingParameters(temperature.get(), topK.get(), topP.get(), minP.get(), repeatPenalty.get(),
                    seedValue, maxTokens.get(), PlaygroundFormat.parseStops(stopStrings.get()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A sampling value is out of range: temperature and repeat penalty "
                    + "at least 0, top-p and min-p between 0 and 1, max tokens at least 1.", e);
        }
    }

    private void showSampling(SamplingParameters sampling) {
        temperature.set(sampling.temperature());
        topK.set(sampling.topK());
        topP.set(sampling.topP());
        minP.set(sampling.minP());
        repeatPenalty.set(sampling.repeatPenalty());
        seed.set(sampling.seed().isPresent() ? Long.toString(sampling.seed().getAsLong()) : "");
        maxTokens.set(sampling.maxTokens());
        stopStrings.set(PlaygroundFormat.formatStops(sampling.stop()));
    }

    // ---- price and derived numbers

    private void showSavedPrice(Optional<String> saved) {
        saved.ifPresent(text -> {
            try {
                var value = Double.parseDouble(text);
                if (Double.isFinite(value) && value >= 0) {
                    pricePer1kTokens.set(value);
                }
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring the saved playground price {}: not a number", text);
            }
        });
        priceLoaded = true;
    }

    private void priceChanged(double value) {
        updateDerived();
        if (!priceLoaded || !Double.isFinite(value) || value < 0) {
            return;
        }
        var text = Double.toString(value);
        executor.submit(() -> {
            settings.put(PRICE_SETTING, text);
            return null;
        }, ignored -> { }, error -> LOG.warn("Cannot save the playground's price per 1000 tokens", error));
    }

    private void updateDerived() {
        var tokens = promptTokens.get() + generatedTokens.get();
        cost.set(tokens / 1000.0 * Math.max(0, pricePer1kTokens.get()));
        contextFill.set(contextSize.get() > 0 ? Math.min(1, (double) tokens / contextSize.get()) : 0);
    }

    // ---- messages

    private void showError(String text) {
        message.set(text);
        messageIsError.set(true);
    }

    private void showInfo(String text) {
        message.set(text);
        messageIsError.set(false);
    }

    private void clearMessage() {
        showInfo("");
    }

    /** A sentence for the user from a failure: its message, never a stack trace. */
    static String describe(Throwable error) {
        if (error == null) {
            return "unknown failure";
        }
        var text = error.getMessage();
        if (text == null || text.isBlank()) {
            return error.getClass().getSimpleName();
        }
        var firstLine = text.strip().lines().findFirst().orElse(text);
        return firstLine.endsWith(".") ? firstLine.substring(0, firstLine.length() - 1) : firstLine;
    }

    private static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }

    // ---- properties

    public ObservableList<ModelChoice> models() {
        return models;
    }

    public ObjectProperty<ModelChoice> selectedModelProperty() {
        return selectedModel;
    }

    /** The model runs go to; empty while none is chosen or loading. */
    public Optional<LoadedModel> currentModel() {
        return Optional.ofNullable(currentModel.get());
    }

    public ReadOnlyObjectProperty<LoadedModel> currentModelProperty() {
        return currentModel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PlaygroundPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** A short sentence about the last load, run or failure; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message tells of a failure (else it is information, such as "Loading…"). */
    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public StringProperty systemPromptProperty() {
        return systemPrompt;
    }

    public StringProperty userPromptProperty() {
        return userPrompt;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    public DoubleProperty topPProperty() {
        return topP;
    }

    public DoubleProperty minPProperty() {
        return minP;
    }

    public DoubleProperty repeatPenaltyProperty() {
        return repeatPenalty;
    }

    /** A whole number, or empty for a random seed. */
    public StringProperty seedProperty() {
        return seed;
    }

    public IntegerProperty maxTokensProperty() {
        return maxTokens;
    }

    /** One stop string per line; {@code \n} and {@code \t} stand for a newline and a tab. */
    public StringProperty stopStringsProperty() {
        return stopStrings;
    }

    /** Kept in the settings under {@value #PRICE_SETTING}. */
    public DoubleProperty pricePer1kTokensProperty() {
        return pricePer1kTokens;
    }

    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty promptTokensProperty() {
        return promptTokens.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty generatedTokensProperty() {
        return generatedTokens.getReadOnlyProperty();
    }

    /** -1 before the first token. */
    public ReadOnlyLongProperty timeToFirstTokenMillisProperty() {
        return timeToFirstTokenMillis.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty tokensPerSecondProperty() {
        return tokensPerSecond.getReadOnlyProperty();
    }

    /** The current model's context in tokens; 0 without a model. */
    public ReadOnlyIntegerProperty contextSizeProperty() {
        return contextSize.getReadOnlyProperty();
    }

    /** Prompt plus generated tokens over the context size, 0 to 1. */
    public ReadOnlyDoubleProperty contextFillProperty() {
        return contextFill.getReadOnlyProperty();
    }

    /** Prompt plus generated tokens at the price per 1000. */
    public ReadOnlyDoubleProperty costProperty() {
        return cost.getReadOnlyProperty();
    }

    /** Tokens the ledger holds for today, every model and caller together. */
    public ReadOnlyLongProperty tokensTodayProperty() {
        return tokensToday.getReadOnlyProperty();
    }

    /** The kept runs, newest first (read-only: runs add themselves, {@link #reopen} shows one). */
    public ObservableList<StoredRun> runs() {
        return readOnlyRuns;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }
}
