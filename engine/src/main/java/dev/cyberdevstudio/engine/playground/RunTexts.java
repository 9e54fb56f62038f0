package dev.cyberdevstudio.engine.playground;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What every {@link PlaygroundHistory} does to a run before keeping it, so that the in-memory and the database one
 * give back the same: texts cut to the longest kept, times to microseconds, rates made finite.
 */
final class RunTexts {

    static final String CUT_MARKER = "\n… [cut: the history keeps " + PlaygroundHistory.MAX_TEXT_LENGTH
            + " characters]";

    private RunTexts() {
    }

    static PlaygroundRun clip(PlaygroundRun run) {
        Objects.requireNonNull(run, "run");
        var system = clip(run.systemPrompt());
        var user = clip(run.userPrompt());
        var output = clip(run.output());
        var error = run.error().map(RunTexts::clip);
        // Databases keep microseconds: the in-memory history cuts times alike.
        return new PlaygroundRun(run.startedAt().truncatedTo(ChronoUnit.MICROS), run.model(), system, user,
                run.sampling(), output, run.promptTokens(), run.generatedTokens(), saturated(run.timeToFirstToken()),
                saturated(run.total()), Double.isFinite(run.tokensPerSecond()) ? run.tokensPerSecond() : 0,
                run.outcome(), error);
    }

    /** Nanoseconds as a column keeps them; a duration past 292 years is a bug upstream, not a reason to fail. */
    static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static Duration saturated(Duration duration) {
        return Duration.ofNanos(nanos(duration));
    }

    static String clip(String text) {
        if (text.length() <= PlaygroundHistory.MAX_TEXT_LENGTH) {
            return text;
        }
        var end = PlaygroundHistory.MAX_TEXT_LENGTH - CUT_MARKER.length();
        // Never keep half of a surrogate pair.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT_MARKER;
    }
}
