package dev.cyberdevstudio.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OutputBatcherTest {

    private static final TextStyle OUT = TextStyle.plain(OutputChannel.STDOUT);

    /** Holds UI work until the test lets it run, as a busy UI thread would. */
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final TaskExecutor heldUi = new TaskExecutor() {
        @Override
        public <T> CompletableFuture<T> submit(Callable<T> work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void runOnUi(Runnable action) {
            uiQueue.add(action);
        }
    };
    private final List<OutputBatch> batches = new ArrayList<>();

    @Test
    void everythingThatCameWhileTheUiWasBusyArrivesInOneBatch() {
        var batcher = new OutputBatcher(heldUi, 100, 100, batches::add);
        long generation = batcher.restart();

        batcher.add(generation, List.of(text("a\n")));
        batcher.add(generation, List.of(text("b\n"), text("c")));
        assertThat(uiQueue).hasSize(1);
        runUi();

        assertThat(batches).containsExactly(new OutputBatch(true, List.of(text("a\n"), text("b\n"), text("c")), 0));
        batcher.add(generation, List.of(text("d")));
        runUi();
        assertThat(batches.getLast()).isEqualTo(new OutputBatch(false, List.of(text("d")), 0));
    }

    @Test
    void aFloodKeepsOnlyTheNewestLinesAndCountsTheRest() {
        var batcher = new OutputBatcher(heldUi, 3, 100, batches::add);
        long generation = batcher.restart();

        batcher.add(generation, List.of(text("1\n2\n"), text("3\n4\n5\n")));
        batcher.add(generation, List.of(text("6")));
        runUi();

        assertThat(batches).containsExactly(new OutputBatch(true, List.of(text("3\n4\n5\n"), text("6")), 2));
    }

    @Test
    void cutsInsideAPieceWhenOnlySomeOfItsLinesMustGo() {
        var batcher = new OutputBatcher(heldUi, 2, 100, batches::add);
        long generation = batcher.restart();

        batcher.add(generation, List.of(text("1\n2\n3\n4\n")));
        runUi();

        assertThat(batches.getLast()).isEqualTo(new OutputBatch(true, List.of(text("3\n4\n")), 2));
    }

    @Test
    void lateOutputOfAnEarlierRunIsIgnored() {
        var batcher = new OutputBatcher(heldUi, 10, 100, batches::add);
        long first = batcher.restart();
        batcher.add(first, List.of(text("old\n")));
        long second = batcher.restart();

        batcher.add(first, List.of(text("late old\n")));
        batcher.add(second, List.of(text("new\n")));
        batcher.add(second, List.of());
        runUi();

        assertThat(batches).containsExactly(new OutputBatch(true, List.of(text("new\n")), 0));
    }

    @Test
    void refusesANonPositiveLineBudget() {
        assertThatThrownBy(() -> new OutputBatcher(heldUi, 0, 1, batches::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handsOverAtMostItsLinesPerPassAndTheRestInTheNextPass() {
        var batcher = new OutputBatcher(heldUi, 100, 2, batches::add);
        long generation = batcher.restart();

        batcher.add(generation, List.of(text("1\n"), text("2\n3\n4\n"), text("5")));
        runUi();
        assertThat(batches).containsExactly(new OutputBatch(true, List.of(text("1\n"), text("2\n")), 0));
        assertThat(uiQueue).hasSize(1);

        runUi();
        assertThat(batches.getLast()).isEqualTo(new OutputBatch(false, List.of(text("3\n4\n")), 0));
        runUi();
        assertThat(batches.getLast()).isEqualTo(new OutputBatch(false, List.of(text("5")), 0));
        assertThat(uiQueue).isEmpty();
    }

    @Test
    void theNewestLinesBudgetStillHoldsWhilePassesLag() {
        var batcher = new OutputBatcher(heldUi, 3, 1, batches::add);
        long generation = batcher.restart();
        batcher.add(generation, List.of(text("1\n2\n")));
        runUi();

        batcher.add(generation, List.of(text("3\n4\n5\n6\n")));
        runUi();

        assertThat(batches.getLast()).isEqualTo(new OutputBatch(false, List.of(text("4\n")), 2));
    }

    /** One pass of the UI thread: runs what was queued before it began. */
    private void runUi() {
        var work = List.copyOf(uiQueue);
        uiQueue.clear();
        work.forEach(Runnable::run);
    }

    private static StyledText text(String text) {
        return new StyledText(text, OUT);
    }
}
