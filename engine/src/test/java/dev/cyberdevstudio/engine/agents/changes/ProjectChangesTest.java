package dev.cyberdevstudio.engine.agents.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.diff.MergeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectChangesTest {

    private static final String CALC = "def add(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a + b\n";
    private static final String CALC_FIXED = "def add(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n";

    @TempDir
    Path project;
    @TempDir
    Path journal;
    private ProjectChanges changes;

    @BeforeEach
    void open() throws IOException {
        write("calc.py", CALC);
        write("old_notes.txt", "obsolete\n");
        changes = ProjectChanges.open(project, journal);
    }

    @Test
    void appliesEveryAcceptedHunkCreatesAndDeletesFilesAndRecordsOneCheckpoint() throws IOException {
        var set = changeSet(FileEdit.modify(Path.of("calc.py"), CALC, CALC_FIXED),
            FileEdit.create(Path.of("tests/test_calc.py"), "from calc import add\n"),
            FileEdit.delete(Path.of("old_notes.txt"), "obsolete\n"));
        assertThat(set.edits().getFirst().hunks()).hasSize(2);

        var outcome = changes.apply(set, HunkSelection.all(set));

        var checkpoint = ((ApplyOutcome.Applied) outcome).checkpoint();
        assertThat(read("calc.py")).isEqualTo(CALC_FIXED);
        assertThat(read("tests/test_calc.py")).isEqualTo("from calc import add\n");
        assertThat(project.resolve("old_notes.txt")).doesNotExist();
        assertThat(checkpoint.kind()).isEqualTo(Checkpoint.Kind.CHANGE_SET);
        assertThat(checkpoint.state()).isEqualTo(Checkpoint.State.APPLIED);
        assertThat(checkpoint.taskId()).isEqualTo("task-1");
        assertThat(checkpoint.files()).hasSize(3);
        assertThat(changes.history()).extracting(Checkpoint::id).containsExactly(checkpoint.id());
    }

    @Test
    void appliesOnlyTheAcceptedHunksAndNothingWhenNoneIsAccepted() throws IOException {
        var set = changeSet(FileEdit.modify(Path.of("calc.py"), CALC, CALC_FIXED));

        assertThat(changes.apply(set, new HunkSelection(Map.of()))).isInstanceOf(ApplyOutcome.NothingToApply.class);
        changes.apply(set, new HunkSelection(Map.of(Path.of("calc.py"), Set.of(1))));

        assertThat(read("calc.py")).isEqualTo(CALC.replace("return a + b", "return a * b"));
    }

    @Test
    void offersAThreeWayMergeInsteadOfOverwritingAFileThatChangedAndWritesNothingElse() throws IOException {
        var set = changeSet(FileEdit.modify(Path.of("calc.py"), CALC, CALC_FIXED),
            FileEdit.create(Path.of("new.py"), "x = 1\n"));
        var edited = CALC.replace("def mul", "# multiplies\ndef mul");
        write("calc.py", edited);

        var outcome = changes.apply(set, HunkSelection.all(set));

        var merge = ((ApplyOutcome.NeedsMerge) outcome).merges().getFirst();
        assertThat(merge.file()).isEqualTo(Path.of("calc.py"));
        assertThat(merge.current()).isEqualTo(edited);
        assertThat(merge.merge().clean()).isTrue();
        assertThat(merge.merge().text()).contains("# multiplies", "return a + b", "return a * b");
        assertThat(project.resolve("new.py")).doesNotExist();
        assertThat(read("calc.py")).isEqualTo(edited);

        var applied = changes.apply(set, HunkSelection.all(set),
            Map.of(Path.of("calc.py"), new MergeResolution(merge.current(), merge.merge().text())));

        assertThat(applied).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(read("calc.py")).isEqualTo(merge.merge().text());
        assertThat(read("new.py")).isEqualTo("x = 1\n");
    }

    @Test
    void showsConflictsWhenBothSidesChangedTheSameLinesAndRefusesAStaleResolution() throws IOException {
        var set = changeSet(FileEdit.modify(Path.of("calc.py"), CALC, CALC_FIXED));
        write("calc.py", CALC.replace("return a - b", "return b + a"));

        var merge = ((ApplyOutcome.NeedsMerge) changes.apply(set, HunkSelection.all(set))).merges().getFirst();

        assertThat(merge.merge().clean()).isFalse();
        assertThat(merge.merge().conflicts()).hasSize(1);
        var resolved = merge.merge().resolveAll(MergeResult.Resolution.THEIRS);
        write("calc.py", "changed again\n");
        assertThat(changes.apply(set, HunkSelection.all(set), Map.of(Path.of("calc.py"),
            new MergeResolution(merge.current(), resolved)))).isInstanceOf(ApplyOutcome.NeedsMerge.class);
        assertThat(read("calc.py")).isEqualTo("changed again\n");
    }

    @Test
    void rollsBackATaskAndUndoesTheRollback() throws IOException {
        var set = changeSet(FileEdit.modify(Path.of("calc.py"), CALC, CALC_FIXED),
            FileEdit.create(Path.of("new.py"), "x = 1\n"), FileEdit.delete(Path.of("old_notes.txt"), "obsolete\n"));
        var applied = ((ApplyOutcome.Applied) changes.apply(set, HunkSelection.all(set))).checkpoint();

        var rollback = ((ApplyOutcome.Applied) changes.rollback(applied.id())).checkpoint();

        assertThat(read("calc.py")).isEqualTo(CALC);
        assertThat(project.resolve("new.py")).doesNotExist();
        assertThat(read("old_notes.txt")).isEqualTo("obsolete\n");
        assertThat(rollback.kind()).isEqualTo(Checkpoint.Kind.ROLLBACK);
        assertThat(rollback.title()).isEqualTo("Roll back \"Fix the arithmetic\"");

        changes.rollback(rollback.id());

        assertThat(read("calc.py")).isEqualTo(CALC_FIXED);
        assertThat(read("new.py")).isEqualTo("x = 1\n");
        assertThat(project.resolve("old_notes.txt")).doesNotExist();
        assertThat(changes.history()).hasSize(3);
    }

    @Test
    void rollsBackOneFileOrOneHunkAndKeepsLaterEditsElsewhere() throws IOException {
        var set = changeSet(FileEdit.modify(Path.of("calc.py"), CALC, CALC_FIXED),
            FileEdit.create(Path.of("new.py"), "x = 1\n"));
        var applied = ((ApplyOutcome.Applied) changes.apply(set, HunkSelection.all(set))).checkpoint();
        write("calc.py", "# header added later\n" + CALC_FIXED);

        changes.rollbackHunk(applied.id(), Path.of("calc.py"), 1);

        assertThat(read("calc.py")).isEqualTo("# header added later\n" + CALC_FIXED.replace("a * b", "a + b"));
        changes.rollbackFile(applied.id(), Path.of("new.py"));
        assertThat(project.resolve("new.py")).doesNotExist();
        assertThat(read("calc.py")).startsWith("# header added later\n");
        assertThatThrownBy(() -> changes.rollbackHunk(applied.id(), Path.of("calc.py"), 7))
            .hasMessageContaining("has 2 hunks in calc.py, not a hunk 8");
        assertThatThrownBy(() -> changes.rollbackFile(applied.id(), Path.of("other.py")))
            .hasMessageContaining("did not change other.py");
        assertThatThrownBy(() -> changes.rollback("no-such")).hasMessage("No checkpoint no-such");
    }

    @Test
    void asksForAMergeWhenRollingBackAFileThatChangedSince() throws IOException {
        var set = changeSet(FileEdit.modify(Path.of("calc.py"), CALC, CALC_FIXED));
        var applied = ((ApplyOutcome.Applied) changes.apply(set, HunkSelection.all(set))).checkpoint();
        write("calc.py", CALC_FIXED.replace("a * b", "b * a"));

        var outcome = changes.rollback(applied.id());

        assertThat(outcome).isInstanceOf(ApplyOutcome.NeedsMerge.class);
        assertThat(read("calc.py")).contains("b * a");
    }

    @Test
    void recordsWhatACommandChangedAndRollsItBack() throws Exception {
        write("build/old.o", "stale");
        var before = changes.snapshot();
        assertThat(before.size()).isEqualTo(3);
        var process = new ProcessBuilder("sh", "-c", "mkdir -p out && echo built > out/app.bin && rm build/old.o"
            + " && printf 'def add(a, b):\\n    return 0\\n' > calc.py").directory(project.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        var checkpoint = changes.recordCommand("pytest", "task-9", before).orElseThrow();

        assertThat(checkpoint.kind()).isEqualTo(Checkpoint.Kind.COMMAND);
        assertThat(checkpoint.files()).extracting(FileVersion::file)
            .containsExactly(Path.of("build/old.o"), Path.of("calc.py"), Path.of("out/app.bin"));
        changes.rollback(checkpoint.id());
        assertThat(read("calc.py")).isEqualTo(CALC);
        assertThat(read("build/old.o")).isEqualTo("stale");
        assertThat(project.resolve("out/app.bin")).doesNotExist();
        assertThat(changes.recordCommand("nothing", "", changes.snapshot())).isEmpty();
    }

    @Test
    void writesNothingWhenOneFileCannotBeWrittenAndSaysWhy() throws IOException {
        Files.createDirectories(project.resolve("blocked/inside"));
        var set = changeSet(FileEdit.modify(Path.of("calc.py"), CALC, CALC_FIXED),
            FileEdit.create(Path.of("blocked"), "a folder is here\n"));

        assertThatThrownBy(() -> changes.apply(set, HunkSelection.all(set))).isInstanceOf(EngineException.class)
            .hasMessageContaining("Nothing was changed").hasMessageContaining("blocked");
        assertThat(read("calc.py")).isEqualTo(CALC);
        assertThat(changes.history()).isEmpty();
    }

    @Test
    void refusesEditsOutsideTheProject() throws IOException {
        assertThatThrownBy(() -> FileEdit.create(Path.of("../escape.py"), "x")).isInstanceOf(
            IllegalArgumentException.class);
        Files.createSymbolicLink(project.resolve("link"), Files.createTempDirectory("outside"));
        var set = changeSet(FileEdit.modify(Path.of("calc.py"), CALC, CALC_FIXED),
            FileEdit.create(Path.of("link/evil.py"), "x = 1\n"));

        assertThatThrownBy(() -> changes.apply(set, HunkSelection.all(set))).isInstanceOf(EngineException.class);
        assertThat(read("calc.py")).isEqualTo(CALC);
        assertThatThrownBy(() -> new ChangeSet("c", "t", "", List.of(FileEdit.create(Path.of("a"), "1"),
            FileEdit.create(Path.of("./a"), "2")))).hasMessageContaining("twice");
    }

    private ChangeSet changeSet(FileEdit... edits) {
        return new ChangeSet("cs-1", "Fix the arithmetic", "task-1", List.of(edits));
    }

    private void write(String relative, String text) throws IOException {
        var file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String read(String relative) throws IOException {
        return Files.readString(project.resolve(relative));
    }
}
