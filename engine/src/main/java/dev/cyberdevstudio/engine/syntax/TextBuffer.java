package dev.cyberdevstudio.engine.syntax;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.treesitter.TSPoint;
import org.treesitter.TSReader;

/**
 * The text of a document as tree-sitter reads it: UTF-16LE, so that a tree-sitter byte offset is exactly twice
 * a Java char offset and no UTF-8 length has to be counted (a string with é, 日本 or an emoji would otherwise
 * shift every span after it). Tree-sitter columns are bytes too: twice the chars from the line start.
 */
final class TextBuffer {

    private final StringBuilder text;
    private final LineIndex lines;
    private char[] scratch = new char[0];

    TextBuffer(String initial) {
        text = new StringBuilder(initial);
        lines = new LineIndex(initial);
    }

    int length() {
        return text.length();
    }

    char charAt(int offset) {
        return text.charAt(offset);
    }

    String substring(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    void replace(int start, int removedLength, String inserted) {
        text.replace(start, start + removedLength, inserted);
        lines.edit(start, removedLength, inserted);
    }

    /** The tree-sitter point of a char offset: the row and the byte column within it. */
    TSPoint point(int offset) {
        var line = lines.lineOf(offset);
        return new TSPoint(line, 2 * (offset - lines.lineStart(line)));
    }

    int lineStartOf(int offset) {
        return lines.lineStart(lines.lineOf(offset));
    }

    /** Offset of the newline that ends the line holding {@code offset}, or the text's length on the last line. */
    int lineEndOf(int offset) {
        var line = lines.lineOf(offset);
        return line + 1 < lines.lineCount() ? lines.lineStart(line + 1) - 1 : text.length();
    }

    /** Feeds tree-sitter chunks of the text as UTF-16LE bytes. */
    TSReader reader() {
        return (buffer, byteOffset, point) -> {
            var first = byteOffset / 2;
            var available = text.length() - first;
            if (available <= 0) {
                return 0;
            }
            var count = Math.min(buffer.length / 2, available);
            // Never end a chunk between the two halves of a surrogate pair (an emoji).
            if (count < available && count > 1 && Character.isHighSurrogate(text.charAt(first + count - 1))) {
                count--;
            }
            if (scratch.length < count) {
                scratch = new char[count];
            }
            text.getChars(first, first + count, scratch, 0);
            ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().put(scratch, 0, count);
            return 2 * count;
        };
    }
}
