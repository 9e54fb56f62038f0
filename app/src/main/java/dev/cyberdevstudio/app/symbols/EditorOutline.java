package dev.cyberdevstudio.app.symbols;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.engine.syntax.Language;
import dev.cyberdevstudio.engine.syntax.SymbolOutline;
import dev.cyberdevstudio.engine.syntax.SyntaxDocument;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.reactfx.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The symbol outline of one open document, kept current off the FX thread: a syntax tree of its own takes every
 * edit as it happens (a cheap call), and {@value #DEBOUNCE_MILLIS} ms after the last one the tree is re-parsed and
 * the outline read again, on the executor's background threads, one task at a time in order.
 *
 * <pre>{@code
 * var outline = EditorOutline.attach(document, Language.JAVA, executor);
 * outline.outlineProperty().addListener((o, before, after) -> show(after.enclosing(caret)));
 * outline.close();   // with the editor
 * }</pre>
 */
public final class EditorOutline implements AutoCloseable {

    static final int DEBOUNCE_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(EditorOutline.class);

    private final DocumentViewModel document;
    private final Language language;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<SymbolOutline> outline = new ReadOnlyObjectWrapper<>(this, "outline");
    private final PauseTransition debounce = new PauseTransition(Duration.millis(DEBOUNCE_MILLIS));
    private CompletableFuture<Void> queue = CompletableFuture.completedFuture(null);
    private Subscription changes = Subscription.EMPTY;
    private volatile boolean closed;
    // Background queue only.
    private SyntaxDocument syntax;

    private EditorOutline(DocumentViewModel document, Language language, TaskExecutor executor) {
        this.document = document;
        this.language = language;
        this.executor = executor;
        debounce.setOnFinished(event -> enqueue(this::publish));
    }

    /** Starts following {@code document}, read as {@code language}; call on the FX thread. */
    public static EditorOutline attach(DocumentViewModel document, Language language, TaskExecutor executor) {
        var editorOutline = new EditorOutline(document, language, executor);
        editorOutline.start();
        return editorOutline;
    }

    /** The language of a file by its name, for the files that have one. */
    public static Optional<Language> languageOf(DocumentViewModel document) {
        var name = document.path().getFileName();
        return name == null ? Optional.empty() : Language.forFileName(name.toString());
    }

    /** The latest outline: null until the first parse has landed. */
    public ReadOnlyObjectProperty<SymbolOutline> outlineProperty() {
        return outline.getReadOnlyProperty();
    }

    public Optional<SymbolOutline> outline() {
        return Optional.ofNullable(outline.get());
    }

    public DocumentViewModel document() {
        return document;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        debounce.stop();
        changes.unsubscribe();
        enqueue(() -> {
            if (syntax != null) {
                syntax.close();
                syntax = null;
            }
        });
    }

    private void start() {
        var text = document.text();
        enqueue(() -> syntax = SyntaxDocument.open(language, text));
        enqueue(this::publish);
        changes = document.document().plainChanges().subscribe(change -> {
            var start = change.getPosition();
            var removed = change.getRemoved().length();
            var inserted = change.getInserted();
            enqueue(() -> {
                if (syntax != null) {
                    syntax.edit(start, removed, inserted);
                }
            });
            debounce.playFromStart();
        });
    }

    /** Background: reads the outline of the tree as the edits so far left it, and hands it to the FX thread. */
    private void publish() {
        if (syntax == null || closed) {
            return;
        }
        var read = syntax.outline();
        executor.runOnUi(() -> {
            if (!closed) {
                outline.set(read);
            }
        });
    }

    /** Runs {@code task} in the background after every task enqueued before it. */
    private void enqueue(Runnable task) {
        queue = queue.thenCompose(ignored -> executor.submit(() -> {
            task.run();
            return null;
        }).<Void>thenApply(done -> null).exceptionally(error -> {
            LOG.warn("Reading the symbols of {} failed", document.path(), error);
            return null;
        }));
    }
}
