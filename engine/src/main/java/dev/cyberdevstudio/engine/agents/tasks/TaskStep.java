package dev.cyberdevstudio.engine.agents.tasks;

import java.time.Instant;

/**
 * One step of a task's loop, as recorded: a model call, a tool call and its result, a note.
 *
 * @param index     0-based, in the order the task recorded its steps across all attempts
 * @param kind      {@code model}, {@code tool}, {@code note} …
 * @param tool      the tool called ({@code read_file}), empty for other kinds
 * @param arguments the call's arguments as the model gave them (JSON), empty for other kinds
 * @param result    what came back; the orchestrator keeps at most {@link #MAX_TEXT} characters of it
 */
public record TaskStep(TaskId task, int index, int attempt, String kind, String tool, String arguments,
                       String result, long millis, long tokens, Instant at) {

    public static final int MAX_TEXT = 64 * 1024;

    /** {@code text}, cut to {@link #MAX_TEXT} characters with a note saying how much was left out. */
    static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text
            : text.substring(0, MAX_TEXT) + "\n… (" + (text.length() - MAX_TEXT) + " more characters not kept)";
    }
}
