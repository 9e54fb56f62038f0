package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.sandbox.run.OutputChannel;
import java.util.Objects;

/**
 * How a piece of run output looks: the channel it came from (stderr and the sandbox's notes have their own default
 * colours) and what ANSI SGR sequences set.
 */
public record TextStyle(OutputChannel channel, AnsiColor foreground, AnsiColor background, boolean bold,
                        boolean dim, boolean italic, boolean underline, boolean inverse) {

    public TextStyle {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(foreground, "foreground");
        Objects.requireNonNull(background, "background");
    }

    /** The style of {@code channel}'s output before any SGR sequence. */
    public static TextStyle plain(OutputChannel channel) {
        return new TextStyle(channel, AnsiColor.DEFAULT, AnsiColor.DEFAULT, false, false, false, false, false);
    }

    TextStyle withForeground(AnsiColor colour) {
        return new TextStyle(channel, colour, background, bold, dim, italic, underline, inverse);
    }

    TextStyle withBackground(AnsiColor colour) {
        return new TextStyle(channel, foreground, colour, bold, dim, italic, underline, inverse);
    }

    TextStyle withBold(boolean on) {
        return new TextStyle(channel, foreground, background, on, dim, italic, underline, inverse);
    }

    TextStyle withDim(boolean on) {
        return new TextStyle(channel, foreground, background, bold, on, italic, underline, inverse);
    }

    TextStyle withItalic(boolean on) {
        return new TextStyle(channel, foreground, background, bold, dim, on, underline, inverse);
    }

    TextStyle withUnderline(boolean on) {
        return new TextStyle(channel, foreground, background, bold, dim, italic, on, inverse);
    }

    TextStyle withInverse(boolean on) {
        return new TextStyle(channel, foreground, background, bold, dim, italic, underline, on);
    }
}
