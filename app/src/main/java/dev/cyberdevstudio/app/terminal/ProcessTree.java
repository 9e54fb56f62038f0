package dev.cyberdevstudio.app.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a process and everything it started.
 *
 * <p>The descendants are listed before anything is signalled: once a shell dies its children are re-parented to
 * init and can no longer be found from it. Jobs of an interactive shell sit in process groups of their own, so
 * signalling the shell's group alone would miss them.
 */
final class ProcessTree {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessTree.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private ProcessTree() {
    }

    /**
     * Asks {@code root} to end through {@code politeSignal} (for a shell: a hang-up, which an interactive shell
     * honours where it ignores SIGTERM) and its descendants through SIGTERM; whatever is still alive after
     * {@code grace} is killed.
     *
     * @return whether the root and all its descendants are gone
     */
    static boolean terminate(ProcessHandle root, Runnable politeSignal, Duration grace) {
        var members = new ArrayList<ProcessHandle>();
        members.add(root);
        members.addAll(root.descendants().toList());
        politeSignal.run();
        members.stream().skip(1).forEach(ProcessHandle::destroy);
        if (!awaitExit(members, grace)) {
            members.stream().filter(ProcessTree::isRunning).forEach(ProcessHandle::destroyForcibly);
            awaitExit(members, grace);
        }
        var survivors = members.stream().filter(ProcessTree::isRunning).toList();
        if (!survivors.isEmpty()) {
            LOG.warn("Processes {} of terminal shell {} outlived SIGKILL", survivors.stream().map(ProcessHandle::pid)
                    .toList(), root.pid());
        }
        return survivors.isEmpty();
    }

    private static boolean awaitExit(List<ProcessHandle> members, Duration grace) {
        // ProcessHandle.onExit polls processes that are not the JVM's children every 300 ms and more; a shell's
        // jobs are not, and closing a tab should not wait on that.
        var deadline = System.nanoTime() + grace.toNanos();
        while (members.stream().anyMatch(ProcessTree::isRunning)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code process} still runs. A process that has exited but whose parent has not yet collected its
     * status (a zombie) counts as alive for {@link ProcessHandle#isAlive()}; orphans wait on whatever reaps for
     * PID 1, which in a container may take seconds, so on Linux zombies count as ended here.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        var stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            var text = Files.readString(stat);
            // The command name in parentheses may hold spaces and parentheses; the state follows the last ')'.
            var afterName = text.substring(text.lastIndexOf(')') + 1).strip();
            return !afterName.startsWith("Z") && !afterName.startsWith("X");
        } catch (IOException | RuntimeException noProcFileSystem) {
            return process.isAlive();
        }
    }
}
