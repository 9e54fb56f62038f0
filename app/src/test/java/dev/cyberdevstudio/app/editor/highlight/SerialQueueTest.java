package dev.cyberdevstudio.app.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialQueueTest {

    @Test
    void runsTasksOneAtATimeInOrderOnBackgroundThreads() throws InterruptedException {
        try (var executor = new FxTaskExecutor()) {
            var queue = new SerialQueue(executor);
            var order = Collections.synchronizedList(new ArrayList<Integer>());
            var running = new AtomicInteger();
            var overlaps = new AtomicInteger();
            var done = new CountDownLatch(1);
            for (int i = 0; i < 500; i++) {
                var task = i;
                queue.submit(() -> {
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    order.add(task);
                    running.decrementAndGet();
                });
            }
            queue.submit(done::countDown);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps).hasValue(0);
            assertThat(order).hasSize(500).isSorted();
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() {
        var queue = new SerialQueue(new CurrentThreadTaskExecutor());
        var ran = new ArrayList<String>();
        queue.submit(() -> {
            throw new IllegalStateException("broken on purpose");
        });
        queue.submit(() -> ran.add("after"));
        assertThat(ran).containsExactly("after");
    }

    @Test
    void aTaskSubmittedByATaskRunsAfterItAndSeesItWaiting() {
        var queue = new SerialQueue(new CurrentThreadTaskExecutor());
        var events = new ArrayList<String>();
        queue.submit(() -> {
            queue.submit(() -> events.add("second"));
            events.add("first sees waiting: " + queue.hasWaitingTasks());
        });
        assertThat(events).isEqualTo(List.of("first sees waiting: true", "second"));
        assertThat(queue.hasWaitingTasks()).isFalse();
    }
}
