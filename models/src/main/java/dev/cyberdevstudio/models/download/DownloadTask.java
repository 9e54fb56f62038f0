package dev.cyberdevstudio.models.download;

import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.catalog.JsonFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download: runs on its own virtual thread, writes {@code name.part} beside the final file with a sidecar
 * {@code name.part.json}, resumes with {@code Range} + {@code If-Range}, and moves the file to its final name only
 * after the SHA-256 over every byte on disk matched the published one.
 *
 * <p>Pause, cancel and the stall watchdog stop a running transfer by closing the response body, not by interrupting
 * the thread: an interrupt during a FileChannel write would close the partial file's channel. The thread is
 * interrupted only while it waits (for headers, a download slot or a retry back-off), when no file I/O runs.
 */
final class DownloadTask implements DownloadHandle {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadTask.class);
    private static final int BUFFER = 64 * 1024;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes\\s+\\*/(\\d+)");

    private final ModelDownloader owner;
    private final URI url;
    private final String fileName;
    private final Optional<String> expectedSha;
    private final OptionalLong expectedSize;
    private final Optional<String> catalogId;
    private final Path target;
    private final Path part;
    private final Path sidecar;
    private final CompletableFuture<Path> completion = new CompletableFuture<>();
    private final List<Consumer<DownloadProgress>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    // Guarded by lock.
    private Thread worker;
    private boolean resumeRequested;

    private volatile boolean pauseRequested;
    private volatile boolean cancelRequested;
    private volatile boolean stalled;
    private volatile InputStream currentBody;
    private volatile long lastByteNanos;
    private volatile DownloadState state = DownloadState.QUEUED;
    private volatile long bytesDone;
    private volatile long total = -1;
    private volatile double rate;
    private volatile Optional<String> message = Optional.empty();

    // Touched by the worker thread only.
    private long have;
    private MessageDigest digest;
    private PartState partState;
    private long rateSampleNanos;
    private long rateSampleBytes;
    private long lastPublishNanos;

    DownloadTask(ModelDownloader owner, URI url, String fileName, Optional<String> expectedSha,
                 OptionalLong expectedSize, Optional<String> catalogId) {
        this.owner = owner;
        this.url = url;
        this.fileName = fileName;
        this.expectedSha = expectedSha;
        this.expectedSize = expectedSize;
        this.catalogId = catalogId;
        this.target = owner.folder().resolve(fileName);
        this.part = owner.folder().resolve(fileName + ModelDownloader.PART_SUFFIX);
        this.sidecar = owner.folder().resolve(fileName + ModelDownloader.SIDECAR_SUFFIX);
    }

    URI url() {
        return url;
    }

    @Override
    public String id() {
        return fileName;
    }

    @Override
    public DownloadProgress progress() {
        DownloadState s = state;
        long done = bytesDone;
        long t = total;
        OptionalLong totalBytes = t >= 0 ? OptionalLong.of(t) : expectedSize;
        double r = s == DownloadState.RUNNING ? rate : 0;
        Optional<Duration> remaining = totalBytes.isPresent() && r > 0
            ? Optional.of(Duration.ofMillis((long) (Math.max(0, totalBytes.getAsLong() - done) / r * 1000)))
            : Optional.empty();
        return new DownloadProgress(fileName, s, done, totalBytes, r, remaining, message);
    }

    /** Also called once at once with the current progress, so a late listener does not miss a quick failure. */
    @Override
    public void onProgress(Consumer<DownloadProgress> listener) {
        listeners.add(listener);
        listener.accept(progress());
    }

    void start() {
        synchronized (lock) {
            startWorker();
        }
    }

    private void startWorker() {
        pauseRequested = false;
        worker = Thread.ofVirtual().name("model-download-" + fileName).start(this::run);
    }

    @Override
    public void pause() {
        synchronized (lock) {
            resumeRequested = false;
            if (worker != null && !cancelRequested) {
                pauseRequested = true;
                stopWorker();
            }
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            if (worker != null) {
                // Asked to resume while the pause is still taking effect: start again once it has.
                resumeRequested = pauseRequested && !cancelRequested;
            } else if (state == DownloadState.PAUSED) {
                setState(DownloadState.QUEUED, Optional.empty());
                startWorker();
            }
        }
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            if (isTerminal(state) || cancelRequested) {
                return;
            }
            cancelRequested = true;
            resumeRequested = false;
            if (worker != null) {
                stopWorker();
                return;
            }
        }
        // Paused: nothing runs, clean up here.
        cancelled();
    }

    @Override
    public CompletableFuture<Path> completion() {
        return completion;
    }

    /** Waits for the worker thread to end (used on close, so a new downloader can take the files over). */
    void awaitWorker(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (lock) {
            t = worker;
        }
        if (t != null) {
            t.join(timeout);
        }
    }

    /** Called by the watchdog: a transfer with no byte for the stall timeout is cut and resumed. */
    void checkStall(long nowNanos, long stallNanos) {
        InputStream body = currentBody;
        if (body != null && state == DownloadState.RUNNING && nowNanos - lastByteNanos > stallNanos) {
            stalled = true;
            closeQuietly(body);
        }
    }

    private void stopWorker() {
        InputStream body = currentBody;
        if (body != null) {
            closeQuietly(body);
        } else {
            worker.interrupt();
        }
    }

    private void run() {
        boolean holding = false;
        try {
            owner.slots().acquire();
            holding = true;
            checkStop();
            String sha = transfer();
            install(sha);
        } catch (InterruptedException | StopException e) {
            stopped();
        } catch (DownloadFailure f) {
            if (stopRequested()) {
                stopped();
            } else {
                fail(f.getMessage(), f.keepPartial, f.getCause());
            }
        } catch (RuntimeException e) {
            if (stopRequested()) {
                stopped();
            } else {
                LOG.error("Download of {} failed unexpectedly", fileName, e);
                fail("The download of " + fileName + " failed: " + e.getMessage(), true, e);
            }
        } finally {
            if (holding) {
                owner.slots().release();
            }
            Thread.interrupted();
            boolean cancelNow = false;
            synchronized (lock) {
                worker = null;
                if (cancelRequested && state == DownloadState.PAUSED) {
                    // Cancelled after this thread had already paused, before it ended: nobody else cleans up.
                    cancelNow = true;
                } else if (resumeRequested && state == DownloadState.PAUSED) {
                    resumeRequested = false;
                    setState(DownloadState.QUEUED, Optional.empty());
                    startWorker();
                }
            }
            if (cancelNow) {
                cancelled();
            }
        }
    }

    private String transfer() throws DownloadFailure, InterruptedException, StopException {
        createFolder();
        long onDisk = sizeOrZero(part);
        if (expectedSize.isPresent()) {
            checkSpace(expectedSize.getAsLong() - onDisk);
        }
        try (PartWriter writer = owner.opener().open(part)) {
            have = writer.size();
            Optional<PartState> saved = readSidecar();
            if (have > 0 && !saved.map(s -> url.toString().equals(s.url())).orElse(false)) {
                LOG.info("Discarding {}: it was downloaded from another address", part);
                writer.truncate(0);
                have = 0;
                saved = Optional.empty();
            }
            partState = saved.orElseGet(() -> new PartState(PartState.VERSION, url.toString(), fileName,
                expectedSha.orElse(null), expectedSize.isPresent() ? expectedSize.getAsLong() : null,
                catalogId.orElse(null), null, null));
            if (have > 0 && validator().isEmpty() && expectedSha.isEmpty()) {
                // Nothing would tell us the server's file is still the one whose start we hold: start again.
                writer.truncate(0);
                have = 0;
            }
            writeSidecar();
            digest = newDigest();
            if (have > 0) {
                bytesDone = have;
                setState(DownloadState.RUNNING, Optional.of("Checking the " + mb(have) + " already downloaded"));
                hashPrefix(have);
            }
            bytesDone = have;
            setState(DownloadState.RUNNING, Optional.empty());
            download(writer);
            writer.force();
        } catch (IOException e) {
            checkStop();
            throw diskFailure(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void download(PartWriter writer) throws DownloadFailure, InterruptedException, StopException {
        int failures = 0;
        while (true) {
            checkStop();
            long before = have;
            try {
                if (attempt(writer)) {
                    return;
                }
                failures++;
                if (failures > owner.settings().maxRetries()) {
                    throw new DownloadFailure("The server at " + url.getHost() + " would not send " + fileName
                        + " from where it stopped, " + failures + " times in a row", true, null);
                }
            } catch (IOException e) {
                checkStop();
                String cause = stalled ? "no data for " + owner.settings().stallTimeout().toSeconds() + " s"
                    : String.valueOf(e.getMessage());
                stalled = false;
                Thread.interrupted();
                failures = have > before ? 1 : failures + 1;
                if (failures > owner.settings().maxRetries()) {
                    throw new DownloadFailure("The connection to " + url.getHost() + " failed " + failures
                        + " times in a row (" + cause + "). The partial file " + part.getFileName() + " ("
                        + mb(have) + ") is kept; download again to resume from it.", true, e);
                }
                LOG.info("Download of {} interrupted at {} bytes ({}); retry {}", fileName, have, cause, failures);
                setState(DownloadState.RETRYING, Optional.of("Connection lost at " + mb(have) + " (" + cause
                    + "); resuming, attempt " + failures + " of " + owner.settings().maxRetries()));
                Thread.sleep(backoff(failures));
                setState(DownloadState.RUNNING, Optional.empty());
            }
        }
    }

    /** One request; true when the partial file now holds the whole file, false to ask again. */
    private boolean attempt(PartWriter writer) throws IOException, DownloadFailure, InterruptedException,
        StopException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
            .timeout(owner.settings().stallTimeout())
            .header("Accept-Encoding", "identity")
            .header("User-Agent", "CyberDevStudio");
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
            validator().ifPresent(v -> request.header("If-Range", v));
        }
        HttpResponse<InputStream> response = owner.client().send(request.build(), BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            // The watchdog measures silence from here, not from the previous attempt's last byte.
            lastByteNanos = System.nanoTime();
            currentBody = body;
            checkStop();
            int code = response.statusCode();
            if (code == 206) {
                Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (!range.matches() || Long.parseLong(range.group(1)) != have) {
                    restartFromZero(writer, "The server sent another part of the file than asked; starting again");
                    return false;
                }
                if (!range.group(3).equals("*")) {
                    total = Long.parseLong(range.group(3));
                }
            } else if (code == 200) {
                if (have > 0) {
                    // The server ignores Range, or If-Range found the file changed: the body is the whole file.
                    restartFromZero(writer, "The server did not resume (it ignores ranges or the file changed); "
                        + "starting again from zero");
                }
                OptionalLong length = response.headers().firstValueAsLong("Content-Length");
                total = length.isPresent() ? length.getAsLong() : -1;
            } else if (code == 416) {
                Matcher range = UNSATISFIED_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (range.matches() && Long.parseLong(range.group(1)) == have) {
                    total = have;
                    return true;
                }
                restartFromZero(writer, "The server refused to resume; starting again from zero");
                return false;
            } else if (code == 408 || code == 429 || code >= 500) {
                throw new IOException("the server answered " + code);
            } else {
                throw new DownloadFailure("The server answered " + code + " for " + url, false, null);
            }
            rememberValidators(response);
            checkTotal();
            if (total >= 0) {
                checkSpace(total - have);
            }
            copy(body, writer);
            if (total >= 0 && have < total) {
                throw new IOException("the connection closed after " + have + " of " + total + " bytes");
            }
            return true;
        } finally {
            currentBody = null;
        }
    }

    private void copy(InputStream body, PartWriter writer) throws IOException, DownloadFailure, StopException {
        byte[] buffer = new byte[BUFFER];
        lastByteNanos = System.nanoTime();
        int n;
        while ((n = body.read(buffer)) != -1) {
            checkStop();
            if (total >= 0 && have + n > total) {
                throw new DownloadFailure("The server sent more bytes of " + fileName + " than the " + total
                    + " it announced", false, null);
            }
            try {
                writer.write(ByteBuffer.wrap(buffer, 0, n), have);
            } catch (IOException e) {
                truncateQuietly(writer);
                throw diskFailure(e);
            }
            digest.update(buffer, 0, n);
            have += n;
            bytesDone = have;
            lastByteNanos = System.nanoTime();
            maybePublish();
        }
        checkStop();
    }

    private void restartFromZero(PartWriter writer, String why) throws IOException {
        LOG.info("{}: {}", fileName, why);
        writer.truncate(0);
        have = 0;
        bytesDone = 0;
        digest = newDigest();
        rateSampleNanos = 0;
        message = Optional.of(why);
        publish();
    }

    private void install(String sha) throws DownloadFailure {
        setState(DownloadState.VERIFYING, Optional.of("Checking the SHA-256 of " + fileName));
        if (expectedSize.isPresent() && have != expectedSize.getAsLong()) {
            throw new DownloadFailure(fileName + " arrived with " + have + " bytes but its source publishes "
                + expectedSize.getAsLong() + "; the download was deleted", false, null);
        }
        if (expectedSha.isPresent() && !expectedSha.get().equals(sha)) {
            throw new DownloadFailure("The SHA-256 of the downloaded " + fileName + " is " + sha + " but its source "
                + "publishes " + expectedSha.get() + "; the download was deleted (the file on the server changed "
                + "or the transfer was corrupted)", false, null);
        }
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new DownloadFailure(fileName + " appeared in " + owner.folder() + " during the download; the "
                + "download is kept as " + part.getFileName(), true, e);
        } catch (IOException e) {
            throw new DownloadFailure("Could not move " + part.getFileName() + " to " + fileName + " in "
                + owner.folder() + ": " + e.getMessage(), true, e);
        }
        deleteQuietly(sidecar);
        boolean verified = expectedSha.isPresent();
        LOG.info("Downloaded {} ({} bytes, SHA-256 {}{})", target, have, sha, verified ? ", verified" : "");
        setState(DownloadState.COMPLETED, Optional.of(verified ? "Verified"
            : "Downloaded; no published checksum, so it is unverified"));
        owner.finished(this, Optional.of(new CompletedDownload(target, catalogId, sha, verified)));
        completion.complete(target);
    }

    private void stopped() {
        if (cancelRequested) {
            cancelled();
        } else {
            setState(DownloadState.PAUSED, Optional.of("Paused at " + mb(bytesDone)));
        }
    }

    private void cancelled() {
        deleteQuietly(part);
        deleteQuietly(sidecar);
        setState(DownloadState.CANCELLED, Optional.of("Cancelled; the partial file was removed"));
        owner.finished(this, Optional.empty());
        completion.completeExceptionally(new ModelsException("The download of " + fileName
            + " was cancelled and its partial file removed"));
    }

    private void fail(String why, boolean keepPartial, Throwable cause) {
        if (!keepPartial) {
            deleteQuietly(part);
            deleteQuietly(sidecar);
        }
        LOG.warn("Download of {} failed: {}", fileName, why);
        setState(DownloadState.FAILED, Optional.of(why));
        owner.finished(this, Optional.empty());
        completion.completeExceptionally(new ModelsException(why, cause));
    }

    private DownloadFailure diskFailure(IOException e) {
        String free = "unknown";
        try {
            free = mb(owner.settings().spaceProbe().usableBytes(owner.folder()));
        } catch (IOException | RuntimeException ignored) {
            // The message still names the folder and the cause.
        }
        boolean kept = Files.exists(part);
        return new DownloadFailure("Could not write " + fileName + " into " + owner.folder() + " (disk full? "
            + free + " free): " + e.getMessage() + ". " + (kept ? "The partial file " + part.getFileName() + " ("
            + mb(have) + ") is kept: free some space and download again to resume from it." : ""), true, e);
    }

    private void checkSpace(long needed) throws DownloadFailure {
        long usable;
        try {
            usable = owner.settings().spaceProbe().usableBytes(owner.folder());
        } catch (IOException e) {
            LOG.warn("Cannot read the free space of {}: {}", owner.folder(), e.getMessage());
            return;
        }
        long reserve = owner.settings().spaceReserve();
        if (needed > 0 && usable < needed + reserve) {
            throw new DownloadFailure("Not enough free space in " + owner.folder() + " to download " + fileName
                + ": it needs " + mb(needed) + " more (and " + mb(reserve) + " kept free) but " + mb(usable)
                + " are free", true, null);
        }
    }

    private void checkTotal() throws DownloadFailure {
        if (total >= 0 && expectedSize.isPresent() && total != expectedSize.getAsLong()) {
            throw new DownloadFailure("The server offers " + fileName + " with " + total + " bytes but its source "
                + "publishes " + expectedSize.getAsLong() + "; nothing was kept", false, null);
        }
    }

    private void rememberValidators(HttpResponse<?> response) {
        String etag = response.headers().firstValue("ETag").filter(e -> !e.startsWith("W/")).orElse(null);
        String modified = response.headers().firstValue("Last-Modified").orElse(null);
        if (etag != null || modified != null) {
            partState = partState.withValidators(etag, modified);
            writeSidecar();
        }
    }

    private Optional<String> validator() {
        return Optional.ofNullable(partState.etag()).or(() -> Optional.ofNullable(partState.lastModified()));
    }

    private Optional<PartState> readSidecar() {
        try {
            return JsonFiles.read(sidecar, PartState.class);
        } catch (ModelsException e) {
            LOG.warn("Ignoring the unreadable {}: {}", sidecar, e.getMessage());
            return Optional.empty();
        }
    }

    private void writeSidecar() {
        JsonFiles.write(sidecar, partState);
    }

    private void hashPrefix(long length) throws IOException {
        try (InputStream in = Files.newInputStream(part)) {
            byte[] buffer = new byte[BUFFER];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(part + " ended after " + (length - left) + " bytes");
                }
                digest.update(buffer, 0, n);
                left -= n;
            }
        }
    }

    private void createFolder() throws DownloadFailure {
        try {
            Files.createDirectories(owner.folder());
        } catch (IOException e) {
            throw new DownloadFailure("Cannot create the models folder " + owner.folder() + ": " + e.getMessage(),
                true, e);
        }
    }

    private Duration backoff(int failures) {
        Duration delay = owner.settings().retryDelay().multipliedBy(1L << Math.min(failures - 1, 10));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void checkStop() throws StopException {
        if (stopRequested()) {
            throw new StopException();
        }
    }

    private boolean stopRequested() {
        return pauseRequested || cancelRequested;
    }

    private void setState(DownloadState newState, Optional<String> why) {
        if (newState == DownloadState.RUNNING && state != DownloadState.RUNNING) {
            rateSampleNanos = 0;
        }
        state = newState;
        message = why;
        publish();
    }

    private void maybePublish() {
        long now = System.nanoTime();
        if (now - lastPublishNanos >= owner.settings().progressInterval().toNanos()) {
            publish();
        }
    }

    private void publish() {
        long now = System.nanoTime();
        lastPublishNanos = now;
        long done = bytesDone;
        if (rateSampleNanos == 0 || done < rateSampleBytes) {
            rateSampleNanos = now;
            rateSampleBytes = done;
        } else if (now - rateSampleNanos >= 100_000_000L) {
            double instant = (done - rateSampleBytes) / ((now - rateSampleNanos) / 1e9);
            rate = rate == 0 ? instant : 0.7 * rate + 0.3 * instant;
            rateSampleNanos = now;
            rateSampleBytes = done;
        }
        DownloadProgress snapshot = progress();
        for (Consumer<DownloadProgress> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.warn("A download progress listener failed", e);
            }
        }
    }

    static boolean isTerminal(DownloadState s) {
        return s == DownloadState.COMPLETED || s == DownloadState.FAILED || s == DownloadState.CANCELLED;
    }

    /** A size in words: "40 kB", "12.3 MB", "1.89 GB". */
    static String mb(long bytes) {
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1000.0);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1_000_000_000.0);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private void truncateQuietly(PartWriter writer) {
        try {
            writer.truncate(have);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not trim {} after a failed write", part, e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("Closing a response body failed", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    /** Pause or cancel was asked for. */
    private static final class StopException extends Exception {
        StopException() {
            super(null, null, false, false);
        }
    }

    /** A failure the user has to act on; {@code keepPartial} says whether the partial file stays for a resume. */
    private static final class DownloadFailure extends Exception {
        final boolean keepPartial;

        DownloadFailure(String message, boolean keepPartial, Throwable cause) {
            super(message, cause);
            this.keepPartial = keepPartial;
        }
    }
}
