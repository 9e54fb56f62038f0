package dev.cyberdevstudio.app.diff;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.diff.DiffHunk;
import dev.cyberdevstudio.engine.diff.InlineRow;
import dev.cyberdevstudio.engine.diff.SideBySideRow;
import dev.cyberdevstudio.engine.diff.TextDiff;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two texts compared: the diff (computed in the background), how it is shown (side by side or inline), which hunk is
 * current, and, in review mode, which hunks are accepted and the text that accepting them gives.
 *
 * <pre>{@code
 * var model = new DiffViewModel(executor);
 * model.compare("App.java", "HEAD", headText, "Editor", editorText);
 * model.reviewProperty().set(true);
 * model.setAccepted(1, false);
 * model.resultProperty().get();   // the old text with every hunk but the second applied
 * }</pre>
 */
public final class DiffViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DiffViewModel.class);

    /** How the rows are laid out. */
    public enum Mode {
        SIDE_BY_SIDE,
        INLINE
    }

    /** A finished comparison with its rows, built in the background. */
    public record Content(TextDiff diff, List<SideBySideRow> sideBySide, List<InlineRow> inline) {

        static Content of(TextDiff diff) {
            return new Content(diff, diff.sideBySide(), diff.inline());
        }

        public List<DiffHunk> hunks() {
            return diff.hunks();
        }
    }

    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper leftLabel = new ReadOnlyStringWrapper(this, "leftLabel", "");
    private final ReadOnlyStringWrapper rightLabel = new ReadOnlyStringWrapper(this, "rightLabel", "");
    private final ReadOnlyObjectWrapper<Content> content = new ReadOnlyObjectWrapper<>(this, "content");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SIDE_BY_SIDE);
    private final ReadOnlyIntegerWrapper currentHunk = new ReadOnlyIntegerWrapper(this, "currentHunk", -1);
    private final BooleanProperty review = new SimpleBooleanProperty(this, "review");
    private final ObservableSet<Integer> accepted = FXCollections.observableSet();
    private final ObservableSet<Integer> readOnlyAccepted = FXCollections.unmodifiableObservableSet(accepted);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private long generation;

    public DiffViewModel(TaskExecutor executor) {
        this.executor = executor;
        accepted.addListener((SetChangeListener<Integer>) change -> updateResult());
    }

    /** Compares {@code leftText} (old) with {@code rightText} (new) in the background; the rows follow. */
    public void compare(String newTitle, String newLeftLabel, String leftText, String newRightLabel,
                        String rightText) {
        title.set(newTitle);
        leftLabel.set(newLeftLabel);
        rightLabel.set(newRightLabel);
        summary.set("Comparing\u2026");
        long request = ++generation;
        executor.submit(() -> Content.of(TextDiff.compare(leftText, rightText)), computed -> {
            if (request == generation) {
                show(computed);
            }
        }, error -> {
            if (request == generation) {
                LOG.error("Comparing {} with {} failed", newLeftLabel, newRightLabel, error);
                summary.set("Could not compare: " + error.getMessage());
            }
        });
    }

    private void show(Content computed) {
        content.set(computed);
        accepted.clear();
        accepted.addAll(IntStream.range(0, computed.hunks().size()).boxed().toList());
        currentHunk.set(computed.hunks().isEmpty() ? -1 : 0);
        summary.set(describe(computed.hunks()));
        updateResult();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty leftLabelProperty() {
        return leftLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rightLabelProperty() {
        return rightLabel.getReadOnlyProperty();
    }

    /** The comparison; null until the first one is done. */
    public ReadOnlyObjectProperty<Content> contentProperty() {
        return content.getReadOnlyProperty();
    }

    public Optional<Content> content() {
        return Optional.ofNullable(content.get());
    }

    /** "3 changes (+5 −2)", "No differences", "Comparing…". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The hunk the view shows and navigation starts from; -1 when there are none. */
    public ReadOnlyIntegerProperty currentHunkProperty() {
        return currentHunk.getReadOnlyProperty();
    }

    public int hunkCount() {
        return content().map(found -> found.hunks().size()).orElse(0);
    }

    /** Goes to the next hunk; false (and stays) at the last one. */
    public boolean nextHunk() {
        return goToHunk(currentHunk.get() + 1);
    }

    /** Goes to the previous hunk; false (and stays) at the first one. */
    public boolean previousHunk() {
        return goToHunk(currentHunk.get() - 1);
    }

    public boolean goToHunk(int index) {
        if (index < 0 || index >= hunkCount()) {
            return false;
        }
        currentHunk.set(index);
        return true;
    }

    /** Review mode: every hunk can be accepted or rejected, and {@link #resultProperty()} is what that gives. */
    public BooleanProperty reviewProperty() {
        return review;
    }

    /** The indexes of the accepted hunks; every hunk starts accepted. */
    public ObservableSet<Integer> accepted() {
        return readOnlyAccepted;
    }

    public boolean isAccepted(int hunk) {
        return accepted.contains(hunk);
    }

    public void setAccepted(int hunk, boolean accept) {
        if (hunk < 0 || hunk >= hunkCount()) {
            return;
        }
        if (accept) {
            accepted.add(hunk);
        } else {
            accepted.remove(hunk);
        }
    }

    public void acceptAll() {
        accepted.addAll(IntStream.range(0, hunkCount()).boxed().toList());
    }

    public void rejectAll() {
        accepted.clear();
    }

    /** The left (old) text with the accepted hunks applied; the left text itself when none are. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public String result() {
        return result.get();
    }

    private void updateResult() {
        content().ifPresent(found -> result.set(TextDiff.applySelected(found.diff().oldText(), found.hunks(),
                accepted)));
    }

    private static String describe(List<DiffHunk> hunks) {
        if (hunks.isEmpty()) {
            return "No differences";
        }
        int added = hunks.stream().mapToInt(DiffHunk::newCount).sum();
        int removed = hunks.stream().mapToInt(DiffHunk::oldCount).sum();
        return hunks.size() + (hunks.size() == 1 ? " change" : " changes") + " (+" + added + " \u2212" + removed
                + ")";
    }
}
