package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects output from the runs' reader threads and hands it to the UI thread in batches: one pass of the UI thread
 * takes what came since the last, up to {@code linesPerPass} lines (the rest waits for the next pass, so that a pass
 * stays short). Holds at most {@code maxLines} lines: when a run floods faster than the UI draws, the oldest waiting
 * lines are dropped (and counted), so neither memory nor a pass of the UI thread grows with the flood.
 *
 * <p>Output is tagged with a generation: once the view moves on to another run, late chunks of the previous one are
 * ignored.
 */
final class OutputBatcher {

    private final TaskExecutor executor;
    private final Consumer<OutputBatch> sink;
    private final int maxLines;
    private final int linesPerPass;
    private final Object lock = new Object();
    private final ArrayDeque<StyledText> pending = new ArrayDeque<>();
    private long pendingLines;
    private long dropped;
    private boolean clear;
    private boolean scheduled;
    private long generation;

    OutputBatcher(TaskExecutor executor, int maxLines, int linesPerPass, Consumer<OutputBatch> sink) {
        if (maxLines <= 0 || linesPerPass <= 0) {
            throw new IllegalArgumentException("line budgets must be positive, not " + maxLines + " and "
                    + linesPerPass);
        }
        this.executor = executor;
        this.maxLines = maxLines;
        this.linesPerPass = linesPerPass;
        this.sink = sink;
    }

    /** Starts over: waiting output is discarded, the view is told to clear; returns the new generation. */
    long restart() {
        synchronized (lock) {
            pending.clear();
            pendingLines = 0;
            dropped = 0;
            clear = true;
            generation++;
            scheduleLocked();
            return generation;
        }
    }

    /** Whether output of {@code ofGeneration} is still wanted. */
    boolean isCurrent(long ofGeneration) {
        synchronized (lock) {
            return ofGeneration == generation;
        }
    }

    /** Adds output of {@code ofGeneration}; ignored when the view has moved on. */
    void add(long ofGeneration, List<StyledText> pieces) {
        if (pieces.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (ofGeneration != generation) {
                return;
            }
            for (var piece : pieces) {
                pending.addLast(piece);
                pendingLines += piece.lineBreaks();
            }
            dropOldestLocked();
            scheduleLocked();
        }
    }

    private void dropOldestLocked() {
        var excess = pendingLines - maxLines;
        while (excess > 0 && !pending.isEmpty()) {
            var oldest = pending.removeFirst();
            int breaks = oldest.lineBreaks();
            if (breaks <= excess) {
                pendingLines -= breaks;
                dropped += breaks;
                excess -= breaks;
            } else {
                int cut = -1;
                for (long n = 0; n < excess; n++) {
                    cut = oldest.text().indexOf('\n', cut + 1);
                }
                pending.addFirst(new StyledText(oldest.text().substring(cut + 1), oldest.style()));
                pendingLines -= excess;
                dropped += excess;
                excess = 0;
            }
        }
    }

    private void scheduleLocked() {
        if (!scheduled) {
            scheduled = true;
            executor.runOnUi(this::flush);
        }
    }

    private void flush() {
        OutputBatch batch;
        synchronized (lock) {
            var pieces = new ArrayList<StyledText>();
            long lines = 0;
            while (!pending.isEmpty() && lines < linesPerPass) {
                var piece = pending.removeFirst();
                int breaks = piece.lineBreaks();
                if (lines + breaks > linesPerPass) {
                    int cut = -1;
                    for (long n = lines; n < linesPerPass; n++) {
                        cut = piece.text().indexOf('\n', cut + 1);
                    }
                    pending.addFirst(new StyledText(piece.text().substring(cut + 1), piece.style()));
                    piece = new StyledText(piece.text().substring(0, cut + 1), piece.style());
                    breaks = (int) (linesPerPass - lines);
                }
                pieces.add(piece);
                lines += breaks;
            }
            pendingLines -= lines;
            batch = new OutputBatch(clear, pieces, dropped);
            dropped = 0;
            clear = false;
            scheduled = false;
        }
        sink.accept(batch);
        synchronized (lock) {
            if (!pending.isEmpty()) {
                // the rest goes in a later pass, once the UI thread has drawn this one
                scheduleLocked();
            }
        }
    }
}
