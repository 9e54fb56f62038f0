package dev.cyberdevstudio.models.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.JsonFiles;
import dev.cyberdevstudio.models.catalog.ModelCatalog;
import dev.cyberdevstudio.models.catalog.ModelRole;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloaderTest {

    private static final int SIZE = 256 * 1024;
    private static final String NAME = "tiny-0.1b-q8_0.gguf";

    @TempDir
    Path folder;

    private final byte[] content = TestFileServer.bytes(SIZE, 42);
    private final HttpClient client = ModelDownloader.defaultClient();
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
    private TestFileServer server;
    private String sha;

    @BeforeEach
    void startServer() throws Exception {
        server = TestFileServer.start(content);
        sha = TestFileServer.sha256(content);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        server.close();
    }

    private static DownloadSettings settings(SpaceProbe probe) {
        return new DownloadSettings(4, Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofMillis(10), 0, 2,
            probe);
    }

    private ModelDownloader downloader() {
        return downloader(settings(f -> Long.MAX_VALUE), PartWriter::open);
    }

    private ModelDownloader downloader(DownloadSettings settings, PartWriter.Opener opener) {
        ModelDownloader d = new ModelDownloader(folder, client, settings, opener);
        closeables.add(d);
        return d;
    }

    private DownloadHandle start(ModelDownloader d, Optional<String> expected) {
        return d.download(server.uri(NAME), NAME, expected, OptionalLong.of(SIZE));
    }

    private static Path await(DownloadHandle handle) throws Exception {
        return handle.completion().get(30, TimeUnit.SECONDS);
    }

    private static Throwable failure(DownloadHandle handle) {
        try {
            handle.completion().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the download should have failed");
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in time");
            }
            Thread.sleep(5);
        }
    }

    private List<Long> rangeStarts() {
        return server.ranges.stream().map(r -> {
            assertThat(r).matches("bytes=\\d+-");
            return Long.parseLong(r.substring(6, r.length() - 1));
        }).toList();
    }

    private Path part() {
        return folder.resolve(NAME + ".part");
    }

    private Path sidecar() {
        return folder.resolve(NAME + ".part.json");
    }

    private void assertOnlyFinalFile() throws IOException {
        assertThat(Files.readAllBytes(folder.resolve(NAME))).isEqualTo(content);
        assertThat(part()).doesNotExist();
        assertThat(sidecar()).doesNotExist();
    }

    private void assertNothingLeft() {
        assertThat(folder.resolve(NAME)).doesNotExist();
        assertThat(part()).doesNotExist();
        assertThat(sidecar()).doesNotExist();
    }

    @Test
    void downloadsVerifiesAndReportsMonotonicProgressWithTimeLeft() throws Exception {
        server.bytesPerSecond = 1_000_000;
        ModelDownloader d = downloader();
        List<CompletedDownload> done = new CopyOnWriteArrayList<>();
        d.onCompleted(done::add);
        List<DownloadProgress> events = new CopyOnWriteArrayList<>();

        DownloadHandle handle = start(d, Optional.of(sha));
        handle.onProgress(events::add);
        Path file = await(handle);

        assertThat(file).isEqualTo(folder.resolve(NAME));
        assertOnlyFinalFile();
        assertThat(done).containsExactly(new CompletedDownload(file, Optional.empty(), sha, true));
        assertThat(handle.progress().state()).isEqualTo(DownloadState.COMPLETED);
        assertThat(handle.progress().bytesDone()).isEqualTo(SIZE);
        assertThat(handle.progress().fraction()).isEqualTo(1.0);
        assertThat(d.active()).isEmpty();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).bytesDone()).isGreaterThanOrEqualTo(events.get(i - 1).bytesDone());
        }
        assertThat(events).anySatisfy(p -> {
            assertThat(p.state()).isEqualTo(DownloadState.RUNNING);
            assertThat(p.bytesPerSecond()).isPositive();
            assertThat(p.remaining()).isPresent();
            assertThat(p.totalBytes()).hasValue(SIZE);
        });
        assertThat(events).extracting(DownloadProgress::state).contains(DownloadState.VERIFYING);
        assertThat(events.getLast().state()).isEqualTo(DownloadState.COMPLETED);
        assertThat(server.ranges).isEmpty();
    }

    @Test
    void resumesAfterDroppedConnectionsWithRangeAndKeepsTheChecksumRight() throws Exception {
        server.dropAfter = 100_000;
        server.dropsLeft.set(2);
        List<DownloadProgress> events = new CopyOnWriteArrayList<>();

        DownloadHandle handle = start(downloader(), Optional.of(sha));
        handle.onProgress(events::add);
        await(handle);

        assertOnlyFinalFile();
        // A dropped connection may lose what was still in flight: the resume starts where the file on disk ends.
        List<Long> starts = rangeStarts();
        assertThat(starts).hasSize(2);
        assertThat(starts.get(0)).isBetween(1L, 100_000L);
        assertThat(starts.get(1)).isBetween(starts.get(0) + 1, starts.get(0) + 100_000L);
        assertThat(server.ifRanges).hasSize(2).containsOnly(server.etag());
        assertThat(events).extracting(DownloadProgress::state).contains(DownloadState.RETRYING);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).bytesDone()).isGreaterThanOrEqualTo(events.get(i - 1).bytesDone());
        }
    }

    @Test
    void aServerThatIgnoresRangeMakesItStartAgainFromZeroHonestly() throws Exception {
        server.honourRange = false;
        server.dropAfter = 100_000;
        server.dropsLeft.set(1);
        List<DownloadProgress> events = new CopyOnWriteArrayList<>();

        DownloadHandle handle = start(downloader(), Optional.of(sha));
        handle.onProgress(events::add);
        await(handle);

        assertOnlyFinalFile();
        assertThat(rangeStarts()).singleElement().satisfies(start -> assertThat(start).isBetween(1L, 100_000L));
        assertThat(events).anySatisfy(p -> assertThat(p.message()).hasValueSatisfying(
            m -> assertThat(m).contains("starting again from zero")));
    }

    @Test
    void aNewDownloaderResumesThePartialFileAnEarlierOneLeft() throws Exception {
        server.bytesPerSecond = 400_000;
        ModelDownloader first = downloader();
        DownloadHandle handle = start(first, Optional.of(sha));
        waitUntil(() -> handle.progress().bytesDone() > 60_000);

        first.close();

        assertThat(handle.progress().state()).isEqualTo(DownloadState.PAUSED);
        assertThat(folder.resolve(NAME)).doesNotExist();
        long kept = Files.size(part());
        assertThat(kept).isBetween(60_000L, (long) SIZE - 1);
        assertThat(sidecar()).exists();
        assertThatThrownBy(() -> start(first, Optional.of(sha))).hasMessageContaining("closed");

        server.bytesPerSecond = 0;
        ModelDownloader second = downloader();
        List<CompletedDownload> done = new CopyOnWriteArrayList<>();
        second.onCompleted(done::add);
        List<DownloadHandle> resumed = second.resumeInterrupted();

        assertThat(resumed).hasSize(1);
        await(resumed.getFirst());
        assertOnlyFinalFile();
        assertThat(server.ranges).containsExactly("bytes=" + kept + "-");
        assertThat(server.ifRanges).containsExactly(server.etag());
        assertThat(done).singleElement().satisfies(c -> assertThat(c.sha256()).isEqualTo(sha));
        assertThat(second.resumeInterrupted()).isEmpty();
    }

    @Test
    void ifRangeNoticesAFileThatChangedOnTheServerAndDownloadsTheNewOneWhole() throws Exception {
        server.bytesPerSecond = 400_000;
        ModelDownloader first = downloader();
        DownloadHandle handle = first.download(server.uri(NAME), NAME, Optional.empty(), OptionalLong.empty());
        waitUntil(() -> handle.progress().bytesDone() > 60_000);
        first.close();
        byte[] newer = TestFileServer.bytes(SIZE + 1000, 7);
        server.setContent(newer);
        server.bytesPerSecond = 0;

        ModelDownloader second = downloader();
        List<CompletedDownload> done = new CopyOnWriteArrayList<>();
        second.onCompleted(done::add);
        await(second.resumeInterrupted().getFirst());

        assertThat(Files.readAllBytes(folder.resolve(NAME))).isEqualTo(newer);
        assertThat(server.ifRanges).hasSize(1).doesNotContain(server.etag());
        assertThat(done).singleElement().satisfies(c -> {
            assertThat(c.verified()).isFalse();
            assertThat(c.sha256()).isEqualTo(TestFileServer.sha256(newer));
        });
    }

    @Test
    void withoutValidatorOrChecksumAPartialFileIsNotTrustedAndStartsAgain() throws Exception {
        server.sendValidators = false;
        server.bytesPerSecond = 400_000;
        ModelDownloader first = downloader();
        DownloadHandle handle = first.download(server.uri(NAME), NAME, Optional.empty(), OptionalLong.empty());
        waitUntil(() -> handle.progress().bytesDone() > 60_000);
        first.close();
        server.bytesPerSecond = 0;

        await(downloader().resumeInterrupted().getFirst());

        assertOnlyFinalFile();
        assertThat(server.ranges).isEmpty();
    }

    @Test
    void aWrongChecksumFailsAndLeavesNoFileBehind() throws Exception {
        String other = TestFileServer.sha256(new byte[] {1, 2, 3});
        DownloadHandle handle = start(downloader(), Optional.of(other));

        assertThat(failure(handle)).isInstanceOf(ModelsException.class)
            .hasMessageContaining("SHA-256").hasMessageContaining(sha).hasMessageContaining(other);
        assertThat(handle.progress().state()).isEqualTo(DownloadState.FAILED);
        assertNothingLeft();
    }

    @Test
    void aMissingFileFailsWithTheStatusAndAddress() {
        server.status = 404;
        DownloadHandle handle = start(downloader(), Optional.of(sha));

        assertThat(failure(handle)).hasMessageContaining("404").hasMessageContaining(server.uri(NAME).toString());
        assertThat(server.requests).hasValue(1);
        assertNothingLeft();
    }

    @Test
    void serverErrorsAreRetriedAndEnoughOfThemFailKeepingThePartialFile() throws Exception {
        server.failuresLeft.set(2);
        await(start(downloader(), Optional.of(sha)));
        assertOnlyFinalFile();
        assertThat(server.requests).hasValue(3);

        Files.delete(folder.resolve(NAME));
        server.failuresLeft.set(100);
        DownloadHandle failing = start(downloader(), Optional.of(sha));
        assertThat(failure(failing)).hasMessageContaining("failed 5 times").hasMessageContaining("503");
        assertThat(folder.resolve(NAME)).doesNotExist();
    }

    @Test
    void pauseHoldsTheBytesAndResumeFinishesWithTheRightChecksum() throws Exception {
        server.bytesPerSecond = 400_000;
        DownloadHandle handle = start(downloader(), Optional.of(sha));
        waitUntil(() -> handle.progress().bytesDone() > 40_000);

        handle.pause();
        waitUntil(() -> handle.progress().state() == DownloadState.PAUSED);
        long paused = handle.progress().bytesDone();
        Thread.sleep(300);
        assertThat(handle.progress().bytesDone()).isEqualTo(paused);
        assertThat(Files.size(part())).isEqualTo(paused);
        assertThat(folder.resolve(NAME)).doesNotExist();

        server.bytesPerSecond = 0;
        handle.resume();
        await(handle);

        assertOnlyFinalFile();
        assertThat(server.ranges).containsExactly("bytes=" + paused + "-");
    }

    @Test
    void cancelStopsAndRemovesThePartialFile() throws Exception {
        server.bytesPerSecond = 400_000;
        DownloadHandle running = start(downloader(), Optional.of(sha));
        waitUntil(() -> running.progress().bytesDone() > 40_000);

        running.cancel();

        assertThat(failure(running)).hasMessageContaining("cancelled");
        assertThat(running.progress().state()).isEqualTo(DownloadState.CANCELLED);
        assertNothingLeft();
    }

    @Test
    void cancelWhilePausedRemovesThePartialFileToo() throws Exception {
        server.bytesPerSecond = 400_000;
        ModelDownloader d = downloader();
        DownloadHandle handle = start(d, Optional.of(sha));
        waitUntil(() -> handle.progress().bytesDone() > 40_000);
        handle.pause();
        waitUntil(() -> handle.progress().state() == DownloadState.PAUSED);
        assertThat(d.active()).containsExactly(handle);
        assertThat(part()).exists();

        handle.cancel();

        assertThat(failure(handle)).hasMessageContaining("cancelled");
        assertNothingLeft();
        assertThat(d.active()).isEmpty();
    }

    @Test
    void notEnoughSpaceFailsBeforeAnyByteIsFetched() {
        DownloadHandle handle = downloader(settings(f -> 1000), PartWriter::open)
            .download(server.uri(NAME), NAME, Optional.of(sha), OptionalLong.of(SIZE));

        assertThat(failure(handle)).hasMessageContaining("Not enough free space")
            .hasMessageContaining(folder.toAbsolutePath().toString());
        assertThat(server.requests).hasValue(0);
        assertNothingLeft();
    }

    @Test
    void withAnUnknownSizeTheSpaceIsCheckedOnceTheServerTellsIt() {
        DownloadHandle handle = downloader(settings(f -> 1000), PartWriter::open)
            .download(server.uri(NAME), NAME, Optional.empty(), OptionalLong.empty());

        assertThat(failure(handle)).hasMessageContaining("Not enough free space");
        assertThat(server.requests).hasValue(1);
        assertThat(folder.resolve(NAME)).doesNotExist();
    }

    @Test
    void aDiskFillingUpMidFileNamesTheFolderKeepsTheResumablePartAndNeverAHalfFinalFile() throws Exception {
        long capacity = 100_000;
        PartWriter.Opener full = file -> {
            PartWriter real = PartWriter.open(file);
            return new PartWriter() {
                @Override
                public void write(ByteBuffer src, long position) throws IOException {
                    if (position + src.remaining() > capacity) {
                        throw new IOException("No space left on device");
                    }
                    real.write(src, position);
                }

                @Override
                public long size() throws IOException {
                    return real.size();
                }

                @Override
                public void truncate(long size) throws IOException {
                    real.truncate(size);
                }

                @Override
                public void force() throws IOException {
                    real.force();
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        };
        DownloadHandle handle = downloader(settings(f -> Long.MAX_VALUE), full)
            .download(server.uri(NAME), NAME, Optional.of(sha), OptionalLong.empty());

        assertThat(failure(handle)).hasMessageContaining(folder.toAbsolutePath().toString())
            .hasMessageContaining("No space left on device").hasMessageContaining("is kept");
        assertThat(folder.resolve(NAME)).doesNotExist();
        assertThat(Files.size(part())).isPositive().isLessThanOrEqualTo(capacity);

        // Space freed: downloading again resumes from the kept bytes and still verifies.
        long kept = Files.size(part());
        await(start(downloader(), Optional.of(sha)));
        assertOnlyFinalFile();
        assertThat(server.ranges).containsExactly("bytes=" + kept + "-");
    }

    @Test
    void aStalledConnectionIsCutAndResumed() throws Exception {
        server.stallAfter = 100_000;
        server.stallsLeft.set(1);
        DownloadSettings quickStall = new DownloadSettings(4, Duration.ofMillis(20), Duration.ofMillis(400),
            Duration.ofMillis(10), 0, 1, f -> Long.MAX_VALUE);

        await(downloader(quickStall, PartWriter::open).download(server.uri(NAME), NAME, Optional.of(sha),
            OptionalLong.of(SIZE)));

        assertOnlyFinalFile();
        assertThat(rangeStarts()).singleElement().satisfies(start -> assertThat(start).isBetween(1L, 100_000L));
    }

    @Test
    void aSizeThatDiffersFromTheCatalogStopsAtOnce() {
        DownloadHandle handle = downloader().download(server.uri(NAME), NAME, Optional.of(sha),
            OptionalLong.of(SIZE + 1));

        assertThat(failure(handle)).hasMessageContaining(String.valueOf(SIZE))
            .hasMessageContaining(String.valueOf(SIZE + 1));
        assertNothingLeft();
    }

    @Test
    void catalogEntriesCarryTheirIdAndRequestsAreValidated() throws Exception {
        ModelCatalog catalog = ModelCatalog.bundled();
        CatalogEntry entry = catalog.addByUrl(server.uri(NAME), "Tiny", ModelRole.CHAT, Optional.of(sha),
            Optional.of((long) SIZE));
        ModelDownloader d = downloader();
        List<CompletedDownload> done = new CopyOnWriteArrayList<>();
        d.onCompleted(done::add);
        d.onCompleted(c -> {
            throw new IllegalStateException("a broken listener must not break the download");
        });

        DownloadHandle handle = d.download(entry);
        assertThat(d.download(entry)).isSameAs(handle);
        await(handle);

        assertThat(done).singleElement().satisfies(c -> {
            assertThat(c.catalogId()).contains(entry.id());
            assertThat(c.verified()).isTrue();
        });
        assertThat(handle.id()).isEqualTo(NAME);
        assertThatThrownBy(() -> d.download(entry)).hasMessageContaining("already in");
        assertThatThrownBy(() -> d.download(server.uri("x"), "../x.gguf", Optional.empty(), OptionalLong.empty()))
            .hasMessageContaining("file name");
        assertThatThrownBy(() -> d.download(java.net.URI.create("file:///etc/passwd"), "p.gguf", Optional.empty(),
            OptionalLong.empty())).hasMessageContaining("http");
        assertThatThrownBy(() -> d.download(server.uri("x"), "x.gguf", Optional.of("xyz"), OptionalLong.empty()))
            .hasMessageContaining("64 hex");
    }

    @Test
    void theSameFileFromAnotherAddressIsRefusedWhileOneRuns() throws Exception {
        server.bytesPerSecond = 200_000;
        ModelDownloader d = downloader();
        DownloadHandle handle = start(d, Optional.of(sha));

        assertThatThrownBy(() -> d.download(server.uri("other"), NAME, Optional.empty(), OptionalLong.empty()))
            .hasMessageContaining("already being downloaded");
        handle.cancel();
        assertThat(failure(handle)).isInstanceOf(ModelsException.class);
    }

    @Test
    void aFileCompleteOnDiskButNotYetRenamedIsFinishedAfterARestart() throws Exception {
        // As if the studio died between the last byte and the rename: the server has nothing more to send (416).
        Files.write(part(), content);
        JsonFiles.write(sidecar(), new PartState(PartState.VERSION, server.uri(NAME).toString(), NAME, sha,
            (long) SIZE, null, server.etag(), null));

        List<DownloadHandle> resumed = downloader().resumeInterrupted();
        await(resumed.getFirst());

        assertOnlyFinalFile();
        assertThat(server.ranges).containsExactly("bytes=" + SIZE + "-");
    }

    @Test
    void aPartialFileFromAnotherAddressOrWithAnUnreadableSidecarIsNotReused() throws Exception {
        Files.write(part(), TestFileServer.bytes(50_000, 99));
        Files.writeString(sidecar(), "{ this is not json");

        await(start(downloader(), Optional.of(sha)));

        assertOnlyFinalFile();
        assertThat(server.ranges).isEmpty();
        assertThat(downloader().resumeInterrupted()).isEmpty();
    }

    @Test
    void aRangeAnswerForTheWrongOffsetRestartsFromZero() throws Exception {
        server.rangeFromZero = true;
        server.dropAfter = 100_000;
        server.dropsLeft.set(1);

        await(start(downloader(), Optional.of(sha)));

        assertOnlyFinalFile();
        assertThat(server.ranges).hasSize(1);
    }

    @Test
    void resumeRightAfterPauseStillFinishes() throws Exception {
        server.bytesPerSecond = 400_000;
        DownloadHandle handle = start(downloader(), Optional.of(sha));
        waitUntil(() -> handle.progress().bytesDone() > 40_000);

        handle.pause();
        handle.resume();
        server.bytesPerSecond = 0;

        await(handle);
        assertOnlyFinalFile();
    }

    @Test
    void sizesReadAsWordsAndSettingsAreChecked() throws Exception {
        assertThat(DownloadTask.mb(40_960)).isEqualTo("41 kB");
        assertThat(DownloadTask.mb(12_345_678)).isEqualTo("12.3 MB");
        assertThat(DownloadTask.mb(1_894_532_160L)).isEqualTo("1.89 GB");
        assertThat(SpaceProbe.fileStore().usableBytes(folder)).isPositive();
        DownloadSettings defaults = DownloadSettings.defaults();
        assertThat(defaults.withSpaceProbe(f -> 1).spaceProbe().usableBytes(folder)).isEqualTo(1);
        assertThat(defaults.withSpaceProbe(f -> 1).maxRetries()).isEqualTo(defaults.maxRetries());
        assertThatThrownBy(() -> new DownloadSettings(-1, Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO, 0, 1,
            f -> 0)).isInstanceOf(IllegalArgumentException.class);
        try (ModelDownloader plain = new ModelDownloader(folder, client)) {
            assertThat(plain.folder()).isEqualTo(folder.toAbsolutePath());
            assertThat(plain.active()).isEmpty();
        }
    }
}
