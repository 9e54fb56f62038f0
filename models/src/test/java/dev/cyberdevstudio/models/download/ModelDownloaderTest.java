package dev.cyberdevstudio.models.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
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
        assertThat(server.ranges).containsExactly("bytes=100000-", "bytes=200000-");
        assertThat(server.ifRanges).containsOnly(server.etag());
        assertThat(events).extracting(DownloadProgress::state).contains(DownloadState.RETRYING);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).bytesDone()).isGreaterThanOrEqualTo(events.get(i - 1).bytesDone());
        }
    }
}
