package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.CompletionItem;
import dev.cyberdevstudio.engine.lsp.FileDiagnostics;
import dev.cyberdevstudio.engine.lsp.LanguageService;
import dev.cyberdevstudio.engine.lsp.ServerStatus;
import dev.cyberdevstudio.engine.lsp.SignatureHelp;
import dev.cyberdevstudio.engine.lsp.SourceLocation;
import dev.cyberdevstudio.engine.lsp.TextEdit;
import dev.cyberdevstudio.engine.lsp.TextPosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A language service for tests, played from a script: each query answers from what the test put in, at once,
 * after a delay, or never ({@link Mode#HANG}). It records every call, and publishes problems and states when told.
 */
final class ScriptedLanguageService implements LanguageService {

    /** How queries answer. */
    enum Mode { NOW, LATE, HANG }

    /** A call the editor made: its name, the file and, for text, what it sent. */
    record Call(String name, Path file, String detail) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<?>> hanging = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<?>> answered = new CopyOnWriteArrayList<>();
    private final List<Consumer<FileDiagnostics>> diagnosticsListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ServerStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final String servedSuffix;

    volatile Mode mode = Mode.NOW;
    volatile long lateMillis = 400;
    volatile List<CompletionItem> completions = List.of();
    volatile Optional<String> hover = Optional.empty();
    volatile Optional<SignatureHelp> signature = Optional.empty();
    volatile List<SourceLocation> definitions = List.of();
    volatile List<SourceLocation> references = List.of();
    volatile Map<Path, List<TextEdit>> renameEdits = Map.of();
    volatile List<TextEdit> formatEdits = List.of();
    volatile boolean closed;

    ScriptedLanguageService(String servedSuffix) {
        this.servedSuffix = servedSuffix;
    }

    @Override
    public boolean serves(Path file) {
        return file.getFileName().toString().endsWith(servedSuffix);
    }

    @Override
    public void opened(Path file, String text) {
        calls.add(new Call("opened", file, text));
    }

    @Override
    public void changed(Path file, String text) {
        calls.add(new Call("changed", file, text));
    }

    @Override
    public void saved(Path file) {
        calls.add(new Call("saved", file, ""));
    }

    @Override
    public void closed(Path file) {
        calls.add(new Call("closed", file, ""));
    }

    @Override
    public CompletableFuture<List<CompletionItem>> completion(Path file, TextPosition at) {
        return answer("completion", file, at, completions);
    }

    @Override
    public CompletableFuture<Optional<String>> hover(Path file, TextPosition at) {
        return answer("hover", file, at, hover);
    }

    @Override
    public CompletableFuture<Optional<SignatureHelp>> signatureHelp(Path file, TextPosition at) {
        return answer("signatureHelp", file, at, signature);
    }

    @Override
    public CompletableFuture<List<SourceLocation>> definition(Path file, TextPosition at) {
        return answer("definition", file, at, definitions);
    }

    @Override
    public CompletableFuture<List<SourceLocation>> references(Path file, TextPosition at) {
        return answer("references", file, at, references);
    }

    @Override
    public CompletableFuture<Map<Path, List<TextEdit>>> rename(Path file, TextPosition at, String newName) {
        return answer("rename " + newName, file, at, renameEdits);
    }

    @Override
    public CompletableFuture<List<TextEdit>> format(Path file, int tabSize, boolean insertSpaces) {
        return answer("format", file, new TextPosition(0, 0), formatEdits);
    }

    @Override
    public void onDiagnostics(Consumer<FileDiagnostics> listener) {
        diagnosticsListeners.add(listener);
    }

    @Override
    public void onStatus(Consumer<ServerStatus> listener) {
        statusListeners.add(listener);
    }

    /** Publishes problems from another thread, as a server's reader thread would. */
    void publish(FileDiagnostics diagnostics) {
        CompletableFuture.runAsync(() -> diagnosticsListeners.forEach(listener -> listener.accept(diagnostics)))
                .join();
    }

    void status(ServerStatus status) {
        CompletableFuture.runAsync(() -> statusListeners.forEach(listener -> listener.accept(status))).join();
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The calls named {@code name}, in order. */
    List<Call> calls(String name) {
        return new ArrayList<>(calls.stream().filter(call -> call.name().equals(name)).toList());
    }

    /** The positions asked about by queries named {@code name}. */
    List<String> asked(String name) {
        return calls.stream().filter(call -> call.name().equals(name)).map(Call::detail).toList();
    }

    private <T> CompletableFuture<T> answer(String name, Path file, TextPosition at, T value) {
        calls.add(new Call(name, file, at.line() + ":" + at.character()));
        return switch (mode) {
            case NOW -> CompletableFuture.completedFuture(value);
            case LATE -> {
                var late = CompletableFuture.supplyAsync(() -> value,
                        CompletableFuture.delayedExecutor(lateMillis, TimeUnit.MILLISECONDS));
                answered.add(late);
                yield late;
            }
            case HANG -> {
                var never = new CompletableFuture<T>();
                hanging.add(never);
                yield never;
            }
        };
    }
}
