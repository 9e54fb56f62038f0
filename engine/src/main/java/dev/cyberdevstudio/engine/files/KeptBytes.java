package dev.cyberdevstudio.engine.files;

import java.util.Arrays;

/**
 * Follows a file's invalid UTF-8 bytes (its {@link InvalidBytes}) through the edits of its text, so that a save
 * writes back exactly the bytes the user did not touch.
 *
 * <p>Why splice rather than ask: a file with a stray Latin-1 byte in a comment is common, and a user who fixes a typo
 * on another line expects the rest of the file to stay as it was, byte for byte. So each U+FFFD that came from the
 * file is tied to its original bytes: an edit that removes it (deleting or overwriting it) lets it go, an edit
 * elsewhere only moves it, and a save writes the original bytes in its place. Everything else is written as UTF-8,
 * including a U+FFFD the user typed or pasted. The editor says so in its notice, and offers to reopen the file in
 * the 8-bit encoding that reads it whole.
 *
 * <pre>{@code
 * var kept = loaded.invalidBytes().map(KeptBytes::of).orElseGet(KeptBytes::none);
 * document.onChange((at, removed, inserted) -> kept.edited(at, removed, inserted));
 * TextFiles.save(path, text, TextEncoding.UTF_8, separator, kept.snapshot());
 * }</pre>
 *
 * Not thread-safe: keep it on the thread that edits the text, and hand {@link #snapshot()} to the saving thread.
 */
public final class KeptBytes {

    private static final KeptBytes.Snapshot NONE = new Snapshot(new int[0], new byte[0][]);

    private int[] offsets;
    private byte[][] sequences;
    private int size;

    private KeptBytes(int[] offsets, byte[][] sequences) {
        this.offsets = offsets;
        this.sequences = sequences;
        this.size = offsets.length;
    }

    /** Tracks nothing: a valid file. */
    public static KeptBytes none() {
        return new KeptBytes(new int[0], new byte[0][]);
    }

    /** Tracks {@code invalid}'s bytes. */
    public static KeptBytes of(InvalidBytes invalid) {
        return new KeptBytes(invalid.charOffsets(), invalid.sequences());
    }

    /** Tracks the sequences of {@code snapshot} (a text back at a saved state). */
    public static KeptBytes of(Snapshot snapshot) {
        return new KeptBytes(snapshot.charOffsets().clone(), snapshot.sequences().clone());
    }

    /** How many original byte sequences are still in the text. */
    public int size() {
        return size;
    }

    /**
     * The text changed: {@code removed} chars at {@code position} were replaced by {@code inserted} chars. Sequences
     * in the removed range are dropped, those after it move.
     */
    public void edited(int position, int removed, int inserted) {
        if (size == 0) {
            return;
        }
        int removedEnd = position + removed;
        int delta = inserted - removed;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int offset = offsets[i];
            if (offset >= position && offset < removedEnd) {
                continue;
            }
            offsets[kept] = offset >= removedEnd ? offset + delta : offset;
            sequences[kept] = sequences[i];
            kept++;
        }
        Arrays.fill(sequences, kept, size, null);
        size = kept;
    }

    /** The sequences as they stand now, for a save on another thread. */
    public Snapshot snapshot() {
        return size == 0 ? NONE : new Snapshot(Arrays.copyOf(offsets, size), Arrays.copyOf(sequences, size));
    }

    /** Where the original bytes go in the text being saved; see {@link TextFiles#save(java.nio.file.Path, String,
     * TextEncoding, LineSeparator, Snapshot)}. */
    public record Snapshot(int[] charOffsets, byte[][] sequences) {

        public boolean isEmpty() {
            return charOffsets.length == 0;
        }
    }
}
