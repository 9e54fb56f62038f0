package dev.cyberdevstudio.engine.lsp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes a server's output on to lsp4j while checking that it is LSP's framing: header lines
 * ({@code Content-Length: 42}), a blank line, then exactly that many bytes of body. The first byte that cannot be
 * part of that (a log line printed to stdout, binary noise, a header block without Content-Length) is reported once
 * to {@code onGarbage} and ends the stream, since lsp4j would otherwise skip it silently and wait forever for a
 * message that will never come.
 */
final class FramingGuard extends FilterInputStream {

    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final int SHOWN_CHARACTERS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(FramingGuard.class);

    private final Consumer<String> onGarbage;
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder headerBlock = new StringBuilder();
    private boolean inBody;
    private long bodyLeft;
    private long contentLength = -1;
    private boolean sawHeader;
    private boolean missingLength;
    private boolean broken;

    FramingGuard(InputStream in, Consumer<String> onGarbage) {
        super(in);
        this.onGarbage = onGarbage;
    }

    @Override
    public int read() throws IOException {
        var one = new byte[1];
        var count = read(one, 0, 1);
        return count <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (broken) {
            return -1;
        }
        var count = super.read(buffer, offset, length);
        if (count <= 0) {
            return count;
        }
        for (var index = offset; index < offset + count; index++) {
            if (!accept(buffer[index])) {
                broken = true;
                onGarbage.accept(describe(buffer, index, offset + count));
                return -1;
            }
        }
        return count;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would hide bytes from the check; lsp4j never skips.
        var buffer = new byte[(int) Math.min(n, 8192)];
        var count = read(buffer, 0, buffer.length);
        return Math.max(count, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private boolean accept(byte value) {
        if (inBody) {
            if (--bodyLeft == 0) {
                inBody = false;
                contentLength = -1;
            }
            return true;
        }
        var character = (char) (value & 0xff);
        if (character == '\n') {
            return endOfHeaderLine();
        }
        if (character == '\r') {
            return true;
        }
        if (line.length() >= MAX_HEADER_LINE || character < 0x20 && character != '\t' || character > 0x7e) {
            line.append(character);
            return false;
        }
        line.append(character);
        // A header name is a token: anything else before the colon means this is not a header line.
        return line.indexOf(":") >= 0 || isTokenCharacter(character);
    }

    private boolean endOfHeaderLine() {
        var text = line.toString().strip();
        line.setLength(0);
        if (text.isEmpty()) {
            if (contentLength < 0) {
                if (!sawHeader) {
                    return true;
                }
                // A stray blank line between messages is harmless; a header block without a length is not.
                missingLength = true;
                return false;
            }
            sawHeader = false;
            headerBlock.setLength(0);
            if (contentLength == 0) {
                contentLength = -1;
                return true;
            }
            inBody = true;
            bodyLeft = contentLength;
            return true;
        }
        var colon = text.indexOf(':');
        if (colon <= 0) {
            line.append(text);
            return false;
        }
        sawHeader = true;
        headerBlock.append(text).append(' ');
        if (text.substring(0, colon).strip().equalsIgnoreCase("Content-Length")) {
            try {
                contentLength = Long.parseLong(text.substring(colon + 1).strip());
            } catch (NumberFormatException notANumber) {
                return false;
            }
            return contentLength >= 0;
        }
        return true;
    }

    private static boolean isTokenCharacter(char character) {
        return Character.isLetterOrDigit(character) && character < 0x80 || "-_!#$%&'*+.^`|~".indexOf(character) >= 0;
    }

    /** The offending header block and line as far as they have come, with what already followed, for people. */
    private String describe(byte[] buffer, int at, int end) {
        if (missingLength) {
            return "wrote headers without Content-Length to its output: \"" + printable(headerBlock) + "\"";
        }
        var shown = new StringBuilder(headerBlock).append(line);
        if (buffer[at] != '\n') {
            var rest = new byte[SHOWN_CHARACTERS];
            var restLength = 0;
            for (var index = at + 1; index < end && restLength < rest.length; index++) {
                rest[restLength++] = buffer[index];
            }
            try {
                // Only what has arrived: the server may write nothing more, and this runs on lsp4j's reader.
                var waiting = Math.min(in.available(), rest.length - restLength);
                if (waiting > 0) {
                    restLength += Math.max(0, in.read(rest, restLength, waiting));
                }
            } catch (IOException closed) {
                LOG.trace("Nothing more to show after the garbage: {}", closed.toString());
            }
            for (var index = 0; index < restLength && rest[index] != '\n' && rest[index] != '\r'; index++) {
                shown.append((char) (rest[index] & 0xff));
            }
        }
        return "wrote something that is not LSP to its output: \"" + printable(shown) + "\"";
    }

    private static String printable(CharSequence text) {
        var collapsed = text.toString().strip().replaceAll("[ \t]+", " ");
        var printable = new StringBuilder();
        collapsed.chars().limit(SHOWN_CHARACTERS).forEach(c -> printable.append(c < 0x20 || c > 0x7e ? '?' : (char) c));
        return printable + (collapsed.length() > SHOWN_CHARACTERS ? "…" : "");
    }
}
