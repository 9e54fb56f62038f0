package dev.cyberdevstudio.app.editor.highlight;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.syntax.Language;
import dev.cyberdevstudio.engine.syntax.SyntaxDocument;
import dev.cyberdevstudio.engine.syntax.TextRange;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.TwoDimensional;
import org.reactfx.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tree-sitter syntax highlighting of a {@link CodeArea}: style classes such as {@code keyword} or {@code string}
 * go on the text as it is typed, with the colours left to the theme's CSS ({@code .code-area .keyword}).
 *
 * <pre>{@code
 * AutoCloseable highlighting = SyntaxHighlighting.attach(codeArea, Language.JAVA, executor);
 * // ...
 * highlighting.close();   // when the tab closes, or before attaching another language
 * }</pre>
 *
 * <p>The FX thread only records edits and applies finished styles. Parsing and styling run on one background
 * worker (the executor's virtual threads, one task at a time, since a {@link SyntaxDocument} is not
 * thread-safe): every edit goes to the worker's syntax tree at once, and {@value #DEBOUNCE_MILLIS} ms after the
 * last keystroke or scroll the worker styles the visible paragraphs, then whatever else is out of date, nearest
 * to the viewport first, in chunks, stepping aside whenever new edits wait. Results computed for a text that has
 * changed since are dropped and their range is styled again. When attached, the text shows at once and takes its
 * styles when the first parse lands (a second and a half for 100k lines of Java here).
 *
 * <p>Call {@link #attach} and {@link #close()} on the FX thread.
 */
public final class SyntaxHighlighting implements AutoCloseable {

    static final int DEBOUNCE_MILLIS = 40;
    /** Styled around the viewport at once, so that a short scroll finds its text styled. */
    static final int VIEWPORT_MARGIN_PARAGRAPHS = 30;
    /** What counts as the viewport before the area has been laid out. */
    static final int UNLAID_PARAGRAPHS = 100;
    /**
     * Chars styled per step in the background: some 10 ms on the worker and a few on the FX thread for 8k chars
     * of Java, so that a keystroke never waits long behind a chunk.
     */
    static final int CHUNK_CHARS = 8 * 1024;
    private static final long APPLY_TIMEOUT_SECONDS = 10;
    private static final long FIRST_PAINT_WAIT_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SyntaxHighlighting.class);

    private final CodeArea area;
    private final Language language;
    private final TaskExecutor executor;
    private final SerialQueue worker;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(DEBOUNCE_MILLIS));
    private final InvalidationListener viewportMoved = observable -> debounce.playFromStart();

    // FX thread only
    private final EditLog editLog = new EditLog();
    private long version;
    private Subscription textChanges = Subscription.EMPTY;
    private volatile boolean closed;

    /** How many chars have had their styles changed on the area, for tests. */
    private long stylesApplied;
    /** How many times the whole text was parsed from nothing; edits re-parse the old tree instead. */
    private final AtomicInteger fullParses = new AtomicInteger();

    // Worker only
    private SyntaxDocument document;
    private final DirtyRanges dirty = new DirtyRanges();
    private boolean editedSinceRestyle;

    private SyntaxHighlighting(CodeArea area, Language language, TaskExecutor executor) {
        this.area = area;
        this.language = language;
        this.executor = executor;
        this.worker = new SerialQueue(executor);
        debounce.setOnFinished(event -> requestRestyle());
    }

    /**
     * Starts highlighting {@code area} as {@code language}, parsing on {@code executor}'s background threads.
     *
     * @return the handle that stops the highlighting and frees the syntax tree
     */
    public static SyntaxHighlighting attach(CodeArea area, Language language, TaskExecutor executor) {
        var highlighting = new SyntaxHighlighting(Objects.requireNonNull(area, "area"),
                Objects.requireNonNull(language, "language"), Objects.requireNonNull(executor, "executor"));
        highlighting.start();
        return highlighting;
    }

    public Language language() {
        return language;
    }

    /** Parses of the whole text from nothing (one, when the highlighting starts): for tests. */
    int fullParses() {
        return fullParses.get();
    }

    /** Chars whose styles were set on the area so far (FX thread): for tests. */
    long stylesApplied() {
        return stylesApplied;
    }

    /** Stops listening to the area and frees the syntax tree; the text keeps the styles it has. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        debounce.stop();
        textChanges.unsubscribe();
        area.estimatedScrollYProperty().removeListener(viewportMoved);
        area.heightProperty().removeListener(viewportMoved);
        worker.submit(this::closeDocument);
    }

    private void start() {
        // The document's current state is immutable: its text is built on the worker, not here.
        var snapshot = area.getContent().snapshot();
        // The first parse of a large file keeps a core busy for a second or more: on a small machine it would slow
        // the editor's own first paint, so it waits for that paint (or a moment, for an area not shown yet). Edits
        // queue behind it in order.
        var painted = afterFirstLayout(area).completeOnTimeout(null, FIRST_PAINT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        worker.submit(() -> {
            painted.join();
            openDocument(snapshot.getText());
        });
        textChanges = area.plainTextChanges().subscribe(this::textChanged);
        area.estimatedScrollYProperty().addListener(viewportMoved);
        area.heightProperty().addListener(viewportMoved);
        requestRestyle();
    }

    private static CompletableFuture<Void> afterFirstLayout(CodeArea area) {
        var laidOut = new CompletableFuture<Void>();
        Consumer<Scene> waitForPulse = scene -> {
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                laidOut.complete(null);
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        };
        if (area.getScene() != null) {
            waitForPulse.accept(area.getScene());
        } else {
            area.sceneProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Scene> property, Scene before, Scene after) {
                    if (after != null) {
                        area.sceneProperty().removeListener(this);
                        waitForPulse.accept(after);
                    }
                }
            });
        }
        return laidOut;
    }

    private void textChanged(PlainTextChange change) {
        version++;
        var start = change.getPosition();
        var removedLength = change.getRemoved().length();
        var inserted = change.getInserted();
        editLog.record(version, start, removedLength, inserted.length());
        worker.submit(() -> editDocument(start, removedLength, inserted));
        debounce.playFromStart();
    }

    private void requestRestyle() {
        if (closed) {
            return;
        }
        var requested = version;
        var viewport = viewport();
        worker.submit(() -> restyle(requested, viewport));
    }

    /** The chars of the visible paragraphs and a margin around them. */
    private TextRange viewport() {
        var paragraphs = area.getParagraphs().size();
        int first;
        int last;
        if (area.getVisibleParagraphs().isEmpty()) {
            first = 0;
            last = Math.min(paragraphs, UNLAID_PARAGRAPHS) - 1;
        } else {
            first = area.firstVisibleParToAllParIndex();
            last = area.lastVisibleParToAllParIndex();
        }
        first = Math.max(0, first - VIEWPORT_MARGIN_PARAGRAPHS);
        last = Math.min(paragraphs - 1, last + VIEWPORT_MARGIN_PARAGRAPHS);
        return new TextRange(area.getAbsolutePosition(first, 0),
                area.getAbsolutePosition(last, area.getParagraphLength(last)));
    }

    /** FX thread: puts styles computed for {@code computedFor} on the text, unless the text has changed since. */
    private boolean apply(long computedFor, TextRange range, StyleSpans<Collection<String>> styles) {
        if (closed) {
            return false;
        }
        if (computedFor != version) {
            var carried = editLog.carry(range, computedFor);
            worker.submit(() -> markDirty(carried));
            debounce.playFromStart();
            return false;
        }
        setChangedParagraphs(range, styles);
        return true;
    }

    /**
     * Sets {@code styles} on the paragraphs of {@code range} from the first whose styles change to the last: setting
     * styles replaces each paragraph they touch, and the view then rebuilds its text and gutter nodes, while after a
     * keystroke nearly every line of a restyled viewport comes back as it was. Compared line by line because a
     * paragraph holds no style for its line break.
     */
    private void setChangedParagraphs(TextRange range, StyleSpans<Collection<String>> styles) {
        int firstParagraph = area.offsetToPosition(range.start(), TwoDimensional.Bias.Forward).getMajor();
        int lastParagraph = area.offsetToPosition(range.end(), TwoDimensional.Bias.Backward).getMajor();
        int from = -1;
        int to = -1;
        for (int paragraph = firstParagraph; paragraph <= lastParagraph; paragraph++) {
            int lineStart = area.getAbsolutePosition(paragraph, 0);
            int start = Math.max(lineStart, range.start());
            int end = Math.min(lineStart + area.getParagraphLength(paragraph), range.end());
            if (end <= start) {
                continue;
            }
            var before = area.getStyleSpans(paragraph, start - lineStart, end - lineStart);
            var after = styles.subView(start - range.start(), end - range.start());
            if (StyleDiff.changed(before, after).isPresent()) {
                from = from < 0 ? start : from;
                to = end;
            }
        }
        if (from >= 0) {
            area.setStyleSpans(from, styles.subView(from - range.start(), to - range.start()));
            stylesApplied += to - from;
        }
    }

    private void openDocument(String text) {
        if (closed) {
            return;
        }
        document = SyntaxDocument.open(language, text);
        fullParses.incrementAndGet();
        dirty.add(new TextRange(0, text.length()));
    }

    private void editDocument(int start, int removedLength, String inserted) {
        if (document == null) {
            return;
        }
        document.edit(start, removedLength, inserted);
        dirty.shift(start, removedLength, inserted.length());
        editedSinceRestyle = true;
    }

    private void markDirty(TextRange range) {
        if (document == null) {
            return;
        }
        dirty.add(range);
        dirty.clip(document.length());
    }

    private void restyle(long requested, TextRange requestedViewport) {
        if (document == null || closed) {
            return;
        }
        var length = document.length();
        var viewport = new TextRange(Math.min(requestedViewport.start(), length),
                Math.min(requestedViewport.end(), length));
        // The viewport first: its spans re-parse the edits, and asking tree-sitter what else changed (tens of
        // milliseconds on a huge file) can wait until they are on screen.
        var viewportStyled = false;
        if (!viewport.isEmpty() && (editedSinceRestyle || dirty.intersects(viewport))) {
            dirty.remove(viewport);
            viewportStyled = publish(requested, viewport);
        }
        editedSinceRestyle = false;
        document.reparse().ifPresent(dirty::add);
        if (viewportStyled) {
            dirty.remove(viewport);
        }
        dirty.clip(length);
        while (!dirty.isEmpty() && !closed && !worker.hasWaitingTasks()) {
            var chunk = wholeChars(dirty.takeNear(viewport, CHUNK_CHARS).orElseThrow());
            dirty.remove(chunk);
            if (!publish(requested, chunk)) {
                break;
            }
        }
        executor.runOnUi(() -> editLog.forgetUpTo(requested));
    }

    /** Widens a chunk so that no emoji is split between two chunks. */
    private TextRange wholeChars(TextRange chunk) {
        var start = chunk.start();
        var end = chunk.end();
        if (start > 0 && start < document.length() && Character.isLowSurrogate(document.charAt(start))) {
            start--;
        }
        if (end < document.length() && Character.isLowSurrogate(document.charAt(end))) {
            end++;
        }
        return new TextRange(start, end);
    }

    /** Worker: computes the styles of {@code range} and waits until the FX thread has applied or dropped them. */
    private boolean publish(long computedFor, TextRange range) {
        var styles = StyleSpansFactory.of(document.spans(range.start(), range.end()), range.start(), range.end());
        var applied = new CompletableFuture<Boolean>();
        executor.runOnUi(() -> {
            try {
                applied.complete(apply(computedFor, range, styles));
            } catch (RuntimeException error) {
                applied.completeExceptionally(error);
            }
        });
        try {
            return applied.get(APPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException error) {
            LOG.warn("Could not style {} chars at {} of the {} text", range.length(), range.start(),
                    language.displayName(), error.getCause());
            return false;
        } catch (TimeoutException timeout) {
            LOG.warn("The FX thread did not take the styles of {} chars within {} s", range.length(),
                    APPLY_TIMEOUT_SECONDS);
            return false;
        }
    }

    private void closeDocument() {
        if (document != null) {
            document.close();
            document = null;
        }
    }
}
