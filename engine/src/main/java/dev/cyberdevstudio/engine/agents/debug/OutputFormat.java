package dev.cyberdevstudio.engine.agents.debug;

import java.util.List;

/** One language's or tool's way of printing stack traces or compiler messages. */
interface OutputFormat {

    List<ParsedProblem> parse(List<String> lines);
}
