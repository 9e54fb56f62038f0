package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.models.download.DownloadHandle;
import dev.cyberdevstudio.models.download.DownloadProgress;
import dev.cyberdevstudio.models.download.DownloadState;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One download in the Models tab: its progress as properties, and pause, resume and cancel acting on the handle.
 *
 * <p>The downloader reports from its own thread several times a second; only the newest report is kept and the UI
 * thread is asked once to show it, so a fast download never floods the FX queue.
 */
public final class DownloadRow {

    private static final Set<DownloadState> PAUSABLE = EnumSet.of(DownloadState.QUEUED, DownloadState.RUNNING,
        DownloadState.RETRYING);
    private static final Set<DownloadState> FINISHED = EnumSet.of(DownloadState.COMPLETED, DownloadState.FAILED,
        DownloadState.CANCELLED);

    private final String fileName;
    private final DownloadHandle handle;
    private final TaskExecutor executor;
    private final AtomicReference<DownloadProgress> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<DownloadState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", -1);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(this, "canPause");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");

    DownloadRow(String fileName, DownloadHandle handle, TaskExecutor executor) {
        this.fileName = fileName;
        this.handle = handle;
        this.executor = executor;
        show(handle.progress());
        handle.onProgress(this::offer);
    }

    public String fileName() {
        return fileName;
    }

    public DownloadHandle handle() {
        return handle;
    }

    public ReadOnlyObjectProperty<DownloadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 while the size is unknown (an indeterminate bar). */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "120 MB of 1.2 GB · 4.1 MB/s · 4 min 30 s left", or why it paused, retries or failed. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public void pause() {
        executor.submit(() -> {
            handle.pause();
            return null;
        });
    }

    public void resume() {
        executor.submit(() -> {
            handle.resume();
            return null;
        });
    }

    /** Stops the download and deletes its partial file. */
    public void cancel() {
        executor.submit(() -> {
            handle.cancel();
            return null;
        });
    }

    /** Any thread: keeps the newest report and shows it on the UI thread's next turn. */
    void offer(DownloadProgress progress) {
        pending.set(progress);
        if (scheduled.compareAndSet(false, true)) {
            executor.runOnUi(() -> {
                scheduled.set(false);
                var newest = pending.getAndSet(null);
                if (newest != null) {
                    show(newest);
                }
            });
        }
    }

    private void show(DownloadProgress progress) {
        var now = progress.state();
        state.set(now);
        fraction.set(now == DownloadState.COMPLETED ? 1 : progress.fraction());
        canPause.set(PAUSABLE.contains(now));
        canResume.set(now == DownloadState.PAUSED);
        finished.set(FINISHED.contains(now));
        detail.set(describe(progress));
    }

    static String describe(DownloadProgress progress) {
        var text = new StringBuilder(Formats.bytes(progress.bytesDone()));
        progress.totalBytes().ifPresent(total -> text.append(" of ").append(Formats.bytes(total)));
        if (progress.state() == DownloadState.RUNNING && progress.bytesPerSecond() > 0) {
            text.append(" · ").append(Formats.bytes(Math.round(progress.bytesPerSecond()))).append("/s");
            progress.remaining().ifPresent(left -> text.append(" · ").append(Formats.duration(left)).append(" left"));
        }
        var label = switch (progress.state()) {
            case QUEUED -> "queued";
            case RUNNING -> "";
            case PAUSED -> "paused";
            case RETRYING -> "connection lost, retrying";
            case VERIFYING -> "checking SHA-256";
            case COMPLETED -> "done";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
        if (!label.isEmpty()) {
            text.append(" · ").append(label);
        }
        progress.message().filter(message -> !message.isBlank()).ifPresent(message -> text.append(": ").append(message));
        return text.toString();
    }
}
