package dev.cyberdevstudio.engine.lsp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a language server's program: a path (absolute, or relative to the project) as given; a bare name on PATH,
 * then in the tools folders ({@code $CYBERDEVSTUDIO_NPM_TOOLS/node_modules/.bin} and any the caller adds).
 */
final class CommandLocator {

    /** The folder whose {@code node_modules/.bin} holds npm-installed tools (the test suite's, or a studio's). */
    static final String NPM_TOOLS_VARIABLE = "CYBERDEVSTUDIO_NPM_TOOLS";

    private static final List<String> WINDOWS_SUFFIXES = List.of("", ".exe", ".cmd", ".bat");

    private final Path projectRoot;
    private final List<Path> folders;
    private final boolean windows;

    CommandLocator(Path projectRoot, List<Path> folders, boolean windows) {
        this.projectRoot = projectRoot;
        this.folders = List.copyOf(folders);
        this.windows = windows;
    }

    /** Looks on {@code environment}'s PATH, then in its npm tools folder, then in {@code extraFolders}. */
    static CommandLocator forEnvironment(Path projectRoot, Map<String, String> environment, List<Path> extraFolders) {
        var windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        var folders = new ArrayList<Path>();
        var path = environment.getOrDefault("PATH", environment.getOrDefault("Path", ""));
        for (var entry : path.split(File.pathSeparator)) {
            toPath(entry).ifPresent(folders::add);
        }
        var npmTools = environment.get(NPM_TOOLS_VARIABLE);
        if (npmTools != null) {
            toPath(npmTools).ifPresent(tools -> folders.add(tools.resolve("node_modules").resolve(".bin")));
        }
        folders.addAll(extraFolders);
        return new CommandLocator(projectRoot, folders, windows);
    }

    /** The executable file {@code program} names, if there is one. */
    Optional<Path> locate(String program) {
        if (program.contains("/") || program.contains(File.separator)) {
            return toPath(program).map(projectRoot::resolve).filter(this::isExecutable).map(Path::normalize);
        }
        for (var folder : folders) {
            for (var suffix : windows ? WINDOWS_SUFFIXES : List.of("")) {
                Path candidate;
                try {
                    candidate = folder.resolve(program + suffix);
                } catch (InvalidPathException notAName) {
                    return Optional.empty();
                }
                if (isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath().normalize());
                }
            }
        }
        return Optional.empty();
    }

    private boolean isExecutable(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
    }

    private static Optional<Path> toPath(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text.strip()));
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }
}
