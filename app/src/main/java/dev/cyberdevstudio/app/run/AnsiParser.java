package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.sandbox.run.OutputChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one output channel's text with ANSI escape sequences into styled pieces.
 *
 * <pre>{@code
 * var stdout = new AnsiParser(OutputChannel.STDOUT);
 * List<StyledText> pieces = stdout.feed("\u001B[1;31merror\u001B[0m: missing ;\n");
 * }</pre>
 *
 * SGR ({@code ESC [ … m}) sets colours (16, 256 and 24-bit, foreground and background), bold, dim, italic,
 * underline and inverse; every other escape (cursor moves, erasing, window titles) is dropped, as are carriage
 * returns and control characters other than tab and line feed: run output is a log here, not a screen. A sequence
 * split between two chunks is held until the next one. A parser keeps its style from chunk to chunk, as a terminal
 * does; feed one parser per channel. Safe to call from several threads (calls are serialized).
 */
public final class AnsiParser {

    private static final char ESC = '\u001B';
    private static final char BEL = '\u0007';

    /** Longer than any real sequence: a longer "sequence" is garbage and is dropped rather than held forever. */
    private static final int LONGEST_SEQUENCE = 4096;

    private final OutputChannel channel;
    private TextStyle style;
    private String held = "";

    public AnsiParser(OutputChannel channel) {
        this.channel = channel;
        this.style = TextStyle.plain(channel);
    }

    /** The pieces of {@code chunk}, adjacent pieces of the same style merged; an escape cut short is held back. */
    public synchronized List<StyledText> feed(String chunk) {
        var input = held.isEmpty() ? chunk : held + chunk;
        held = "";
        var pieces = new ArrayList<StyledText>();
        var text = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == ESC) {
                int end = sequenceEnd(input, i);
                if (end < 0) {
                    if (input.length() - i <= LONGEST_SEQUENCE) {
                        held = input.substring(i);
                    }
                    break;
                }
                if (input.charAt(i + 1) == '[' && input.charAt(end - 1) == 'm') {
                    var next = applySgr(style, input.substring(i + 2, end - 1));
                    if (!next.equals(style)) {
                        flush(pieces, text);
                        style = next;
                    }
                }
                i = end;
            } else {
                if (c == '\n' || c == '\t' || c >= ' ' && c != '\u007F') {
                    text.append(c);
                }
                i++;
            }
        }
        flush(pieces, text);
        return pieces;
    }

    private void flush(List<StyledText> pieces, StringBuilder text) {
        if (text.isEmpty()) {
            return;
        }
        if (!pieces.isEmpty() && pieces.getLast().style().equals(style)) {
            var last = pieces.removeLast();
            pieces.add(new StyledText(last.text() + text, style));
        } else {
            pieces.add(new StyledText(text.toString(), style));
        }
        text.setLength(0);
    }

    /** Where the escape sequence starting at {@code start} ends (exclusive), or -1 when the input ends first. */
    private static int sequenceEnd(String input, int start) {
        if (start + 1 >= input.length()) {
            return -1;
        }
        char kind = input.charAt(start + 1);
        if (kind == '[') {
            for (int i = start + 2; i < input.length(); i++) {
                char c = input.charAt(i);
                if (c >= '@' && c <= '~') {
                    return i + 1;
                }
                if (c < ' ' || c > '?') {
                    return i; // not a well-formed CSI: drop what came so far, keep the stray character as text
                }
            }
            return -1;
        }
        if (kind == ']' || kind == 'P' || kind == '_' || kind == '^') {
            for (int i = start + 2; i < input.length(); i++) {
                char c = input.charAt(i);
                if (c == BEL) {
                    return i + 1;
                }
                if (c == ESC) {
                    return i + 1 < input.length() ? (input.charAt(i + 1) == '\\' ? i + 2 : i) : -1;
                }
            }
            return -1;
        }
        if (kind == '(' || kind == ')') {
            return start + 2 < input.length() ? start + 3 : -1;
        }
        return start + 2;
    }

    /** The style after the SGR parameters {@code parameters} (the text between {@code ESC [} and {@code m}). */
    static TextStyle applySgr(TextStyle style, String parameters) {
        var codes = parameters.isEmpty() ? new String[] {"0"} : parameters.split("[;:]", -1);
        var next = style;
        for (int i = 0; i < codes.length; i++) {
            int code = number(codes[i]);
            switch (code) {
                case 0 -> next = TextStyle.plain(style.channel());
                case 1 -> next = next.withBold(true);
                case 2 -> next = next.withDim(true);
                case 3 -> next = next.withItalic(true);
                case 4 -> next = next.withUnderline(true);
                case 7 -> next = next.withInverse(true);
                case 22 -> next = next.withBold(false).withDim(false);
                case 23 -> next = next.withItalic(false);
                case 24 -> next = next.withUnderline(false);
                case 27 -> next = next.withInverse(false);
                case 39 -> next = next.withForeground(AnsiColor.DEFAULT);
                case 49 -> next = next.withBackground(AnsiColor.DEFAULT);
                case 38, 48 -> {
                    var colour = extendedColour(codes, i + 1);
                    i += colour.consumed();
                    if (colour.colour() != null) {
                        next = code == 38 ? next.withForeground(colour.colour()) : next.withBackground(colour.colour());
                    }
                }
                default -> {
                    if (code >= 30 && code <= 37) {
                        next = next.withForeground(new AnsiColor.Indexed(code - 30));
                    } else if (code >= 40 && code <= 47) {
                        next = next.withBackground(new AnsiColor.Indexed(code - 40));
                    } else if (code >= 90 && code <= 97) {
                        next = next.withForeground(new AnsiColor.Indexed(code - 90 + 8));
                    } else if (code >= 100 && code <= 107) {
                        next = next.withBackground(new AnsiColor.Indexed(code - 100 + 8));
                    }
                    // anything else (blink, fonts, overline) has no place in an output log and is ignored
                }
            }
        }
        return next;
    }

    private record Extended(AnsiColor colour, int consumed) {
    }

    /** {@code 5;n} or {@code 2;r;g;b} after a 38 or 48; a malformed one consumes what it has and sets nothing. */
    private static Extended extendedColour(String[] codes, int from) {
        if (from >= codes.length) {
            return new Extended(null, 0);
        }
        int mode = number(codes[from]);
        if (mode == 5 && from + 1 < codes.length) {
            int index = number(codes[from + 1]);
            return new Extended(index >= 0 && index <= 255 ? new AnsiColor.Indexed(index) : null, 2);
        }
        if (mode == 2 && from + 3 < codes.length) {
            int red = number(codes[from + 1]);
            int green = number(codes[from + 2]);
            int blue = number(codes[from + 3]);
            boolean valid = red >= 0 && red <= 255 && green >= 0 && green <= 255 && blue >= 0 && blue <= 255;
            return new Extended(valid ? new AnsiColor.Rgb(red, green, blue) : null, 4);
        }
        return new Extended(null, codes.length - from);
    }

    private static int number(String code) {
        if (code.isEmpty()) {
            return 0;
        }
        if (code.length() > 3) {
            return -1;
        }
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
