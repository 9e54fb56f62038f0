package dev.cyberdevstudio.app.editor.editing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.fxmisc.richtext.CaretNode;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.SelectionImpl;

/**
 * The carets of an area beyond its own one, drawn by RichTextFX itself (a {@link CaretNode} and a
 * {@link SelectionImpl} each, which move with edits made anywhere in the document). The area's own caret and
 * selection always come first in {@link #all()}.
 */
final class ExtraCarets {

    private final CodeArea area;
    private final List<Extra> extras = new ArrayList<>();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 1);
    private int names;

    private record Extra(CaretNode caret, SelectionImpl<Collection<String>, String, Collection<String>> selection) {

        CaretRange range() {
            int position = caret.getPosition();
            int start = selection.getStartPosition();
            int end = selection.getEndPosition();
            if (start == end) {
                return CaretRange.at(position);
            }
            return new CaretRange(position == start ? end : start, position);
        }
    }

    ExtraCarets(CodeArea area) {
        this.area = area;
    }

    /** Every caret: the area's own first, then the extra ones in the order they came. */
    List<CaretRange> all() {
        var all = new ArrayList<CaretRange>(extras.size() + 1);
        all.add(mainCaret());
        extras.forEach(extra -> all.add(extra.range()));
        return all;
    }

    // From the selection rather than getAnchor(): an area that is not focused keeps a stale anchor when the other
    // editor of a split inserts text before it.
    private CaretRange mainCaret() {
        int caret = area.getCaretPosition();
        var selection = area.getSelection();
        if (selection.getLength() == 0) {
            return CaretRange.at(caret);
        }
        return new CaretRange(caret == selection.getStart() ? selection.getEnd() : selection.getStart(), caret);
    }

    boolean isEmpty() {
        return extras.isEmpty();
    }

    /** How many carets there are, the area's own included. */
    ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Adds a caret unless one is there already; true when it was added. */
    boolean add(CaretRange range) {
        var carets = all();
        if (carets.stream().anyMatch(range::overlaps)) {
            return false;
        }
        carets.add(range);
        place(carets);
        return true;
    }

    /** Removes the extra caret at {@code offset}; true when there was one. */
    boolean removeAt(int offset) {
        for (var extra : extras) {
            if (extra.caret().getPosition() == offset) {
                dispose(extra);
                extras.remove(extra);
                count.set(extras.size() + 1);
                return true;
            }
        }
        return false;
    }

    /** Back to the area's own caret. */
    void clear() {
        extras.forEach(this::dispose);
        extras.clear();
        count.set(1);
    }

    /**
     * Puts the carets at {@code ranges}: the first is the area's own, the rest become extra carets. A caret that
     * lands on an earlier one (two carets that met while deleting) merges into it.
     */
    void place(List<CaretRange> ranges) {
        var main = ranges.getFirst();
        area.selectRange(main.anchor(), main.caret());
        placeExtras(ranges, true);
    }

    /**
     * Moves only the extra carets to {@code ranges} (whose first, the area's own, is left alone): for keys the area
     * handles itself afterwards, so that meeting the area's caret where it is now merges nothing.
     */
    void moveExtras(List<CaretRange> ranges) {
        placeExtras(ranges, false);
    }

    private void placeExtras(List<CaretRange> ranges, boolean mergeWithMain) {
        var kept = new ArrayList<CaretRange>();
        kept.add(ranges.getFirst());
        for (var range : ranges.subList(1, ranges.size())) {
            var clamped = new CaretRange(Math.min(range.anchor(), area.getLength()),
                    Math.min(range.caret(), area.getLength()));
            var others = mergeWithMain ? kept : kept.subList(1, kept.size());
            if (others.stream().noneMatch(clamped::overlaps)) {
                kept.add(clamped);
            }
        }
        while (extras.size() > kept.size() - 1) {
            dispose(extras.removeLast());
        }
        for (int i = 1; i < kept.size(); i++) {
            var range = kept.get(i);
            if (i - 1 < extras.size()) {
                var extra = extras.get(i - 1);
                extra.selection().selectRange(range.start(), range.end());
                extra.caret().moveTo(range.caret());
            } else {
                extras.add(create(range));
            }
        }
        count.set(extras.size() + 1);
    }

    private Extra create(CaretRange range) {
        var name = "extra-caret-" + names++;
        var caret = new CaretNode(name, area, range.caret());
        var selection = new SelectionImpl<>(name, area, range.start(), range.end());
        area.addCaret(caret);
        area.addSelection(selection);
        return new Extra(caret, selection);
    }

    private void dispose(Extra extra) {
        area.removeCaret(extra.caret());
        area.removeSelection(extra.selection());
        extra.caret().dispose();
        extra.selection().dispose();
    }
}
