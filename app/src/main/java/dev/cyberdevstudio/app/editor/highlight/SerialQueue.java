package dev.cyberdevstudio.app.editor.highlight;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order given, on the executor's background threads: what a syntax document,
 * which is not thread-safe, needs. The queue hands each task to the next with a happens-before edge, so the
 * document may move between virtual threads.
 */
final class SerialQueue {

    private static final Logger LOG = LoggerFactory.getLogger(SerialQueue.class);

    private final TaskExecutor executor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    SerialQueue(TaskExecutor executor) {
        this.executor = executor;
    }

    void submit(Runnable task) {
        tasks.add(task);
        if (draining.compareAndSet(false, true)) {
            executor.submit(this::drain);
        }
    }

    /** Whether tasks wait behind the running one: long work checks this to step aside for them. */
    boolean hasWaitingTasks() {
        return !tasks.isEmpty();
    }

    private Void drain() {
        do {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException error) {
                    LOG.warn("A highlighting task failed; the text keeps the styles it had", error);
                }
            }
            draining.set(false);
        } while (!tasks.isEmpty() && draining.compareAndSet(false, true));
        return null;
    }
}
