package dev.cyberdevstudio.app.admin;

import static dev.cyberdevstudio.app.admin.AdminFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.RuntimeEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The Usage tab's view model over a test ledger. */
class AdminUsageViewModelTest {

    private final TestTokenLedger ledger = new TestTokenLedger();
    private final Instant now = Instant.now();
    private final UsageViewModel viewModel = new UsageViewModel(new CurrentThreadTaskExecutor(), ledger,
        Clock.system(ZoneId.systemDefault()));

    @Test
    void listsTheLastHundredRequestsNewestFirst() {
        for (int i = 0; i < 130; i++) {
            ledger.record(usage(now.minusSeconds(i), "coder.gguf", 10, i, GenerationOutcome.COMPLETED));
        }

        viewModel.refresh();

        assertThat(viewModel.requests()).hasSize(100);
        assertThat(viewModel.requests().getFirst().generatedTokens()).isZero();
        assertThat(viewModel.requests().getLast().generatedTokens()).isEqualTo(99);
    }

    @Test
    void chartsTokensPerDayByModelOverTheLastTwoWeeks() {
        ledger.record(usage(now, "coder.gguf", 100, 50, GenerationOutcome.COMPLETED));
        ledger.record(usage(now, "coder.gguf", 10, 5, GenerationOutcome.CANCELLED));
        ledger.record(usage(now, "chat.gguf", 7, 3, GenerationOutcome.LENGTH));
        ledger.record(usage(now.minus(Duration.ofDays(2)), "chat.gguf", 20, 20, GenerationOutcome.FAILED));
        ledger.record(usage(now.minus(Duration.ofDays(30)), "old.gguf", 1000, 1000, GenerationOutcome.COMPLETED));

        viewModel.refresh();

        assertThat(viewModel.days()).hasSize(14);
        var today = viewModel.days().getLast();
        var twoDaysAgo = viewModel.days().get(11);
        assertThat(viewModel.tokensPerDay()).extracting(series -> series.getName())
            .containsExactly("chat.gguf", "coder.gguf");
        var chat = viewModel.tokensPerDay().get(0).getData();
        assertThat(chat).extracting(data -> data.getXValue()).containsExactly(twoDaysAgo, today);
        assertThat(chat).extracting(data -> data.getYValue().longValue()).containsExactly(40L, 10L);
        var coder = viewModel.tokensPerDay().get(1).getData();
        assertThat(coder).extracting(data -> data.getYValue().longValue()).containsExactly(165L);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("4 requests, 215 tokens in the last 14 days");
    }

    @Test
    void readsAgainWhenAGenerationEnds() {
        viewModel.refresh();
        assertThat(viewModel.requests()).isEmpty();
        var record = usage(now, "coder.gguf", 12, 34, GenerationOutcome.COMPLETED);
        ledger.record(record);

        viewModel.onRuntimeEvent(new RuntimeEvent.GenerationStarted("coder.gguf#1"));
        assertThat(viewModel.requests()).isEmpty();
        viewModel.onRuntimeEvent(new RuntimeEvent.GenerationEnded("coder.gguf#1", record));

        assertThat(viewModel.requests()).containsExactly(record);
    }

    @Test
    void manyEndingsWhileAReadRunsCauseOneMoreRead() {
        var executor = new QueuedExecutor();
        var queued = new UsageViewModel(executor, ledger, Clock.systemDefaultZone());
        queued.refresh();
        queued.refresh();
        queued.refresh();
        queued.refresh();

        executor.runAll();

        assertThat(ledger.reads).hasValue(2);
    }

    @Test
    void saysWhenTheLedgerCannotBeRead() {
        ledger.broken = true;

        viewModel.refresh();

        assertThat(viewModel.summaryProperty().get()).isEqualTo("Could not read the token ledger: the store is closed");
        ledger.broken = false;
        ledger.record(usage(now, "coder.gguf", 1, 1, GenerationOutcome.COMPLETED));
        viewModel.refresh();
        assertThat(viewModel.requests()).hasSize(1);
    }

    /** Holds background work until the test runs it, so that reads overlap. */
    private static final class QueuedExecutor implements TaskExecutor {
        private final List<Runnable> queue = new ArrayList<>();

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> work) {
            var future = new CompletableFuture<T>();
            queue.add(() -> {
                try {
                    future.complete(work.call());
                } catch (Exception error) {
                    future.completeExceptionally(error);
                }
            });
            return future;
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.removeFirst().run();
            }
        }
    }
}
