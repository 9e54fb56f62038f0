package dev.cyberdevstudio.engine.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Recent projects kept only while the studio runs: what it uses when its database is unavailable. */
public final class InMemoryRecentProjects implements RecentProjects {

    private final Clock clock;
    private final List<RecentProject> newestFirst = new ArrayList<>();

    public InMemoryRecentProjects() {
        this(Clock.systemUTC());
    }

    InMemoryRecentProjects(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized List<RecentProject> list() {
        return List.copyOf(newestFirst);
    }

    @Override
    public synchronized void opened(Path folder) {
        var normalized = RecentOrder.normalize(folder);
        var latest = newestFirst.stream().findFirst().map(RecentProject::lastOpened);
        var when = RecentOrder.nextOpening(clock.instant(), latest);
        newestFirst.removeIf(project -> project.folder().equals(normalized));
        newestFirst.addFirst(new RecentProject(normalized, when));
        while (newestFirst.size() > LIMIT) {
            newestFirst.removeLast();
        }
    }

    @Override
    public synchronized void remove(Path folder) {
        var normalized = RecentOrder.normalize(folder);
        newestFirst.removeIf(project -> project.folder().equals(normalized));
    }
}
