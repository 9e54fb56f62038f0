package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A language server's edits to one text, turned into offsets and sorted. Servers send them against the text as it
 * was, in any order: applying them from the last to the first keeps every offset valid, and merging them into one
 * replacement makes the whole change a single undo step in the editor.
 *
 * <pre>{@code
 * var plan = EditPlan.of(text, edits);
 * plan.merged().ifPresent(one -> document.replace(one.start(), one.end(), one.text()));
 * int caret = plan.mapOffset(oldCaret);
 * }</pre>
 */
final class EditPlan {

    private final String text;
    private final List<OffsetEdit> edits;

    private EditPlan(String text, List<OffsetEdit> edits) {
        this.text = text;
        this.edits = edits;
    }

    /**
     * The plan for {@code edits} against {@code text}.
     *
     * @throws IllegalArgumentException when two edits overlap: then the server's answer cannot be applied safely
     */
    static EditPlan of(String text, List<TextEdit> edits) {
        var index = LineIndex.of(text);
        var offsets = new ArrayList<OffsetEdit>(edits.size());
        for (var edit : edits) {
            int start = index.offset(edit.span().start());
            int end = Math.max(start, index.offset(edit.span().end()));
            offsets.add(new OffsetEdit(start, end, edit.newText()));
        }
        return ofOffsets(text, offsets);
    }

    static EditPlan ofOffsets(String text, List<OffsetEdit> edits) {
        // A stable sort: inserts at the same place keep the order the server gave them, as LSP asks.
        var sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(OffsetEdit::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start() < sorted.get(i - 1).end()) {
                throw new IllegalArgumentException("The language server sent overlapping edits ("
                        + sorted.get(i - 1).start() + ".." + sorted.get(i - 1).end() + " and "
                        + sorted.get(i).start() + ".." + sorted.get(i).end() + ")");
            }
            if (sorted.get(i).end() > text.length()) {
                throw new IllegalArgumentException("An edit reaches past the end of the text");
            }
        }
        return new EditPlan(text, List.copyOf(sorted));
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    int size() {
        return edits.size();
    }

    /** The text with every edit applied. */
    String apply() {
        var result = new StringBuilder(text);
        for (var edit : edits.reversed()) {
            result.replace(edit.start(), edit.end(), edit.text());
        }
        return result.toString();
    }

    /**
     * One replacement with the same effect as all the edits, as small as it can be: empty when the edits change
     * nothing (a formatter that finds the file already formatted).
     */
    Optional<OffsetEdit> merged() {
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        int start = edits.getFirst().start();
        int end = edits.getLast().end();
        var replacement = new StringBuilder(text.substring(start, end));
        for (var edit : edits.reversed()) {
            replacement.replace(edit.start() - start, edit.end() - start, edit.text());
        }
        var old = text.substring(start, end);
        var now = replacement.toString();
        int prefix = 0;
        int limit = Math.min(old.length(), now.length());
        while (prefix < limit && old.charAt(prefix) == now.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && old.charAt(old.length() - 1 - suffix) == now.charAt(now.length() - 1 - suffix)) {
            suffix++;
        }
        if (prefix == old.length() && prefix == now.length()) {
            return Optional.empty();
        }
        return Optional.of(new OffsetEdit(start + prefix, end - suffix,
                now.substring(prefix, now.length() - suffix)));
    }

    /**
     * Where {@code offset} of the old text is in the new one: after an edit it moves by the edit's growth; inside a
     * replaced range it goes to the end of the new text.
     */
    int mapOffset(int offset) {
        int shift = 0;
        for (var edit : edits) {
            if (edit.start() > offset || (edit.start() == offset && edit.end() > offset)) {
                break;
            }
            if (edit.end() > offset) {
                return edit.start() + shift + edit.text().length();
            }
            // Wholly before, or an insert right at the offset: that goes before it, as if it had been typed.
            shift += edit.delta();
        }
        return offset + shift;
    }
}
