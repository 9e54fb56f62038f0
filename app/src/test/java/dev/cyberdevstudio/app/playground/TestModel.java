package dev.cyberdevstudio.app.playground;

import dev.cyberdevstudio.llm.ChatMessage;
import dev.cyberdevstudio.llm.Generation;
import dev.cyberdevstudio.llm.GenerationRequest;
import dev.cyberdevstudio.llm.LlmException;
import dev.cyberdevstudio.llm.LoadParameters;
import dev.cyberdevstudio.llm.LoadedModel;
import dev.cyberdevstudio.llm.TokenListener;
import dev.cyberdevstudio.llm.UsageRecord;
import dev.cyberdevstudio.llm.UsageRecorder;
import dev.cyberdevstudio.models.gguf.GgufInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * TEST DOUBLE of a {@link LoadedModel}, for the playground's tests until the real llama.cpp runtime is merged: it
 * answers every chat with "You asked: " and the user's words, then a fixed story (twenty times over when the prompt
 * asks for a "long story"), one word per piece.
 *
 * <p>With a {@code pieceDelay} it streams on a virtual thread of its own, like the real runtime's inference thread;
 * without one ({@link #manual}) nothing streams until the test calls {@link TestGeneration#emitNext}, so that view
 * model tests run on one thread. Tokens are counted as words. Each ended generation is recorded in the usage recorder
 * as the runtime does.
 */
final class TestModel implements LoadedModel {

    static final String STORY = "Once upon a time a tiny model lived in a test and streamed its words one by one "
            + "until someone pressed stop or the story ran out of words to say";

    private final String id;
    private final Path file;
    private final LoadParameters parameters;
    private final UsageRecorder recorder;
    private final Optional<Duration> pieceDelay;
    private final Instant loadedAt = Instant.now();
    private final List<GenerationRequest> requests = new CopyOnWriteArrayList<>();
    private final List<TestGeneration> generations = new CopyOnWriteArrayList<>();
    private volatile boolean unloaded;

    private TestModel(String id, Path file, LoadParameters parameters, UsageRecorder recorder,
                      Optional<Duration> pieceDelay) {
        this.id = id;
        this.file = file;
        this.parameters = parameters;
        this.recorder = recorder;
        this.pieceDelay = pieceDelay;
    }

    /** A model whose generations stream only when the test says. */
    static TestModel manual(String id, Path file, int contextSize, UsageRecorder recorder) {
        return new TestModel(id, file, LoadParameters.defaults().withContextSize(contextSize), recorder,
                Optional.empty());
    }

    /** A model that streams on a thread of its own, one piece every {@code pieceDelay}. */
    static TestModel streaming(String id, Path file, LoadParameters parameters, UsageRecorder recorder,
                               Duration pieceDelay) {
        return new TestModel(id, file, parameters, recorder, Optional.of(pieceDelay));
    }

    List<GenerationRequest> requests() {
        return requests;
    }

    TestGeneration lastGeneration() {
        return generations.getLast();
    }

    void markUnloaded() {
        unloaded = true;
    }

    @Override
    public Generation generate(GenerationRequest request, TokenListener listener) {
        checkLoaded();
        requests.add(request);
        if (!(request instanceof GenerationRequest.Chat chat)) {
            throw new LlmException("the test model only chats");
        }
        var user = chat.messages().getLast().content();
        var script = new ArrayList<String>();
        script.add("You");
        script.add(" asked:");
        for (var word : user.strip().split("\\s+")) {
            script.add(" " + word);
        }
        script.add(".");
        // A prompt asking for a long story gets the story twenty times: long enough to press Stop in the middle.
        var tellings = user.contains("long story") ? 20 : 1;
        for (var telling = 0; telling < tellings; telling++) {
            for (var word : STORY.split(" ")) {
                script.add(" " + word);
            }
        }
        var startedAt = Instant.now();
        var generation = new TestGeneration(listener, script, countTokens(renderChat(chat.messages())),
                request.sampling().maxTokens(), request.sampling().stop(), result -> recorder.record(
                        new UsageRecord(startedAt, file.getFileName().toString(), UsageRecord.RequestKind.CHAT,
                                result.promptTokens(), result.generatedTokens(), result.timeToFirstToken(),
                                result.total(), result.tokensPerSecond(), result.outcome())));
        generations.add(generation);
        pieceDelay.ifPresent(delay -> Thread.ofVirtual().name("test-model-" + id).start(() -> {
            try {
                do {
                    Thread.sleep(delay);
                } while (generation.emitNext());
            } catch (InterruptedException e) {
                generation.cancel();
            }
        }));
        return generation;
    }

    @Override
    public String renderChat(List<ChatMessage> messages) {
        return messages.stream().map(message -> "<|" + message.role().name().toLowerCase() + "|> "
                + message.content()).collect(Collectors.joining(" ")) + " <|assistant|>";
    }

    @Override
    public int countTokens(String text) {
        checkLoaded();
        var stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    @Override
    public int[] tokenize(String text) {
        return new int[countTokens(text)];
    }

    @Override
    public String detokenize(int[] tokens) {
        return Arrays.toString(tokens);
    }

    @Override
    public float[] embed(String text) {
        throw new LlmException("the test model has no embeddings");
    }

    @Override
    public boolean supportsInfill() {
        return false;
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
        return new GgufInfo(file, 1024, 3, "llama", file.getFileName().toString(), 1_000_000, "F32", 2048, 64, 2,
                "llama", 300, Optional.empty(), false);
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
        return 1024;
    }

    @Override
    public int activeGenerations() {
        return (int) generations.stream().filter(generation -> !generation.isDone()).count();
    }

    private void checkLoaded() {
        if (unloaded) {
            throw new LlmException("The model " + id + " was unloaded.");
        }
    }
}
