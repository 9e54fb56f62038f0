package dev.cyberdevstudio.app.run;

import java.util.Objects;

/** Run output with one style, as the ANSI parser hands it to the view. */
public record StyledText(String text, TextStyle style) {

    public StyledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
    }

    /** How many line breaks the text holds. */
    public int lineBreaks() {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }
}
