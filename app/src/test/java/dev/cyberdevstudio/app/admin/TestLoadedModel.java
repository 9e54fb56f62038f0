package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.llm.ChatMessage;
import dev.cyberdevstudio.llm.Generation;
import dev.cyberdevstudio.llm.GenerationRequest;
import dev.cyberdevstudio.llm.LoadParameters;
import dev.cyberdevstudio.llm.LoadedModel;
import dev.cyberdevstudio.llm.TokenListener;
import dev.cyberdevstudio.models.gguf.GgufInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Test double of a model in memory: the test sets the memory it holds and the generations it runs. */
final class TestLoadedModel implements LoadedModel {

    final AtomicLong memory = new AtomicLong();
    final AtomicInteger generations = new AtomicInteger();
    private final String id;
    private final GgufInfo info;
    private final LoadParameters parameters;
    private final Instant loadedAt = Instant.now();

    TestLoadedModel(String id, GgufInfo info, LoadParameters parameters, long memoryBytes) {
        this.id = id;
        this.info = info;
        this.parameters = parameters;
        this.memory.set(memoryBytes);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Path file() {
        return info.file();
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
        return memory.get();
    }

    @Override
    public int activeGenerations() {
        return generations.get();
    }

    @Override
    public Generation generate(GenerationRequest request, TokenListener listener) {
        throw new UnsupportedOperationException("the admin pane does not generate");
    }

    @Override
    public String renderChat(List<ChatMessage> messages) {
        throw new UnsupportedOperationException("the admin pane does not render chats");
    }

    @Override
    public int countTokens(String text) {
        throw new UnsupportedOperationException("the admin pane does not count tokens");
    }

    @Override
    public int[] tokenize(String text) {
        throw new UnsupportedOperationException("the admin pane does not tokenize");
    }

    @Override
    public String detokenize(int[] tokens) {
        throw new UnsupportedOperationException("the admin pane does not detokenize");
    }

    @Override
    public float[] embed(String text) {
        throw new UnsupportedOperationException("the admin pane does not embed");
    }

    @Override
    public boolean supportsInfill() {
        return false;
    }
}
