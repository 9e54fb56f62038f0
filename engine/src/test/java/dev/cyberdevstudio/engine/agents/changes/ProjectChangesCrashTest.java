package dev.cyberdevstudio.engine.agents.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills (SIGKILL) a studio process in the middle of applying a change set, then opens the project again: every file
 * is wholly old or wholly new, and after recovery all are old and the journal says the change was aborted.
 */
class ProjectChangesCrashTest {

    static final int FILES = 4;

    @TempDir
    Path project;
    @TempDir
    Path journal;

    static String oldText(int i) {
        return ("old line of file " + i + "\n").repeat(2_000);
    }

    static String newText(int i) {
        return ("NEW line of file " + i + "\n").repeat(2_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aKillDuringApplyLeavesEveryFileWholeAndRecoveryRestoresTheOldOnes(int killAfter) throws Exception {
        for (int i = 0; i < FILES; i++) {
            Files.writeString(project.resolve("file-" + i + ".txt"), oldText(i));
        }
        var java = ProcessHandle.current().info().command().orElseThrow();
        var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            ApplyCrashDriver.class.getName(), project.toString(), journal.toString(), String.valueOf(killAfter))
            .redirectErrorStream(true).start();
        int written = 0;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (written < killAfter && (line = out.readLine()) != null) {
                if (line.startsWith("WROTE ")) {
                    written++;
                }
            }
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(written).isEqualTo(killAfter);

        for (int i = 0; i < FILES; i++) {
            var text = Files.readString(project.resolve("file-" + i + ".txt"));
            assertThat(text).as("file %d right after the kill", i).isIn(oldText(i), newText(i));
            assertThat(text).as("file %d", i).isEqualTo(i < killAfter ? newText(i) : oldText(i));
        }

        var reopened = ProjectChanges.open(project, journal);

        assertThat(reopened.recovered()).singleElement().satisfies(checkpoint -> {
            assertThat(checkpoint.title()).isEqualTo("Crash in the middle");
            assertThat(checkpoint.state()).isEqualTo(Checkpoint.State.ABORTED);
        });
        assertThat(reopened.history()).extracting(Checkpoint::state).containsExactly(Checkpoint.State.ABORTED);
        for (int i = 0; i < FILES; i++) {
            assertThat(Files.readString(project.resolve("file-" + i + ".txt"))).isEqualTo(oldText(i));
        }
        assertThat(ProjectChanges.open(project, journal).recovered()).isEmpty();
    }
}
