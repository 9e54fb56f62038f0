package dev.cyberdevstudio.app.shell;

import dev.cyberdevstudio.app.terminal.PtyShellLauncher;
import dev.cyberdevstudio.app.terminal.ShellLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Login shells for window tests that never read the real user's profile (it may be slow or leave lock files). */
final class TestShells {

    private TestShells() {
    }

    static ShellLauncher inTemporaryHome(Path temp) {
        try {
            var home = Files.createDirectories(temp.resolve("shell-home"));
            return new PtyShellLauncher(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "HOME", home.toString(), "SHELL", "/bin/bash", "LANG", "C.UTF-8", "PS1", "$ "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
