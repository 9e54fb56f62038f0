package dev.cyberdevstudio.engine.agents.tasks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs agent tasks: a queue by priority (P0 first, then in order of dispatch), up to {@code parallelism} at once on
 * virtual threads, each task only after the tasks it depends on succeeded, failures retried up to the task's limit,
 * cancellation at any point, and a warning when two running tasks claim the same file. Every change of state and
 * every step goes to the {@link TaskStore}.
 *
 * <pre>{@code
 * var orchestrator = new Orchestrator(Map.of("test", testAgent, "doc", docAgent), store, 4, Clock.systemUTC());
 * var tests = orchestrator.dispatch(TaskRequest.of("test", "Run the tests", project).withPriority(Priority.P0));
 * var docs = orchestrator.dispatch(TaskRequest.of("doc", "Document what the tests cover", project).after(tests));
 * orchestrator.onChange(status -> ui.show(status));
 * orchestrator.cancel(docs);
 * }</pre>
 *
 * <p>A task can only depend on tasks dispatched before it, so the dependencies always form a DAG.
 */
public final class Orchestrator implements AutoCloseable {

    /** Finished tasks kept in memory for {@link #status}; older ones are read back from the store. */
    static final int FINISHED_IN_MEMORY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

    private final Map<String, AgentWorker> agents;
    private final TaskStore store;
    private final int parallelism;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<TaskId, Entry> tasks = new HashMap<>();
    private final LinkedHashMap<TaskId, Entry> finished = new LinkedHashMap<>();
    private final PriorityQueue<Entry> ready = new PriorityQueue<>(
        Comparator.comparing((Entry entry) -> entry.request.priority()).thenComparingLong(entry -> entry.seq));
    private final Map<String, Entry> claims = new HashMap<>();
    private final List<Consumer<TaskStatus>> listeners = new CopyOnWriteArrayList<>();
    private long nextSeq;
    private int running;
    private boolean closed;

    public Orchestrator(Map<String, AgentWorker> agents, TaskStore store, int parallelism, Clock clock) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.agents = Map.copyOf(agents);
        this.store = store;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /** The agents tasks may name. */
    public List<String> agentNames() {
        return agents.keySet().stream().sorted().toList();
    }

    /**
     * Queues a task. Refuses (IllegalArgumentException naming what is wrong) an unknown agent or a dependency on a
     * task that does not exist. A dependency that already failed makes the new task {@link TaskState#SKIPPED}.
     */
    public TaskId dispatch(TaskRequest request) {
        if (!agents.containsKey(request.agent())) {
            throw new IllegalArgumentException("No agent named '" + request.agent() + "'; the agents are "
                + String.join(", ", agentNames()));
        }
        var changed = new ArrayList<TaskStatus>();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The orchestrator is closed");
            }
            var entry = new Entry(TaskId.random(), request, nextSeq++, clock.instant());
            String skipReason = null;
            for (var dependency : request.dependsOn()) {
                var state = stateOf(dependency).orElseThrow(() -> new IllegalArgumentException(
                    "Task " + dependency + " that the new task depends on does not exist"));
                if (state == TaskState.SUCCEEDED) {
                    continue;
                }
                if (state.isFinal()) {
                    skipReason = "Not run: task " + dependency + " it depends on ended " + state.name().toLowerCase();
                } else {
                    entry.waitingFor++;
                    tasks.get(dependency).dependents.add(entry);
                }
            }
            tasks.put(entry.id, entry);
            if (skipReason != null) {
                finish(entry, TaskState.SKIPPED, "", skipReason, changed);
            } else if (entry.waitingFor > 0) {
                entry.state = TaskState.WAITING;
                changed.add(save(entry));
            } else {
                ready.add(entry);
                changed.add(save(entry));
            }
            pump(changed);
            return entry.id;
        } finally {
            lock.unlock();
            publish(changed);
        }
    }

    /** The task's current state, from memory while it is recent, else from the store. */
    public Optional<TaskStatus> status(TaskId id) {
        lock.lock();
        try {
            var entry = tasks.get(id);
            if (entry != null) {
                return Optional.of(entry.status());
            }
        } finally {
            lock.unlock();
        }
        return store.find(id);
    }

    /**
     * Cancels a task: a queued or waiting one never starts (and the tasks that depend on it are skipped); a running
     * one is told and interrupted, and ends {@link TaskState#CANCELLED} when its agent returns.
     *
     * @return false when the task had already ended or does not exist
     */
    public boolean cancel(TaskId id) {
        var changed = new ArrayList<TaskStatus>();
        lock.lock();
        try {
            var entry = tasks.get(id);
            if (entry == null || entry.state.isFinal()) {
                return false;
            }
            if (entry.state == TaskState.RUNNING) {
                entry.cancelRequested = true;
                if (entry.thread != null) {
                    entry.thread.interrupt();
                }
            } else {
                ready.remove(entry);
                finish(entry, TaskState.CANCELLED, "", "Cancelled before it started", changed);
            }
            return true;
        } finally {
            lock.unlock();
            publish(changed);
        }
    }

    /** Tasks newest first: the ones this orchestrator knows, then older ones from the store. */
    public List<TaskStatus> list(Optional<TaskState> state, int limit) {
        return store.list(state, limit).stream().map(stored -> {
            lock.lock();
            try {
                var live = tasks.get(stored.id());
                return live == null ? stored : live.status();
            } finally {
                lock.unlock();
            }
        }).filter(task -> state.isEmpty() || task.state() == state.get()).toList();
    }

    public List<TaskStep> steps(TaskId id) {
        return store.steps(id);
    }

    /** Called, on the thread that changed it, whenever a task changes state. */
    public void onChange(Consumer<TaskStatus> listener) {
        listeners.add(listener);
    }

    /** How many tasks run right now. */
    public int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels every task that has not ended and waits (up to {@code millis}) for the running ones to stop. */
    public void shutdown(long millis) {
        List<TaskId> open;
        lock.lock();
        try {
            open = tasks.values().stream().filter(entry -> !entry.state.isFinal()).map(entry -> entry.id).toList();
        } finally {
            lock.unlock();
        }
        open.forEach(this::cancel);
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (running() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        store.flush();
    }

    @Override
    public void close() {
        shutdown(5_000);
    }

    private Optional<TaskState> stateOf(TaskId id) {
        var entry = tasks.get(id);
        if (entry != null) {
            return Optional.of(entry.state);
        }
        return store.find(id).map(TaskStatus::state);
    }

    // Under the lock.
    private void pump(List<TaskStatus> changed) {
        while (running < parallelism && !ready.isEmpty()) {
            var entry = ready.poll();
            entry.state = TaskState.RUNNING;
            entry.attempt++;
            if (entry.startedAt == null) {
                entry.startedAt = clock.instant();
            }
            running++;
            changed.add(save(entry));
            entry.thread = Thread.ofVirtual().name("agent-task-" + entry.id).unstarted(() -> execute(entry));
            entry.thread.start();
        }
    }

    private void execute(Entry entry) {
        var context = new Context(entry);
        var worker = agents.get(entry.request.agent());
        TaskOutcome outcome;
        try {
            outcome = worker.work(context);
            if (outcome == null) {
                outcome = TaskOutcome.failed("The " + entry.request.agent() + " agent returned no outcome");
            }
        } catch (InterruptedException interrupted) {
            outcome = TaskOutcome.failed("Interrupted");
        } catch (Exception | LinkageError | AssertionError failure) {
            LOG.debug("Task {} failed on attempt {}", entry.id, entry.attempt, failure);
            outcome = TaskOutcome.failed(failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage());
        }
        var changed = new ArrayList<TaskStatus>();
        lock.lock();
        try {
            running--;
            entry.thread = null;
            claims.values().removeIf(owner -> owner == entry);
            if (entry.cancelRequested) {
                finish(entry, TaskState.CANCELLED, "", "Cancelled while it ran", changed);
            } else if (outcome instanceof TaskOutcome.Succeeded(var summary)) {
                finish(entry, TaskState.SUCCEEDED, summary, "", changed);
            } else if (outcome instanceof TaskOutcome.Failed(var reason, var retryable)) {
                if (retryable && entry.attempt <= entry.request.maxRetries() && !closed) {
                    entry.state = TaskState.QUEUED;
                    entry.error = reason;
                    ready.add(entry);
                    changed.add(save(entry));
                } else {
                    finish(entry, TaskState.FAILED, "", reason, changed);
                }
            }
            pump(changed);
        } finally {
            lock.unlock();
            publish(changed);
        }
    }

    // Under the lock: ends the task and settles what depends on it.
    private void finish(Entry entry, TaskState state, String summary, String error, List<TaskStatus> changed) {
        entry.state = state;
        entry.summary = summary;
        entry.error = error;
        entry.finishedAt = clock.instant();
        changed.add(save(entry));
        for (var dependent : entry.dependents) {
            if (dependent.state != TaskState.WAITING) {
                continue;
            }
            if (state == TaskState.SUCCEEDED) {
                if (--dependent.waitingFor == 0) {
                    dependent.state = TaskState.QUEUED;
                    ready.add(dependent);
                    changed.add(save(dependent));
                }
            } else {
                finish(dependent, TaskState.SKIPPED, "", "Not run: task " + entry.id + " it depends on ended "
                    + state.name().toLowerCase(), changed);
            }
        }
        entry.dependents.clear();
        finished.put(entry.id, entry);
        if (finished.size() > FINISHED_IN_MEMORY) {
            var oldest = finished.pollFirstEntry().getValue();
            tasks.remove(oldest.id);
        }
    }

    private TaskStatus save(Entry entry) {
        var status = entry.status();
        store.save(status);
        return status;
    }

    private void publish(List<TaskStatus> changed) {
        if (listeners.isEmpty()) {
            return;
        }
        for (var status : changed) {
            for (var listener : listeners) {
                try {
                    listener.accept(status);
                } catch (RuntimeException failure) {
                    LOG.warn("A task listener failed on {}", status.id(), failure);
                }
            }
        }
    }

    private static final class Entry {
        final TaskId id;
        final TaskRequest request;
        final long seq;
        final Instant createdAt;
        final List<Entry> dependents = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        TaskState state = TaskState.QUEUED;
        int attempt;
        int waitingFor;
        int steps;
        long tokens;
        Instant startedAt;
        Instant finishedAt;
        String summary = "";
        String error = "";
        volatile boolean cancelRequested;
        Thread thread;

        Entry(TaskId id, TaskRequest request, long seq, Instant createdAt) {
            this.id = id;
            this.request = request;
            this.seq = seq;
            this.createdAt = createdAt;
        }

        TaskStatus status() {
            return new TaskStatus(id, request, state, attempt, createdAt, Optional.ofNullable(startedAt),
                Optional.ofNullable(finishedAt), summary, error, tokens, warnings);
        }
    }

    private final class Context implements TaskContext {
        private final Entry entry;
        private final int attempt;

        Context(Entry entry) {
            this.entry = entry;
            this.attempt = entry.attempt;
        }

        @Override
        public TaskId id() {
            return entry.id;
        }

        @Override
        public TaskRequest request() {
            return entry.request;
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public boolean isCancelled() {
            return entry.cancelRequested;
        }

        @Override
        public void recordStep(String kind, String tool, String arguments, String result, long millis,
                               long tokens) {
            int index;
            lock.lock();
            try {
                index = entry.steps++;
                entry.tokens += tokens;
            } finally {
                lock.unlock();
            }
            store.save(new TaskStep(entry.id, index, attempt, kind, tool, TaskStep.shorten(arguments),
                TaskStep.shorten(result), millis, tokens, clock.instant()));
        }

        @Override
        public Optional<TaskId> claim(Path file) {
            var key = Path.of(entry.request.project()).resolve(file).normalize().toString();
            var changed = new ArrayList<TaskStatus>();
            lock.lock();
            try {
                var owner = claims.putIfAbsent(key, entry);
                if (owner == null || owner == entry) {
                    return Optional.empty();
                }
                var warning = "Tasks " + owner.id + " and " + entry.id + " both change " + file
                    + ": the later change will need a merge";
                owner.warnings.add(warning);
                entry.warnings.add(warning);
                changed.add(save(owner));
                changed.add(save(entry));
                return Optional.of(owner.id);
            } finally {
                lock.unlock();
                publish(changed);
            }
        }
    }
}
