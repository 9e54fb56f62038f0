package dev.cyberdevstudio.engine.files;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How a text file's characters are stored: the charset and whether the file starts with a byte order mark. */
public enum TextEncoding {
    UTF_8(StandardCharsets.UTF_8, new byte[0], "UTF-8"),
    UTF_8_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "UTF-8 with BOM"),
    UTF_16LE_BOM(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}, "UTF-16 LE"),
    UTF_16BE_BOM(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}, "UTF-16 BE"),
    /** Every byte maps to one character, so saving gives back the same bytes. */
    ISO_8859_1(StandardCharsets.ISO_8859_1, new byte[0], "ISO-8859-1"),
    /** Windows' "ANSI" Western encoding: ISO-8859-1 plus curly quotes, dashes and the euro sign in 0x80-0x9F. */
    WINDOWS_1252(Charset.forName("windows-1252"), new byte[0], "Windows-1252");

    private final Charset charset;
    private final byte[] byteOrderMark;
    private final String label;

    TextEncoding(Charset charset, byte[] byteOrderMark, String label) {
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
        this.label = label;
    }

    public Charset charset() {
        return charset;
    }

    public boolean hasByteOrderMark() {
        return byteOrderMark.length > 0;
    }

    /** A name for people, e.g. "UTF-8 with BOM". */
    public String label() {
        return label;
    }

    byte[] byteOrderMark() {
        return byteOrderMark.clone();
    }

    /** Whether {@code bytes} start with this encoding's byte order mark (never true for encodings without one). */
    boolean markedIn(byte[] bytes) {
        if (byteOrderMark.length == 0 || bytes.length < byteOrderMark.length) {
            return false;
        }
        for (int i = 0; i < byteOrderMark.length; i++) {
            if (bytes[i] != byteOrderMark[i]) {
                return false;
            }
        }
        return true;
    }
}
