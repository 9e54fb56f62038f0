package dev.cyberdevstudio.engine.agents.debug;

import java.util.List;
import java.util.Optional;

/**
 * One thing that went wrong in a run: an exception with its stack, or a compiler error with its position.
 *
 * @param kind     what produced it
 * @param language the language whose format matched ({@code java}, {@code python}, {@code javascript}, {@code go},
 *                 {@code rust}, {@code typescript}, {@code c})
 * @param headline the exception or error message, as printed ({@code ZeroDivisionError: division by zero})
 * @param places   the frames (innermost first) or the error's position, each resolved against the project
 */
public record Problem(Kind kind, String language, String headline, List<ResolvedPointer> places) {

    public enum Kind { EXCEPTION, COMPILE_ERROR, COMPILE_WARNING }

    public Problem {
        places = List.copyOf(places);
    }

    /** The innermost place in the project's own code: where a fix most likely goes. */
    public Optional<ResolvedPointer> firstInProject() {
        return places.stream().filter(ResolvedPointer::inProject).findFirst();
    }
}
