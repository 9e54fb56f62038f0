package dev.cyberdevstudio.engine.agents.debug;

import java.util.List;

/** A problem as one {@link OutputFormat} read it from the output, before its pointers meet the project. */
record ParsedProblem(Problem.Kind kind, String language, String headline, List<SourcePointer> pointers,
                     int firstOutputLine) {

    ParsedProblem {
        pointers = List.copyOf(pointers);
    }
}
