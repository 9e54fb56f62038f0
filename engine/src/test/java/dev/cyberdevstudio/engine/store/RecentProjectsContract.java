package dev.cyberdevstudio.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link RecentProjects} does; subclasses say which one, built on {@link #CLOCK}. */
abstract class RecentProjectsContract {

    static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path temp;

    /** Shared, so that a subclass may build one store for all its tests; every test starts it at {@link #START}. */
    protected static final TestClock CLOCK = new TestClock(START);

    protected abstract RecentProjects recents();

    @BeforeEach
    void startTheClock() {
        CLOCK.set(START);
    }

    private void openedAfterAMinute(Path folder) {
        CLOCK.advance(Duration.ofMinutes(1));
        recents().opened(folder);
    }

    private List<Path> folders() {
        return recents().list().stream().map(RecentProject::folder).toList();
    }

    @Test
    void startsEmpty() {
        assertThat(recents().list()).isEmpty();
    }

    @Test
    void listsNewestFirstWithTheTimeOfOpening() {
        openedAfterAMinute(temp.resolve("alpha"));
        openedAfterAMinute(temp.resolve("beta"));

        assertThat(recents().list()).containsExactly(
                new RecentProject(temp.resolve("beta"), START.plus(Duration.ofMinutes(2))),
                new RecentProject(temp.resolve("alpha"), START.plus(Duration.ofMinutes(1))));
    }

    @Test
    void openingAgainMovesTheFolderToTheFrontOnlyOnce() {
        openedAfterAMinute(temp.resolve("alpha"));
        openedAfterAMinute(temp.resolve("beta"));
        openedAfterAMinute(temp.resolve("gamma"));

        openedAfterAMinute(temp.resolve("alpha"));

        assertThat(folders()).containsExactly(temp.resolve("alpha"), temp.resolve("gamma"), temp.resolve("beta"));
        assertThat(recents().list().getFirst().lastOpened()).isEqualTo(START.plus(Duration.ofMinutes(4)));
    }

    @Test
    void keepsOnlyTheNewestTen() {
        for (int i = 0; i < 13; i++) {
            openedAfterAMinute(temp.resolve("project-" + i));
        }

        assertThat(folders()).hasSize(RecentProjects.LIMIT)
                .startsWith(temp.resolve("project-12"))
                .endsWith(temp.resolve("project-3"))
                .doesNotContain(temp.resolve("project-0"), temp.resolve("project-1"), temp.resolve("project-2"));

        recents().remove(temp.resolve("project-12"));

        assertThat(folders()).as("forgotten folders do not come back").hasSize(RecentProjects.LIMIT - 1)
                .doesNotContain(temp.resolve("project-2"));
    }

    @Test
    void removeForgetsTheFolderAndToleratesUnknownOnes() {
        openedAfterAMinute(temp.resolve("alpha"));
        openedAfterAMinute(temp.resolve("beta"));

        recents().remove(temp.resolve("alpha"));
        recents().remove(temp.resolve("never-opened"));

        assertThat(folders()).containsExactly(temp.resolve("beta"));
    }

    @Test
    void keepsAbsoluteNormalizedPathsWhateverTheSpelling() {
        openedAfterAMinute(Path.of("some-project/../relative-project"));
        openedAfterAMinute(temp.resolve("alpha/./nested/../"));
        openedAfterAMinute(temp.resolve("alpha"));

        assertThat(folders()).containsExactly(temp.resolve("alpha"), Path.of("relative-project").toAbsolutePath());

        recents().remove(Path.of("relative-project"));

        assertThat(folders()).containsExactly(temp.resolve("alpha"));
    }

    @Test
    void listsFoldersThatNoLongerExist() {
        var gone = temp.resolve("deleted-meanwhile");

        openedAfterAMinute(gone);

        assertThat(gone).doesNotExist();
        assertThat(folders()).containsExactly(gone);
    }

    @Test
    void newestOpeningComesFirstEvenWhenTheClockStandsStillOrGoesBack() {
        recents().opened(temp.resolve("alpha"));
        recents().opened(temp.resolve("beta"));
        CLOCK.set(START.minus(Duration.ofHours(1)));
        recents().opened(temp.resolve("gamma"));

        var listed = recents().list();

        assertThat(listed).extracting(RecentProject::folder)
                .containsExactly(temp.resolve("gamma"), temp.resolve("beta"), temp.resolve("alpha"));
        assertThat(listed).extracting(RecentProject::lastOpened)
                .isSortedAccordingTo(Comparator.reverseOrder())
                .doesNotHaveDuplicates()
                .allMatch(time -> !time.isBefore(START) && time.isBefore(START.plusMillis(1)));
    }

    @Test
    void recordsTimesToTheMicrosecond() {
        CLOCK.set(START.plusNanos(123_456_789));

        recents().opened(temp.resolve("alpha"));

        assertThat(recents().list().getFirst().lastOpened()).isEqualTo(START.plusNanos(123_456_000));
    }

    @Test
    void refusesNullFolders() {
        assertThatThrownBy(() -> recents().opened(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> recents().remove(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void servesManyVirtualThreadsAtOnce() throws Exception {
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 60; i++) {
            var folder = temp.resolve("project-" + (i % 15));
            tasks.add(() -> {
                recents().opened(folder);
                return recents().list().size();
            });
        }

        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> size : executor.invokeAll(tasks)) {
                assertThat(size.get()).isBetween(1, RecentProjects.LIMIT);
            }
        }

        var listed = recents().list();
        assertThat(listed).hasSize(RecentProjects.LIMIT);
        assertThat(listed).extracting(RecentProject::folder).doesNotHaveDuplicates();
        assertThat(listed).extracting(RecentProject::lastOpened).isSortedAccordingTo(Comparator.reverseOrder());
    }
}
