package dev.cyberdevstudio.engine.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Language intelligence for the files of one project, from the language servers configured per file type.
 * Servers start on the first file that needs them, start again when they crash and stop when this closes.
 *
 * <p>Every query answers with a future that completes (empty when no server serves the file, the server does not
 * offer the feature, or it did not answer in time); none of them throws on the caller's thread. Listeners are
 * called on the service's own threads.
 *
 * <pre>{@code
 * service.onDiagnostics(problems::show);
 * service.opened(file, text);
 * service.changed(file, newText);
 * service.completion(file, new TextPosition(3, 7)).thenAccept(popup::show);
 * }</pre>
 */
public interface LanguageService extends AutoCloseable {

    /** Whether a server is configured for {@code file}'s type (it may still be missing or failed). */
    boolean serves(Path file);

    /**
     * How the server for {@code file}'s type is doing, once it has been needed (after {@link #opened}); empty for a
     * file no server serves or whose server was never needed.
     */
    default Optional<ServerStatus> status(Path file) {
        return Optional.empty();
    }

    /** The editor opened {@code file} with {@code text}. */
    void opened(Path file, String text);

    /** The text of an open {@code file} is now {@code text}. */
    void changed(Path file, String text);

    void saved(Path file);

    void closed(Path file);

    CompletableFuture<List<CompletionItem>> completion(Path file, TextPosition at);

    /** The hover text (markdown or plain) at {@code at}. */
    CompletableFuture<Optional<String>> hover(Path file, TextPosition at);

    CompletableFuture<Optional<SignatureHelp>> signatureHelp(Path file, TextPosition at);

    CompletableFuture<List<SourceLocation>> definition(Path file, TextPosition at);

    CompletableFuture<List<SourceLocation>> references(Path file, TextPosition at);

    /** The edits, per file, that rename the symbol at {@code at} to {@code newName}. */
    CompletableFuture<Map<Path, List<TextEdit>>> rename(Path file, TextPosition at, String newName);

    CompletableFuture<List<TextEdit>> format(Path file, int tabSize, boolean insertSpaces);

    /** Called with a file's whole list of problems whenever a server publishes it. */
    void onDiagnostics(Consumer<FileDiagnostics> listener);

    /** Called whenever a server's state changes (starting, running, crashed and restarting, missing …). */
    void onStatus(Consumer<ServerStatus> listener);

    /** Stops every server. */
    @Override
    void close();
}
