package dev.cyberdevstudio.app.editor.editing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one command does to a text: edits in the coordinates of the text before it, sorted and not overlapping, and
 * where the carets go afterwards, in the coordinates of the text after it (one per caret the command was given, in
 * the same order). Applied as one change, so that one undo takes all of it back.
 */
public record EditPlan(List<Edit> edits, List<CaretRange> carets) {

    public EditPlan {
        edits = edits.stream().sorted(Comparator.comparingInt(Edit::start)).toList();
        carets = List.copyOf(carets);
        for (int i = 1; i < edits.size(); i++) {
            if (edits.get(i).start() < edits.get(i - 1).end()) {
                throw new IllegalArgumentException("Edits overlap: " + edits.get(i - 1) + " and " + edits.get(i));
            }
        }
    }

    public boolean changesText() {
        return !edits.isEmpty();
    }

    /** The text after the edits. */
    public String applyTo(CharSequence text) {
        var result = new StringBuilder(text.length() + 16);
        int at = 0;
        for (var edit : edits) {
            result.append(text, at, edit.start()).append(edit.text());
            at = edit.end();
        }
        return result.append(text, at, text.length()).toString();
    }

    /**
     * Where {@code offset} of the old text lands in the new one. An offset inside a replaced range goes to the end of
     * its replacement; one exactly at an insertion goes after it when {@code stickRight}, before it otherwise.
     */
    public static int map(List<Edit> sortedEdits, int offset, boolean stickRight) {
        int shift = 0;
        for (var edit : sortedEdits) {
            if (edit.start() == edit.end()) {
                if (edit.start() > offset || (edit.start() == offset && !stickRight)) {
                    break;
                }
                shift += edit.text().length();
            } else if (edit.end() <= offset) {
                shift += edit.netLength();
            } else if (edit.start() < offset) {
                return edit.start() + shift + edit.text().length();
            } else {
                break;
            }
        }
        return offset + shift;
    }

    /** {@code caret} carried through {@code sortedEdits}: a selection keeps what was inserted at its edges. */
    public static CaretRange map(List<Edit> sortedEdits, CaretRange caret) {
        if (caret.isEmpty()) {
            return CaretRange.at(map(sortedEdits, caret.caret(), true));
        }
        boolean forward = caret.anchor() <= caret.caret();
        int start = map(sortedEdits, caret.start(), false);
        int end = map(sortedEdits, caret.end(), true);
        return forward ? new CaretRange(start, end) : new CaretRange(end, start);
    }

    /** Every caret carried through {@code edits}. */
    public static EditPlan mapping(List<Edit> edits, List<CaretRange> carets) {
        var sorted = edits.stream().sorted(Comparator.comparingInt(Edit::start)).toList();
        var after = new ArrayList<CaretRange>(carets.size());
        for (var caret : carets) {
            after.add(map(sorted, caret));
        }
        return new EditPlan(sorted, after);
    }
}
