package dev.cyberdevstudio.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TerminalShellCommandTest {

    private static final Predicate<Path> EVERYTHING_RUNS = path -> true;

    @Test
    void startsTheUsersShellAsALoginShell() {
        var shell = ShellCommand.choose(Map.of("SHELL", "/usr/bin/zsh"), false, EVERYTHING_RUNS);

        assertThat(shell.command()).containsExactly("/usr/bin/zsh", "-l");
        assertThat(shell.name()).isEqualTo("zsh");
    }

    @Test
    void fallsBackToBashWhenShellIsUnsetOrUnusable() {
        var onlyBash = executables("/bin/bash", "/bin/sh");

        assertThat(ShellCommand.choose(Map.of(), false, onlyBash).command()).containsExactly("/bin/bash", "-l");
        assertThat(ShellCommand.choose(Map.of("SHELL", "/opt/missing/fish"), false, onlyBash).command())
                .containsExactly("/bin/bash", "-l");
        assertThat(ShellCommand.choose(Map.of("SHELL", "fish"), false, onlyBash).command())
                .containsExactly("/bin/bash", "-l");
        assertThat(ShellCommand.choose(Map.of("SHELL", " "), false, onlyBash).command())
                .containsExactly("/bin/bash", "-l");
    }

    @Test
    void fallsBackToShWithoutBash() {
        var shell = ShellCommand.choose(Map.of(), false, executables("/bin/sh"));

        assertThat(shell.command()).containsExactly("/bin/sh", "-l");
        assertThat(shell.name()).isEqualTo("sh");
    }

    @Test
    void usesComspecOnWindows() {
        var shell = ShellCommand.choose(Map.of("COMSPEC", "C:\\Windows\\System32\\cmd.exe"), true, EVERYTHING_RUNS);

        assertThat(shell.command()).containsExactly("C:\\Windows\\System32\\cmd.exe");
        assertThat(shell.name()).isEqualTo("cmd");
        assertThat(ShellCommand.choose(Map.of(), true, EVERYTHING_RUNS).command()).containsExactly("cmd.exe");
    }

    @Test
    void findsAShellOnThisMachine() {
        var shell = ShellCommand.forUser(Map.of("SHELL", "/bin/sh"));

        assertThat(shell.command().getFirst()).isEqualTo("/bin/sh");
    }

    @Test
    void needsAProgram() {
        assertThatThrownBy(() -> new ShellCommand(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Predicate<Path> executables(String... paths) {
        var present = Set.of(paths);
        return path -> present.contains(path.toString());
    }
}
