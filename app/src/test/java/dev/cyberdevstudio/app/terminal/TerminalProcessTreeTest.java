package dev.cyberdevstudio.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

@DisabledOnOs(OS.WINDOWS)
class TerminalProcessTreeTest {

    private Process root;

    @AfterEach
    void killLeftovers() {
        if (root != null) {
            root.descendants().forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly();
        }
    }

    @Test
    void endsAProcessAndItsChildrenPolitely() throws Exception {
        root = new ProcessBuilder("sh", "-c", "sleep 1000 & sleep 1000 & wait").start();
        var children = awaitChildren(root.toHandle(), 2);

        var ended = ProcessTree.terminate(root.toHandle(), root::destroy, Duration.ofSeconds(5));

        assertThat(ended).isTrue();
        assertThat(root.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessTree::isRunning);
    }

    @Test
    void killsWhatIgnoresThePoliteSignalOnceTheGracePeriodIsOver() throws Exception {
        // Ignored signals are inherited: neither the shell nor its sleeps will end on SIGTERM or SIGHUP.
        root = new ProcessBuilder("sh", "-c", "trap '' TERM HUP; sleep 1000 & sleep 1000 & wait").start();
        var children = awaitChildren(root.toHandle(), 2);
        var started = System.nanoTime();

        var ended = ProcessTree.terminate(root.toHandle(), root::destroy, Duration.ofMillis(300));

        assertThat(ended).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(root.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessTree::isRunning);
    }

    @Test
    void aFinishedProcessIsNotRunning() throws Exception {
        root = new ProcessBuilder("true").start();
        root.waitFor();

        assertThat(ProcessTree.isRunning(root.toHandle())).isFalse();
        assertThat(ProcessTree.isRunning(ProcessHandle.current())).isTrue();
    }

    private static List<ProcessHandle> awaitChildren(ProcessHandle parent, int count) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        var children = parent.descendants().toList();
        while (children.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            children = parent.descendants().toList();
        }
        assertThat(children).hasSize(count);
        return children;
    }
}
