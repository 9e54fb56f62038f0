package dev.cyberdevstudio.sandbox.run;

import java.util.Objects;

/** Some output of a run, as it was produced (not a whole line necessarily), decoded as UTF-8. */
public record OutputChunk(OutputChannel channel, String text) {

    public OutputChunk {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
    }
}
