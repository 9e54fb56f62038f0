package dev.cyberdevstudio.app.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DiffViewModelTest {

    private static final String OLD = "a\nb\nc\nd\ne\n";
    private static final String NEW = "a\nB\nc\nd\ne\nf\n";

    private final DiffViewModel model = new DiffViewModel(new CurrentThreadTaskExecutor());

    @Test
    void comparesAndDescribesTheChanges() {
        model.compare("f.txt", "HEAD", OLD, "Editor", NEW);

        assertThat(model.titleProperty().get()).isEqualTo("f.txt");
        assertThat(model.leftLabelProperty().get()).isEqualTo("HEAD");
        assertThat(model.rightLabelProperty().get()).isEqualTo("Editor");
        assertThat(model.hunkCount()).isEqualTo(2);
        assertThat(model.summaryProperty().get()).isEqualTo("2 changes (+2 \u22121)");
        assertThat(model.currentHunkProperty().get()).isZero();
        assertThat(model.content().orElseThrow().sideBySide()).hasSize(6);
    }

    @Test
    void identicalTextsSayThereAreNoDifferences() {
        model.compare("same", "L", OLD, "R", OLD);

        assertThat(model.summaryProperty().get()).isEqualTo("No differences");
        assertThat(model.currentHunkProperty().get()).isEqualTo(-1);
        assertThat(model.nextHunk()).isFalse();
    }

    @Test
    void navigatesBetweenHunksAndStopsAtTheEnds() {
        model.compare("f", "L", OLD, "R", NEW);

        assertThat(model.previousHunk()).isFalse();
        assertThat(model.nextHunk()).isTrue();
        assertThat(model.currentHunkProperty().get()).isEqualTo(1);
        assertThat(model.nextHunk()).isFalse();
        assertThat(model.previousHunk()).isTrue();
        assertThat(model.currentHunkProperty().get()).isZero();
        assertThat(model.goToHunk(5)).isFalse();
    }

    @Test
    void reviewDecisionsShapeTheResult() {
        model.compare("f", "Base", OLD, "Proposed", NEW);
        model.reviewProperty().set(true);
        assertThat(model.result()).isEqualTo(NEW);

        model.setAccepted(0, false);
        assertThat(model.isAccepted(0)).isFalse();
        assertThat(model.result()).isEqualTo("a\nb\nc\nd\ne\nf\n");

        model.rejectAll();
        assertThat(model.result()).isEqualTo(OLD);
        assertThat(model.accepted()).isEmpty();

        model.acceptAll();
        assertThat(model.result()).isEqualTo(NEW);
        model.setAccepted(9, false);
        assertThat(model.accepted()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aLaterComparisonWinsOverAnEarlierOneStillRunning() {
        var pending = new CompletableFuture<Object>();
        var deferred = new TaskExecutor() {
            private int calls;

            @Override
            @SuppressWarnings("unchecked")
            public <T> CompletableFuture<T> submit(Callable<T> work) {
                if (calls++ == 0) {
                    return (CompletableFuture<T>) pending;
                }
                try {
                    return CompletableFuture.completedFuture(work.call());
                } catch (Exception error) {
                    return CompletableFuture.failedFuture(error);
                }
            }

            @Override
            public void runOnUi(Runnable action) {
                action.run();
            }
        };
        var racing = new DiffViewModel(deferred);

        racing.compare("first", "L", "x\n", "R", "y\n");
        racing.compare("second", "L", OLD, "R", OLD);
        pending.completeExceptionally(new IllegalStateException("too late"));

        assertThat(racing.summaryProperty().get()).isEqualTo("No differences");
        assertThat(racing.titleProperty().get()).isEqualTo("second");
    }

    @Test
    void aFailedComparisonSaysSo() {
        var failing = new DiffViewModel(new TaskExecutor() {
            @Override
            public <T> CompletableFuture<T> submit(Callable<T> work) {
                return CompletableFuture.failedFuture(new IllegalStateException("out of memory"));
            }

            @Override
            public void runOnUi(Runnable action) {
                action.run();
            }
        });

        failing.compare("f", "L", "a", "R", "b");

        assertThat(failing.summaryProperty().get()).isEqualTo("Could not compare: out of memory");
        assertThat(failing.content()).isEmpty();
    }
}
