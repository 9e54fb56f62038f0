package dev.cyberdevstudio.engine.store;

import dev.cyberdevstudio.engine.home.StudioHome;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** One store for all these tests (opening one takes a moment), emptied before each. */
class DatabaseRecentProjectsTest extends RecentProjectsContract {

    @TempDir
    static Path data;

    private static StudioStore store;

    @BeforeAll
    static void openStore() {
        store = Stores.open(new StudioHome(data), CLOCK);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void forgetEverything() {
        Stores.empty(new StudioHome(data), "recent_projects");
    }

    @Override
    protected RecentProjects recents() {
        return store.recentProjects();
    }
}
