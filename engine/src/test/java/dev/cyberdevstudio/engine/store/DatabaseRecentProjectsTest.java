package dev.cyberdevstudio.engine.store;

import dev.cyberdevstudio.engine.home.StudioHome;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class DatabaseRecentProjectsTest extends RecentProjectsContract {

    @TempDir
    Path data;

    private StudioStore store;

    @BeforeEach
    void openStore() {
        store = Stores.open(new StudioHome(data), clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected RecentProjects recents() {
        return store.recentProjects();
    }
}
