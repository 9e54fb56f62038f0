package dev.cyberdevstudio.engine.agents.debug;

/**
 * A place in source code that a run's output names: a frame of a stack trace or the position of a compiler error.
 *
 * @param printedFile the file as the output wrote it ({@code /home/me/p/app.py}, {@code Main.java},
 *                    {@code src/main.rs}); for a Java frame, the class's source path ({@code com/acme/Main.java})
 * @param line        1-based
 * @param column      1-based, or 0 when the output gave none
 * @param function    the function or method of a frame, empty for a compiler error
 * @param outputLine  0-based index of the output line it came from
 */
public record SourcePointer(String printedFile, int line, int column, String function, int outputLine) {
}
