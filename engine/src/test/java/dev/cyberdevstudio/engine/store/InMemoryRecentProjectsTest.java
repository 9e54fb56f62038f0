package dev.cyberdevstudio.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryRecentProjectsTest extends RecentProjectsContract {

    private final RecentProjects recents = new InMemoryRecentProjects(CLOCK);

    @Override
    protected RecentProjects recents() {
        return recents;
    }

    @Test
    void publicConstructorUsesTheSystemClock() {
        var before = Instant.now().minusSeconds(1);
        var projects = new InMemoryRecentProjects();

        projects.opened(temp);

        assertThat(projects.list().getFirst().lastOpened()).isAfter(before);
    }
}
