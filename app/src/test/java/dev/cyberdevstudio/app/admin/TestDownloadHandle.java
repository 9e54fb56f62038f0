package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.download.DownloadHandle;
import dev.cyberdevstudio.models.download.DownloadProgress;
import dev.cyberdevstudio.models.download.DownloadState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Test double of a download: the test drives its progress and outcome and counts pause, resume and cancel. */
final class TestDownloadHandle implements DownloadHandle {

    final AtomicInteger pauses = new AtomicInteger();
    final AtomicInteger resumes = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    private final String id;
    private final long total;
    private final List<Consumer<DownloadProgress>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Path> completion = new CompletableFuture<>();
    private volatile DownloadProgress progress;

    TestDownloadHandle(String id, long total) {
        this.id = id;
        this.total = total;
        this.progress = new DownloadProgress(id, DownloadState.QUEUED, 0, OptionalLong.of(total), 0,
            Optional.empty(), Optional.empty());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public DownloadProgress progress() {
        return progress;
    }

    @Override
    public void onProgress(Consumer<DownloadProgress> listener) {
        listeners.add(listener);
    }

    @Override
    public void pause() {
        pauses.incrementAndGet();
        publish(DownloadState.PAUSED, progress.bytesDone(), 0, Optional.of("paused by you"));
    }

    @Override
    public void resume() {
        resumes.incrementAndGet();
        publish(DownloadState.RUNNING, progress.bytesDone(), 0, Optional.empty());
    }

    @Override
    public void cancel() {
        cancels.incrementAndGet();
        publish(DownloadState.CANCELLED, progress.bytesDone(), 0, Optional.empty());
        completion.completeExceptionally(new CancellationException("cancelled"));
    }

    @Override
    public CompletableFuture<Path> completion() {
        return completion;
    }

    /** Reports {@code done} bytes at {@code bytesPerSecond}. */
    void running(long done, double bytesPerSecond) {
        publish(DownloadState.RUNNING, done, bytesPerSecond, Optional.empty());
    }

    void finish(Path file) {
        publish(DownloadState.COMPLETED, total, 0, Optional.empty());
        completion.complete(file);
    }

    void fail(String why) {
        publish(DownloadState.FAILED, progress.bytesDone(), 0, Optional.of(why));
        completion.completeExceptionally(new ModelsException(why));
    }

    private void publish(DownloadState state, long done, double rate, Optional<String> message) {
        Optional<Duration> left = rate > 0 ? Optional.of(Duration.ofSeconds(Math.round((total - done) / rate)))
            : Optional.empty();
        progress = new DownloadProgress(id, state, done, OptionalLong.of(total), rate, left, message);
        listeners.forEach(listener -> listener.accept(progress));
    }
}
