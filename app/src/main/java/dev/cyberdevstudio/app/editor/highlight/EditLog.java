package dev.cyberdevstudio.app.editor.highlight;

import dev.cyberdevstudio.engine.syntax.TextRange;
import java.util.ArrayDeque;

/**
 * The text edits made since the oldest highlighting result still on its way, each with the text version it
 * produced: a result computed for an older version is dropped, and the range it covered is carried through the
 * edits since to the current text, to be styled again. FX-thread only.
 */
final class EditLog {

    private record Entry(long version, int start, int removedLength, int insertedLength) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    void record(long version, int start, int removedLength, int insertedLength) {
        entries.addLast(new Entry(version, start, removedLength, insertedLength));
    }

    /** Forgets the edits up to and including {@code version}: no result older than it is still coming. */
    void forgetUpTo(long version) {
        while (!entries.isEmpty() && entries.peekFirst().version() <= version) {
            entries.removeFirst();
        }
    }

    int size() {
        return entries.size();
    }

    /** Carries {@code range}, in the text of {@code version}, through every later edit. */
    TextRange carry(TextRange range, long version) {
        var start = range.start();
        var end = range.end();
        for (var entry : entries) {
            if (entry.version() > version) {
                start = Edits.map(start, entry.start(), entry.removedLength(), entry.insertedLength(), false);
                end = Edits.map(end, entry.start(), entry.removedLength(), entry.insertedLength(), true);
            }
        }
        return new TextRange(start, Math.max(start, end));
    }
}
