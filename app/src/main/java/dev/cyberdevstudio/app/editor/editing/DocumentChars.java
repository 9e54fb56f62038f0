package dev.cyberdevstudio.app.editor.editing;

import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.TwoDimensional;

/**
 * The area's text as a {@link CharSequence} read paragraph by paragraph, so that matching a bracket or indenting a
 * line after a keystroke does not copy a whole large file. Valid until the next edit; make a new one per command.
 */
final class DocumentChars implements CharSequence {

    private final CodeArea area;
    private final int length;
    private String paragraph;
    private int paragraphStart = -1;
    private int paragraphEnd = -1;

    DocumentChars(CodeArea area) {
        this.area = area;
        this.length = area.getLength();
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("No char " + index + " in a text of " + length);
        }
        if (paragraph == null || index < paragraphStart || index > paragraphEnd) {
            var position = area.offsetToPosition(index, TwoDimensional.Bias.Forward);
            paragraph = area.getParagraph(position.getMajor()).getText();
            paragraphStart = index - position.getMinor();
            paragraphEnd = paragraphStart + paragraph.length();
        }
        return index == paragraphEnd ? '\n' : paragraph.charAt(index - paragraphStart);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return area.getText(start, end);
    }

    @Override
    public String toString() {
        return area.getText();
    }
}
