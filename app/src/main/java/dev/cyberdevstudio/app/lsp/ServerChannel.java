package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of one document to its language service, made one at a time and in order on the executor's background
 * threads: a server must see "opened" before "changed", and the latest text before a completion request. The FX
 * thread only queues; a service that is slow to take a call holds up this document's queue, never the editor.
 */
final class ServerChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ServerChannel.class);

    /** How long the editor waits for an answer before it forgets the question. */
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(15);

    private final TaskExecutor executor;
    private final Object lock = new Object();
    private final Queue<Runnable> calls = new ArrayDeque<>();
    private boolean draining;

    ServerChannel(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Queues a notification (opened, changed, saved, closed). */
    void post(Runnable call) {
        synchronized (lock) {
            calls.add(call);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            executor.submit(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("The studio is shutting down; calls to the language service are dropped", shuttingDown);
            synchronized (lock) {
                calls.clear();
                draining = false;
            }
        }
    }

    /**
     * Queues a request; the future completes with the service's answer, or exceptionally when it fails or takes
     * longer than {@link #ANSWER_LIMIT}. Callers hop to the FX thread themselves.
     */
    <T> CompletableFuture<T> ask(Supplier<CompletableFuture<T>> request) {
        var answer = new CompletableFuture<T>();
        post(() -> request.get().whenComplete((value, error) -> {
            if (error == null) {
                answer.complete(value);
            } else {
                answer.completeExceptionally(error);
            }
        }));
        return answer.orTimeout(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Void drain() {
        while (true) {
            Runnable next;
            synchronized (lock) {
                next = calls.poll();
                if (next == null) {
                    draining = false;
                    return null;
                }
            }
            try {
                next.run();
            } catch (RuntimeException error) {
                LOG.warn("A call to the language service failed; the editor goes on without it", error);
            }
        }
    }
}
