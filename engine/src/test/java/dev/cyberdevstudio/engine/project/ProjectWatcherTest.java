package dev.cyberdevstudio.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.project.FileChange.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWatcherTest {

    @TempDir
    Path project;

    private final Recorder recorder = new Recorder();
    private final List<ProjectWatcher> watchers = new ArrayList<>();

    @AfterEach
    void closeWatchers() {
        watchers.forEach(ProjectWatcher::close);
    }

    @Test
    void reportsCreatedFile() throws IOException {
        watchers.add(ProjectWatcher.start(project, recorder));

        var file = Files.writeString(project.resolve("new.txt"), "x");

        recorder.awaitChange(file, Kind.CREATED);
    }

    @Test
    void reportsModifiedFile() throws IOException {
        var file = Files.writeString(project.resolve("a.txt"), "one");
        watch();

        Files.writeString(file, "two");

        recorder.awaitChange(file, Kind.MODIFIED);
    }

    @Test
    void reportsDeletedFile() throws IOException {
        var file = Files.writeString(project.resolve("a.txt"), "one");
        watch();

        Files.delete(file);

        recorder.awaitChange(file, Kind.DELETED);
    }

    @Test
    void reportsRenameAsDeletionOfOldPathAndCreationOfNew() throws IOException {
        var file = Files.writeString(project.resolve("old.txt"), "x");
        watch();

        var renamed = Files.move(file, project.resolve("new.txt"));

        recorder.awaitChange(file, Kind.DELETED);
        recorder.awaitChange(renamed, Kind.CREATED);
    }

    @Test
    void seesChangesInFoldersThatExistedAtStart() throws IOException {
        var deep = Files.createDirectories(project.resolve("src/main/java"));
        watch();

        var file = Files.writeString(deep.resolve("Main.java"), "class Main {}");

        recorder.awaitChange(file, Kind.CREATED);
    }

    @Test
    void seesFileCreatedInsideNestedFolderMadeAfterStart() throws IOException {
        var watcher = watch();

        var nested = Files.createDirectories(project.resolve("a/b/c"));
        var early = Files.writeString(nested.resolve("early.txt"), "written before the folder was watched");

        recorder.awaitChange(project.resolve("a"), Kind.CREATED);
        recorder.awaitChange(early, Kind.CREATED);
        Waiting.until(() -> watcher.isWatching(nested), () -> nested + " watched");
        var late = Files.writeString(nested.resolve("late.txt"), "late");
        recorder.awaitChange(late, Kind.CREATED);
    }

    @Test
    void reportsChangesUnderTheNewPathOfARenamedFolder() throws IOException {
        var watcher = watch();
        Files.createDirectories(project.resolve("old/inner"));
        recorder.awaitChange(project.resolve("old/inner"), Kind.CREATED);

        var renamed = Files.move(project.resolve("old"), project.resolve("new"));
        recorder.awaitChange(renamed, Kind.CREATED);
        Waiting.until(() -> watcher.isWatching(renamed.resolve("inner")), () -> "renamed folder watched");
        var file = Files.writeString(renamed.resolve("inner/file.txt"), "x");

        recorder.awaitChange(file, Kind.CREATED);
        assertThat(recorder.changes()).noneMatch(change -> change.path().equals(project.resolve("old/inner/file.txt")));
        assertThat(watcher.isWatching(project.resolve("old/inner"))).isFalse();
    }

    @Test
    void coalescesABurstOfWritesIntoOneChange() throws IOException {
        watch(Duration.ofMillis(500));

        var file = project.resolve("burst.txt");
        for (var i = 0; i < 20; i++) {
            Files.writeString(file, "version " + i);
        }

        recorder.awaitChange(file, Kind.CREATED);
        Waiting.pause(Duration.ofMillis(700));
        assertThat(recorder.changes()).filteredOn(change -> change.path().equals(file))
                .containsExactly(new FileChange(file, Kind.CREATED));
    }

    @Test
    void dropsAFileCreatedAndDeletedWithinOneBatch() throws IOException {
        watch(Duration.ofMillis(500));

        var fleeting = Files.createFile(project.resolve("transient.tmp"));
        Files.delete(fleeting);
        var marker = Files.createFile(project.resolve("marker"));

        recorder.awaitChange(marker, Kind.CREATED);
        assertThat(recorder.changes()).extracting(FileChange::path).doesNotContain(fleeting);
    }

    @Test
    void deliversEachBatchAsOneList() throws IOException {
        watch(Duration.ofMillis(500));

        var first = Files.createFile(project.resolve("first"));
        var second = Files.createFile(project.resolve("second"));

        recorder.awaitChange(second, Kind.CREATED);
        assertThat(recorder.batches()).anySatisfy(batch -> assertThat(batch)
                .contains(new FileChange(first, Kind.CREATED), new FileChange(second, Kind.CREATED)));
    }

    @Test
    void doesNotWatchInsideHeavyFoldersUntilAsked() throws IOException {
        var target = Files.createDirectories(project.resolve("target/classes"));
        var watcher = watch();
        assertThat(watcher.isWatching(project)).isTrue();
        assertThat(watcher.isWatching(project.resolve("target"))).isFalse();

        var unseen = Files.createFile(project.resolve("target/unseen.txt"));
        var marker = Files.createFile(project.resolve("marker"));
        recorder.awaitChange(marker, Kind.CREATED);
        assertThat(recorder.changes()).extracting(FileChange::path).doesNotContain(unseen);

        watcher.watchFolder(target);
        assertThat(watcher.isWatching(target)).isTrue();
        assertThat(watcher.isWatching(project.resolve("target"))).isFalse();
        var seen = Files.createFile(target.resolve("Seen.class"));
        recorder.awaitChange(seen, Kind.CREATED);
    }

    @Test
    void reportsANewHeavyFolderWithoutWatchingItsContent() throws IOException {
        var watcher = watch();

        Files.createDirectories(project.resolve("node_modules/left-pad"));

        recorder.awaitChange(project.resolve("node_modules"), Kind.CREATED);
        assertThat(watcher.isWatching(project.resolve("node_modules"))).isFalse();
        assertThat(watcher.isWatching(project.resolve("node_modules/left-pad"))).isFalse();
    }

    @Test
    void ignoresRequestsToWatchOutsideTheProject(@TempDir Path elsewhere) throws IOException {
        var watcher = watch();

        watcher.watchFolder(elsewhere);
        watcher.watchFolder(project.resolve("missing"));

        assertThat(watcher.isWatching(elsewhere)).isFalse();
        assertThat(watcher.isWatching(project.resolve("missing"))).isFalse();
    }

    @Test
    void reportsRescanOfTheRootWhenEventsAreLost() throws IOException, InterruptedException {
        var release = new CountDownLatch(1);
        var firstBatchSeen = new CountDownLatch(1);
        watch(Duration.ofMillis(50), batch -> {
            recorder.accept(batch);
            firstBatchSeen.countDown();
            await(release);
        });
        Files.createFile(project.resolve("first"));
        assertThat(firstBatchSeen.await(10, TimeUnit.SECONDS)).isTrue();

        // While the listener is busy nobody drains the folder's events; the JDK keeps at most 512 per folder.
        for (var i = 0; i < 700; i++) {
            Files.createFile(project.resolve("file-" + i));
        }
        Waiting.pause(Duration.ofMillis(300));
        release.countDown();

        recorder.awaitChange(project, Kind.RESCAN);
    }

    @Test
    void closeStopsDelivery() throws IOException {
        var watcher = watch();
        var before = Files.createFile(project.resolve("before"));
        recorder.awaitChange(before, Kind.CREATED);

        watcher.close();
        var batchesAtClose = recorder.batches().size();
        Files.createFile(project.resolve("after"));
        Files.writeString(before, "changed");
        Waiting.pause(Duration.ofMillis(500));

        assertThat(recorder.batches()).hasSize(batchesAtClose);
        assertThat(watcher.isWatching(project)).isFalse();
        watcher.close();
        watcher.watchFolder(project);
        assertThat(watcher.isWatching(project)).isFalse();
    }

    @Test
    void keepsDeliveringAfterAListenerFails() throws IOException {
        var calls = new CopyOnWriteArrayList<List<FileChange>>();
        watch(ProjectWatcher.DEFAULT_QUIET_PERIOD, batch -> {
            calls.add(batch);
            recorder.accept(batch);
            if (calls.size() == 1) {
                throw new IllegalStateException("listener bug");
            }
        });

        Files.createFile(project.resolve("one"));
        recorder.awaitChange(project.resolve("one"), Kind.CREATED);
        var two = Files.createFile(project.resolve("two"));

        recorder.awaitChange(two, Kind.CREATED);
    }

    @Test
    void refusesToWatchSomethingThatIsNotAFolder() throws IOException {
        var file = Files.createFile(project.resolve("file"));

        assertThatThrownBy(() -> ProjectWatcher.start(file, recorder))
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> ProjectWatcher.start(project.resolve("missing"), recorder))
                .isInstanceOf(IOException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> ProjectWatcher.start(project, Duration.ZERO, recorder))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersItsRootAsAbsolutePath() throws IOException {
        assertThat(watch().root()).isEqualTo(project.toAbsolutePath().normalize());
    }

    private ProjectWatcher watch() throws IOException {
        return watch(ProjectWatcher.DEFAULT_QUIET_PERIOD);
    }

    private ProjectWatcher watch(Duration quietPeriod) throws IOException {
        return watch(quietPeriod, recorder);
    }

    private ProjectWatcher watch(Duration quietPeriod, Consumer<List<FileChange>> listener) throws IOException {
        var watcher = ProjectWatcher.start(project, quietPeriod, listener);
        watchers.add(watcher);
        return watcher;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps every batch the watcher delivered. */
    private static final class Recorder implements Consumer<List<FileChange>> {

        private final List<List<FileChange>> batches = new CopyOnWriteArrayList<>();

        @Override
        public void accept(List<FileChange> batch) {
            batches.add(batch);
        }

        List<List<FileChange>> batches() {
            return List.copyOf(batches);
        }

        List<FileChange> changes() {
            return batches.stream().flatMap(List::stream).toList();
        }

        void awaitChange(Path path, Kind kind) {
            var expected = new FileChange(path, kind);
            Waiting.until(() -> changes().contains(expected), () -> expected + " among " + changes());
        }
    }
}
