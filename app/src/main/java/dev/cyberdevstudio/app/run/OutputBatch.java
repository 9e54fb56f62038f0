package dev.cyberdevstudio.app.run;

import java.util.List;

/**
 * Output that reached the UI thread in one go (at most one batch per pass of the UI thread).
 *
 * @param clear        whether the view starts over before this batch: another run, or a run from the history
 * @param pieces       the styled text to append
 * @param droppedLines lines that came in too fast to be shown and were dropped before this batch, the oldest first
 */
public record OutputBatch(boolean clear, List<StyledText> pieces, long droppedLines) {

    public OutputBatch {
        pieces = List.copyOf(pieces);
    }
}
