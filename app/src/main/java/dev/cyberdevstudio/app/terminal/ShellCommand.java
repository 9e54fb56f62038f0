package dev.cyberdevstudio.app.terminal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The shell a terminal runs and how to start it.
 *
 * @param command the program and its arguments
 */
public record ShellCommand(List<String> command) {

    private static final String BASH = "/bin/bash";
    private static final String SH = "/bin/sh";

    public ShellCommand {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a shell command needs at least the program");
        }
    }

    /** The user's shell on this machine, started as a login shell. */
    public static ShellCommand forUser(Map<String, String> environment) {
        return choose(environment, isWindows(), path -> Files.isRegularFile(path) && Files.isExecutable(path));
    }

    /**
     * Picks the shell: on Unix {@code $SHELL} when it names an executable, else {@code /bin/bash}, else
     * {@code /bin/sh}, each with {@code -l} so that the user's profile sets up PATH as in their own terminal;
     * on Windows {@code %COMSPEC%}, else {@code cmd.exe}.
     */
    static ShellCommand choose(Map<String, String> environment, boolean windows, Predicate<Path> executable) {
        if (windows) {
            var comspec = environment.get("COMSPEC");
            return new ShellCommand(List.of(comspec == null || comspec.isBlank() ? "cmd.exe" : comspec));
        }
        var userShell = environment.get("SHELL");
        if (userShell != null && !userShell.isBlank() && Path.of(userShell).isAbsolute()
                && executable.test(Path.of(userShell))) {
            return new ShellCommand(List.of(userShell, "-l"));
        }
        if (executable.test(Path.of(BASH))) {
            return new ShellCommand(List.of(BASH, "-l"));
        }
        return new ShellCommand(List.of(SH, "-l"));
    }

    /** The program's file name, such as {@code bash}: what a tab shows. */
    public String name() {
        var program = command.getFirst();
        var slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
        var name = slash >= 0 ? program.substring(slash + 1) : program;
        return name.toLowerCase(Locale.ROOT).endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
    }

    private static boolean isWindows() {
        return Objects.requireNonNullElse(System.getProperty("os.name"), "").startsWith("Windows");
    }
}
