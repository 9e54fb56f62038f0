package dev.cyberdevstudio.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.project.FileChange.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeBatchTest {

    private static final Path FILE = Path.of("/project/file.txt");

    @ParameterizedTest(name = "{0} then {1} is {2}")
    @CsvSource({
        "CREATED, MODIFIED, CREATED",
        "CREATED, CREATED, CREATED",
        "CREATED, RESCAN, RESCAN",
        "DELETED, CREATED, MODIFIED",
        "DELETED, MODIFIED, MODIFIED",
        "DELETED, DELETED, DELETED",
        "DELETED, RESCAN, RESCAN",
        "MODIFIED, MODIFIED, MODIFIED",
        "MODIFIED, CREATED, MODIFIED",
        "MODIFIED, DELETED, DELETED",
        "MODIFIED, RESCAN, RESCAN",
        "RESCAN, CREATED, RESCAN",
        "RESCAN, DELETED, RESCAN",
    })
    void foldsTwoChangesOfOnePath(Kind first, Kind second, Kind folded) {
        var batch = new ChangeBatch();

        batch.add(FILE, first);
        batch.add(FILE, second);

        assertThat(batch.drain()).containsExactly(new FileChange(FILE, folded));
    }

    @ParameterizedTest
    @CsvSource({"CREATED", "MODIFIED"})
    void forgetsAPathCreatedAndDeletedWithinTheBatch(Kind between) {
        var batch = new ChangeBatch();

        batch.add(FILE, Kind.CREATED);
        batch.add(FILE, between);
        batch.add(FILE, Kind.DELETED);

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.drain()).isEmpty();
    }

    @Test
    void keepsTheOrderInWhichPathsFirstChangedAndEmptiesOnDrain() {
        var batch = new ChangeBatch();
        var other = Path.of("/project/other.txt");

        batch.add(FILE, Kind.CREATED);
        batch.add(other, Kind.DELETED);
        batch.add(FILE, Kind.MODIFIED);

        assertThat(batch.drain()).isEqualTo(List.of(new FileChange(FILE, Kind.CREATED),
                new FileChange(other, Kind.DELETED)));
        assertThat(batch.isEmpty()).isTrue();
    }
}
