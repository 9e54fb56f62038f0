package dev.cyberdevstudio.engine.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Run history kept only while the studio runs: what it uses when its database is unavailable. */
public final class InMemoryRunHistory implements RunHistory {

    private static final Comparator<RunRecord> NEWEST_FIRST = Comparator.comparing(RunRecord::startedAt).reversed();

    private final List<RunRecord> runs = new ArrayList<>();
    private final int limit;

    public InMemoryRunHistory() {
        this(LIMIT);
    }

    InMemoryRunHistory(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void record(RunRecord run) {
        runs.removeIf(kept -> kept.id().equals(run.id()));
        runs.add(run);
        runs.sort(NEWEST_FIRST);
        while (runs.size() > limit) {
            runs.removeLast();
        }
    }

    @Override
    public synchronized List<RunRecord> recent(int count) {
        return List.copyOf(runs.subList(0, Math.min(Math.max(count, 0), runs.size())));
    }

    @Override
    public synchronized Optional<RunRecord> find(String id) {
        return runs.stream().filter(run -> run.id().equals(id)).findFirst();
    }
}
