package dev.cyberdevstudio.engine.agents.changes;

import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Run in a child JVM by {@link ProjectChangesCrashTest}: applies a change set to every {@code file-N.txt} of the
 * project, says on stdout after each file, and stops to be killed after file {@code args[2]}.
 */
final class ApplyCrashDriver {

    private ApplyCrashDriver() {
    }

    public static void main(String[] args) throws Exception {
        var project = Path.of(args[0]);
        var changes = ProjectChanges.open(project, Path.of(args[1]));
        int stopAfter = Integer.parseInt(args[2]);
        var edits = new ArrayList<FileEdit>();
        for (int i = 0; i < ProjectChangesCrashTest.FILES; i++) {
            edits.add(FileEdit.modify(Path.of("file-" + i + ".txt"), ProjectChangesCrashTest.oldText(i),
                ProjectChangesCrashTest.newText(i)));
        }
        int[] written = {0};
        changes.afterEachWrite(file -> {
            System.out.println("WROTE " + file);
            System.out.flush();
            if (++written[0] == stopAfter) {
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        var set = new ChangeSet("crash", "Crash in the middle", "task-crash", edits);
        changes.apply(set, HunkSelection.all(set));
        System.out.println("DONE");
    }
}
