package dev.cyberdevstudio.engine.files;

import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of a file that were not valid UTF-8 and show as U+FFFD in its text, each with what it was on disk, so
 * that saving can write them back unchanged. Immutable; {@link KeptBytes} follows them through edits.
 *
 * @param charOffsets where each U+FFFD stands in the loaded text (with {@code \n} line breaks), ascending
 * @param sequences the original bytes of each, in the same order
 * @param firstByteOffset the offset in the file of the first bad byte, for the notice
 * @param firstLine the 1-based line of the first bad byte
 * @param suggestion the 8-bit encoding that reads every byte of the file, offered as "Reopen as …"
 */
public record InvalidBytes(int[] charOffsets, byte[][] sequences, long firstByteOffset, int firstLine,
                           TextEncoding suggestion) {

    public InvalidBytes {
        Objects.requireNonNull(suggestion, "suggestion");
        if (charOffsets.length != sequences.length || charOffsets.length == 0) {
            throw new IllegalArgumentException("one byte sequence per offset, and at least one");
        }
        charOffsets = charOffsets.clone();
        sequences = sequences.clone();
    }

    /** How many bad sequences the file has. */
    public int count() {
        return charOffsets.length;
    }

    /** The first bad byte as people read it, e.g. "0xE9". */
    public String firstByte() {
        return String.format("0x%02X", sequences[0][0] & 0xFF);
    }

    @Override
    public int[] charOffsets() {
        return charOffsets.clone();
    }

    @Override
    public byte[][] sequences() {
        return sequences.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InvalidBytes that && Arrays.equals(charOffsets, that.charOffsets)
                && Arrays.deepEquals(sequences, that.sequences) && firstByteOffset == that.firstByteOffset
                && firstLine == that.firstLine && suggestion == that.suggestion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(charOffsets), Arrays.deepHashCode(sequences), firstByteOffset, firstLine,
                suggestion);
    }

    @Override
    public String toString() {
        return "InvalidBytes[" + count() + " sequences, first " + firstByte() + " at byte " + firstByteOffset
                + " (line " + firstLine + "), suggestion " + suggestion.label() + "]";
    }
}
