package dev.cyberdevstudio.sandbox.process;

import dev.cyberdevstudio.sandbox.SandboxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One program to run in a project.
 *
 * <pre>{@code
 * var spec = ProcessSpec.of(projectFolder, List.of("make", "test"))
 *     .withEnvironment(Map.of("CC", "gcc"))
 *     .withLimits(ProcessLimits.defaults().withWallTimeout(Duration.ofMinutes(5)));
 * }</pre>
 *
 * @param command          the program and its arguments; a name without '/' is looked up in the run's PATH
 * @param projectRoot      the only folder the run may write (and, when isolated, the only one of the user's it sees)
 * @param workingDirectory where the run starts: the project root or a folder inside it (relative paths are taken
 *                         from the project root)
 * @param environment      the variables granted to the run, on top of a minimal PATH, HOME, TMPDIR and LANG; nothing
 *                         else of the studio's environment is passed on
 * @param limits           time, CPU, memory, process and output limits
 * @param network          whether the run may reach the network (isolated runs only; a reduced run cannot be kept off)
 */
public record ProcessSpec(List<String> command, Path projectRoot, Path workingDirectory,
                          Map<String, String> environment, ProcessLimits limits, boolean network) {

    public ProcessSpec {
        command = List.copyOf(command);
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(limits, "limits");
        if (command.isEmpty() || command.getFirst().isBlank()) {
            throw new SandboxException("Refused run: no command given");
        }
        var root = projectRoot.toAbsolutePath().normalize();
        var cwd = root.resolve(workingDirectory).normalize();
        if (!cwd.startsWith(root)) {
            throw new SandboxException("Refused run: the working folder " + workingDirectory
                    + " lies outside the project " + projectRoot);
        }
        for (var name : environment.keySet()) {
            if (name.isEmpty() || name.contains("=") || name.indexOf('\0') >= 0
                    || environment.get(name).indexOf('\0') >= 0) {
                throw new SandboxException("Refused run: invalid environment variable '" + name + "'");
            }
        }
        for (var argument : command) {
            if (argument.indexOf('\0') >= 0) {
                throw new SandboxException("Refused run: an argument contains a NUL character");
            }
        }
    }

    /** A run in the project root with no granted variables, default limits and no network. */
    public static ProcessSpec of(Path projectRoot, List<String> command) {
        return new ProcessSpec(command, projectRoot, projectRoot, Map.of(), ProcessLimits.defaults(), false);
    }

    public ProcessSpec withWorkingDirectory(Path value) {
        return new ProcessSpec(command, projectRoot, value, environment, limits, network);
    }

    public ProcessSpec withEnvironment(Map<String, String> value) {
        return new ProcessSpec(command, projectRoot, workingDirectory, value, limits, network);
    }

    public ProcessSpec withLimits(ProcessLimits value) {
        return new ProcessSpec(command, projectRoot, workingDirectory, environment, value, network);
    }

    public ProcessSpec withNetwork(boolean value) {
        return new ProcessSpec(command, projectRoot, workingDirectory, environment, limits, value);
    }

    /** The working folder as an absolute path inside the project. */
    public Path resolvedWorkingDirectory() {
        return projectRoot.toAbsolutePath().normalize().resolve(workingDirectory).normalize();
    }
}
