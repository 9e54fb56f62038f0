package dev.cyberdevstudio.engine.agents.test;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run one project's tests.
 *
 * @param workingDirectory where to start it, relative to the project root (empty path: the root)
 * @param reports          where the tool writes JUnit XML reports, as globs relative to the working directory;
 *                         empty when the results come from the output itself
 */
public record TestCommand(BuildTool tool, List<String> command, Path workingDirectory, List<String> reports) {

    public TestCommand {
        command = List.copyOf(command);
        reports = List.copyOf(reports);
    }

    public String commandLine() {
        return String.join(" ", command);
    }
}
