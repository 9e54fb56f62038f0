package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.CompletionItem;
import dev.cyberdevstudio.engine.lsp.TextPosition;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;

/**
 * Completion as you type: a word or a '.' asks the server, its answer is narrowed on the client as the user keeps
 * typing, and the chosen proposal replaces what was typed. An answer that arrives after the text moved on (another
 * line, a different word) is dropped; a server that never answers simply shows nothing.
 */
final class CompletionController {

    private final LanguageFeatures features;
    private final CodeArea area;
    private final CompletionPopup popup;
    private Session session;
    private long sequence;
    private long shownSession = -1;

    /** One question to the server: where the word being completed starts, and its answer once it came. */
    private static final class Session {
        final long id;
        final int paragraph;
        final int prefixStart;
        final int requestColumn;
        final String lineHead;
        List<CompletionItem> items;

        Session(long id, int paragraph, int prefixStart, int requestColumn, String lineHead) {
            this.id = id;
            this.paragraph = paragraph;
            this.prefixStart = prefixStart;
            this.requestColumn = requestColumn;
            this.lineHead = lineHead;
        }
    }

    CompletionController(LanguageFeatures features, CodeArea area) {
        this.features = features;
        this.area = area;
        this.popup = new CompletionPopup(this::accept, event -> {
            if (handleKey(event)) {
                event.consume();
            }
        });
    }

    /** The user typed {@code character}, which is now before the caret. */
    void typed(char character) {
        if (character == '.') {
            start();
        } else if (Identifiers.isPart(character)) {
            if (session != null && isValid(session)) {
                if (session.items != null) {
                    refilter();
                }
                return;
            }
            var line = currentLine();
            int column = area.getCaretColumn();
            int wordStart = Identifiers.wordStart(line, column);
            if (wordStart < column && !Character.isDigit(line.charAt(wordStart))) {
                start();
            }
        } else {
            cancel();
        }
    }

    /** Ctrl+Space: ask now, whatever was typed. */
    void force() {
        start();
    }

    void caretMoved() {
        if (session == null) {
            return;
        }
        if (!isValid(session)) {
            cancel();
        } else if (session.items != null) {
            refilter();
        }
    }

    /** Up, Down, Page Up/Down, Enter, Tab and Esc while the list shows; true when the key was used. */
    boolean handleKey(KeyEvent event) {
        if (!popup.isShowing()) {
            return false;
        }
        switch (event.getCode()) {
            case UP -> popup.move(-1);
            case DOWN -> popup.move(1);
            case PAGE_UP -> popup.move(-8);
            case PAGE_DOWN -> popup.move(8);
            case ENTER, TAB -> popup.selected().ifPresentOrElse(this::accept, this::cancel);
            case ESCAPE -> cancel();
            default -> {
                return false;
            }
        }
        return true;
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    CompletionPopup popup() {
        return popup;
    }

    void cancel() {
        session = null;
        popup.hide();
    }

    private void start() {
        int paragraph = area.getCurrentParagraph();
        int column = area.getCaretColumn();
        var line = currentLine();
        int prefixStart = Identifiers.wordStart(line, column);
        var asked = new Session(++sequence, paragraph, prefixStart, column, line.substring(0, prefixStart));
        session = asked;
        var at = new TextPosition(paragraph, column);
        features.ask(service -> service.completion(features.path(), at), items -> answered(asked, items), null);
    }

    private void answered(Session asked, List<CompletionItem> items) {
        if (session != asked) {
            return;
        }
        if (!isValid(asked)) {
            cancel();
            return;
        }
        asked.items = items;
        refilter();
    }

    private void refilter() {
        var current = session;
        var line = currentLine();
        var prefix = line.substring(current.prefixStart, area.getCaretColumn());
        var shown = CompletionFilter.filter(current.items, prefix);
        var caret = area.getCaretBounds();
        if (shown.isEmpty() || caret.isEmpty()) {
            popup.hide();
            return;
        }
        popup.show(area, shown, caret.get(), current.id == shownSession);
        shownSession = current.id;
    }

    // Still the same word on the same line, grown or shrunk only by word characters.
    private boolean isValid(Session asked) {
        if (area.getCurrentParagraph() != asked.paragraph) {
            return false;
        }
        var line = currentLine();
        int column = area.getCaretColumn();
        return column >= asked.prefixStart && line.startsWith(asked.lineHead)
                && Identifiers.allParts(line.substring(asked.prefixStart, column));
    }

    private void accept(CompletionItem item) {
        var chosen = session;
        cancel();
        if (chosen == null || !isValid(chosen)) {
            return;
        }
        var document = features.document();
        var text = document.text();
        int caret = area.getCaretPosition();
        int lineStart = area.getAbsolutePosition(chosen.paragraph, 0);
        int typedSince = area.getCaretColumn() - chosen.requestColumn;
        OffsetEdit main = item.edit()
                .map(edit -> new OffsetEdit(then(chosen, edit.span().start(), lineStart, typedSince),
                        Math.max(then(chosen, edit.span().start(), lineStart, typedSince),
                                then(chosen, edit.span().end(), lineStart, typedSince)), edit.newText()))
                .orElse(new OffsetEdit(lineStart + chosen.prefixStart, caret, item.insertText()));
        var edits = new ArrayList<OffsetEdit>();
        edits.add(main);
        for (var extra : item.additionalEdits()) {
            int start = then(chosen, extra.span().start(), lineStart, typedSince);
            int end = Math.max(start, then(chosen, extra.span().end(), lineStart, typedSince));
            edits.add(new OffsetEdit(start, end, extra.newText()));
        }
        EditPlan plan;
        try {
            plan = EditPlan.ofOffsets(text, edits);
        } catch (IllegalArgumentException overlapping) {
            plan = EditPlan.ofOffsets(text, List.of(main));
        }
        var merged = plan.merged();
        if (merged.isEmpty()) {
            return;
        }
        int caretAfter = plan.mapOffset(main.end());
        var one = merged.get();
        if (document.replace(one.start(), one.end(), one.text())) {
            document.select(caretAfter, caretAfter);
        }
    }

    // A position in the text the server saw, as an offset now: only word characters were typed since, after the
    // request's column on its line, so places from there on moved right by what was typed.
    private int then(Session asked, TextPosition position, int lineStart, int typedSince) {
        if (position.line() == asked.paragraph && position.character() >= asked.requestColumn) {
            return lineStart + position.character() + typedSince;
        }
        return features.offsetOf(position);
    }

    private String currentLine() {
        return area.getParagraph(area.getCurrentParagraph()).getText();
    }
}
