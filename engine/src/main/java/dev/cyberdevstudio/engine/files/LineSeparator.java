package dev.cyberdevstudio.engine.files;

/** The line separator a file uses on disk; in memory text always uses {@code \n}. */
public enum LineSeparator {
    LF("\n"),
    CRLF("\r\n"),
    CR("\r");

    private final String text;

    LineSeparator(String text) {
        this.text = text;
    }

    /** The characters written between lines. */
    public String text() {
        return text;
    }

    /** "LF", "CRLF" or "CR", as status bars show it. */
    public String label() {
        return name();
    }

    /** The separator of the first line break in {@code text}; {@link #LF} when there is none. */
    static LineSeparator firstIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return LF;
            }
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? CRLF : CR;
            }
        }
        return LF;
    }
}
