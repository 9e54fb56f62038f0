package dev.cyberdevstudio.engine.playground;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Playground runs kept only while the studio runs: what it uses when its database is unavailable. */
public final class InMemoryPlaygroundHistory implements PlaygroundHistory {

    private static final Comparator<StoredRun> NEWEST_FIRST = Comparator
            .comparing((StoredRun stored) -> stored.run().startedAt()).thenComparingLong(StoredRun::id).reversed();

    private final List<StoredRun> runs = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized StoredRun save(PlaygroundRun run) {
        var stored = new StoredRun(nextId++, RunTexts.clip(run));
        runs.add(stored);
        runs.sort(NEWEST_FIRST);
        while (runs.size() > LIMIT) {
            runs.removeLast();
        }
        return stored;
    }

    @Override
    public synchronized List<StoredRun> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, not " + limit);
        }
        return runs.stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<StoredRun> find(long id) {
        return runs.stream().filter(stored -> stored.id() == id).findFirst();
    }

    @Override
    public synchronized void delete(long id) {
        runs.removeIf(stored -> stored.id() == id);
    }
}
