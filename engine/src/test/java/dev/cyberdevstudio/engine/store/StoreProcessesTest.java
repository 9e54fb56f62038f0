package dev.cyberdevstudio.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.home.StudioHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against another process: H2's file lock, and commits that must survive a kill. */
class StoreProcessesTest {

    private static final long PATIENCE_SECONDS = 30;

    @TempDir
    Path temp;

    private Process child;
    private final BlockingQueue<String> childLines = new LinkedBlockingQueue<>();
    private final List<String> childOutput = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
        }
    }

    private StudioHome home() {
        return new StudioHome(temp.resolve("studio-home"));
    }

    private void startChild(String mode) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dslf4j.provider=org.slf4j.helpers.NOPServiceProvider", "-XX:TieredStopAtLevel=1",
                StoreChild.class.getName(), mode, home().root().toString())
                .redirectErrorStream(true)
                .start();
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                    childOutput.add(line);
                    childLines.add(line);
                }
            } catch (IOException e) {
                childLines.add("read failed: " + e);
            }
        });
    }

    private void awaitChildSaying(String expected) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            var line = childLines.poll(100, TimeUnit.MILLISECONDS);
            if (expected.equals(line)) {
                return;
            }
            if (line == null && !child.isAlive() && childLines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("the child never said '" + expected + "'; it said: " + childOutput);
    }

    @Test
    void databaseOpenInAnotherProcessIsUnavailableAsInUse() throws Exception {
        startChild("hold");
        awaitChildSaying("open");

        var reason = Stores.reasonUnavailable(home());

        assertThat(reason).isEqualTo(StoreFailures.inUse(home().databaseFolder().resolve("studio.mv.db")));

        child.getOutputStream().close();
        assertThat(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        Stores.open(home()).close();
    }

    @Test
    void everyReportedCommitSurvivesAKillOfTheWritingProcess() throws Exception {
        var lastReported = 40;
        startChild("write");
        awaitChildSaying("committed " + lastReported);

        child.destroyForcibly();
        assertThat(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

        try (var store = Stores.open(home())) {
            for (int i = 0; i <= lastReported; i++) {
                assertThat(store.settings().get("key-" + i)).as("key-" + i).contains("value-" + i);
            }
            var recents = store.recentProjects().list();
            assertThat(recents).hasSize(RecentProjects.LIMIT);
            assertThat(recents).extracting(RecentProject::folder)
                    .allMatch(folder -> folder.getFileName().toString().startsWith("project-"));
        }
    }
}
