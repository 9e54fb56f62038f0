package dev.cyberdevstudio.app.editor.highlight;

/** Where offsets land when text is replaced. */
final class Edits {

    private Edits() {
    }

    /**
     * Where {@code offset} lands after {@code removedLength} chars at {@code start} became {@code insertedLength}
     * chars. An offset inside the removed text lands at the end of the inserted text when {@code towardsEnd}, at
     * its start otherwise, so that a range shrinks around a removal and never turns inside out.
     */
    static int map(int offset, int start, int removedLength, int insertedLength, boolean towardsEnd) {
        if (offset <= start) {
            return offset;
        }
        if (offset >= start + removedLength) {
            return offset - removedLength + insertedLength;
        }
        return towardsEnd ? start + insertedLength : start;
    }
}
