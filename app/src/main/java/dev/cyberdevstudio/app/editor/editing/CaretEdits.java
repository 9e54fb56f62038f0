package dev.cyberdevstudio.app.editor.editing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs a one-caret edit at every caret and joins the results into one {@link EditPlan}, so that typing with several
 * carets is a single change (and a single undo).
 */
public final class CaretEdits {

    private CaretEdits() {
    }

    /**
     * What one caret's command does: edits near the caret, and where the caret goes, counted in the text with only
     * these edits made.
     */
    public record Change(List<Edit> edits, CaretRange after) {

        public Change {
            edits = List.copyOf(edits);
        }

        public static Change none(CaretRange caret) {
            return new Change(List.of(), caret);
        }

        public static Change of(Edit edit, int caret) {
            return new Change(List.of(edit), CaretRange.at(caret));
        }
    }

    /**
     * {@code change} at each caret. A caret whose edits would touch text an earlier caret's edits change is carried
     * along without editing.
     */
    public static EditPlan perCaret(List<CaretRange> carets, Function<CaretRange, Change> change) {
        var order = IntStream.range(0, carets.size()).boxed()
                .sorted(Comparator.comparingInt(index -> carets.get(index).start())).toList();
        var edits = new ArrayList<Edit>();
        var after = new CaretRange[carets.size()];
        int shift = 0;
        int lastEnd = 0;
        for (int index : order) {
            var caret = carets.get(index);
            var own = change.apply(caret);
            var sorted = own.edits().stream().sorted(Comparator.comparingInt(Edit::start)).toList();
            if (!sorted.isEmpty() && sorted.getFirst().start() < lastEnd) {
                after[index] = EditPlan.map(edits, caret);
                continue;
            }
            edits.addAll(sorted);
            after[index] = new CaretRange(own.after().anchor() + shift, own.after().caret() + shift);
            for (var edit : sorted) {
                shift += edit.netLength();
                lastEnd = Math.max(lastEnd, edit.end());
            }
        }
        return new EditPlan(edits, Arrays.asList(after));
    }
}
