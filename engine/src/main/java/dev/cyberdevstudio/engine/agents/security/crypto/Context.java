package dev.cyberdevstudio.engine.agents.security.crypto;

import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.regex.Pattern;

/** The code that tells what a call is for: its own line, and the declaration of the function it sits in. */
final class Context {

    private static final Pattern FUNCTION = Pattern.compile(
            "\\bdef\\s+\\w+|\\bfunction\\b|\\bfunc\\s|=>|^\\s*(?:public|private|protected|static|final|\\w+\\s*<)?"
            + "[\\w<>\\[\\], ]*\\s+\\w+\\s*\\([^;]*\\)\\s*(?:throws [\\w., ]+)?\\{");
    private static final int LOOK_BACK = 8;

    private Context() {
    }

    /**
     * The code of the line, and of the nearest function declaration above it within a few lines; the look back
     * stops at a line that declares a function itself or closes a block (the end of the function before).
     */
    static String around(SourceFile file, int line) {
        var context = new StringBuilder(file.codeLine(line));
        if (FUNCTION.matcher(file.codeLine(line)).find()) {
            return context.toString();
        }
        for (int above = line - 1; above >= Math.max(1, line - LOOK_BACK); above--) {
            var code = file.codeLine(above);
            if (code.strip().startsWith("}")) {
                break;
            }
            if (FUNCTION.matcher(code).find()) {
                context.append('\n').append(code);
                break;
            }
        }
        return context.toString();
    }
}
