package dev.cyberdevstudio.app.shell;

import dev.cyberdevstudio.app.terminal.PtyShellLauncher;
import dev.cyberdevstudio.app.terminal.ShellLauncher;
import dev.cyberdevstudio.app.terminal.TestShellEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Login shells for window tests, in a temporary home (see {@link TestShellEnvironment}). */
final class TestShells {

    private TestShells() {
    }

    static ShellLauncher inTemporaryHome(Path temp) {
        try {
            var home = Files.createDirectories(temp.resolve("shell-home"));
            return new PtyShellLauncher(TestShellEnvironment.inHome(home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
