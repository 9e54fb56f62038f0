package dev.cyberdevstudio.app.editor.editing;

import java.util.Collection;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.Subscription;

/**
 * Boxes around the bracket beside the caret and its partner, drawn on the editor's overlay: {@code bracket-match}
 * for a pair, {@code bracket-unmatched} for a bracket without one. Brackets the highlighter styled as string or
 * comment are skipped. The boxes follow the caret, edits, restyling and scrolling, redrawn once per pulse.
 */
final class BracketHighlight implements AutoCloseable {

    static final String MATCH = "bracket-match";
    static final String UNMATCHED = "bracket-unmatched";

    private final CodeArea area;
    private final Pane overlay;
    private final Supplier<CharSequence> text;
    private final Region first = box();
    private final Region second = box();
    private final Subscription subscriptions;
    private final ChangeListener<Integer> caretMoved = (observable, was, is) -> requestRefresh(true);
    private Optional<BracketMatcher.Match> current = Optional.empty();
    private boolean refreshQueued;
    private boolean rematch;
    private boolean closed;

    BracketHighlight(CodeArea area, Pane overlay, Supplier<CharSequence> text) {
        this.area = area;
        this.overlay = overlay;
        this.text = text;
        overlay.getChildren().addAll(first, second);
        area.caretPositionProperty().addListener(caretMoved);
        // Text and style changes can change the match; scrolling only moves the boxes.
        subscriptions = area.multiRichChanges().subscribe(changes -> requestRefresh(true))
                .and(area.viewportDirtyEvents().subscribe(dirty -> requestRefresh(false)));
        requestRefresh(true);
    }

    /** The bracket beside the caret and its partner, as drawn now. */
    Optional<BracketMatcher.Match> current() {
        return current;
    }

    /** Whether the char at {@code offset} is code rather than string or comment, by the highlighter's styles. */
    static IntPredicate codeIn(CodeArea area) {
        return offset -> {
            Collection<String> style = area.getStyleOfChar(offset);
            return !style.contains("string") && !style.contains("comment");
        };
    }

    private void requestRefresh(boolean matchAgain) {
        rematch |= matchAgain;
        if (!refreshQueued && !closed) {
            refreshQueued = true;
            Platform.runLater(this::refresh);
        }
    }

    void refresh() {
        refreshQueued = false;
        if (closed) {
            return;
        }
        if (rematch) {
            rematch = false;
            current = BracketMatcher.at(text.get(), area.getCaretPosition(), codeIn(area));
        }
        if (current.isEmpty()) {
            hide(first);
            hide(second);
            return;
        }
        var match = current.get();
        show(first, match.bracket(), match.matched() ? MATCH : UNMATCHED);
        if (match.matched()) {
            show(second, match.partner().getAsInt(), MATCH);
        } else {
            hide(second);
        }
    }

    private void show(Region box, int offset, String styleClass) {
        Optional<Bounds> onScreen = area.getCharacterBoundsOnScreen(offset, offset + 1);
        if (onScreen.isEmpty()) {
            hide(box);
            return;
        }
        var local = overlay.screenToLocal(onScreen.get());
        if (local == null) {
            hide(box);
            return;
        }
        box.getStyleClass().setAll(styleClass);
        box.resizeRelocate(Math.floor(local.getMinX()), Math.floor(local.getMinY()),
                Math.ceil(local.getWidth()), Math.ceil(local.getHeight()));
        box.setVisible(true);
    }

    private static void hide(Region box) {
        box.setVisible(false);
    }

    private static Region box() {
        var box = new Region();
        box.setManaged(false);
        box.setMouseTransparent(true);
        box.setVisible(false);
        return box;
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.unsubscribe();
        area.caretPositionProperty().removeListener(caretMoved);
        overlay.getChildren().removeAll(first, second);
    }
}
