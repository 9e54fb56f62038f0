package dev.cyberdevstudio.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalShellEnvironmentTest {

    @Test
    void passesTheUsersOwnVariablesThrough() {
        var environment = ShellEnvironment.forShell(Map.of("PATH", "/usr/bin", "HOME", "/home/ada",
                "GITHUB_TOKEN", "t0ken", "LANG", "en_GB.UTF-8"));

        assertThat(environment).containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/ada")
                .containsEntry("GITHUB_TOKEN", "t0ken").containsEntry("LANG", "en_GB.UTF-8");
    }

    @Test
    void leavesOutTheStudiosInternalVariables() {
        var environment = ShellEnvironment.forShell(Map.of("CYBERDEVSTUDIO_HOME", "/data",
                "CYBERDEVSTUDIO_DATABASE_URL", "jdbc:h2:x", "JAVA_TOOL_OPTIONS", "-javaagent:a.jar",
                "_JAVA_OPTIONS", "-Xmx1g", "JDK_JAVA_OPTIONS", "--add-opens=x", "KEEP", "me"));

        assertThat(environment.keySet()).containsExactlyInAnyOrder("KEEP", "TERM");
    }

    @Test
    void leavesThemOutWhateverTheirCaseAsWindowsIgnoresIt() {
        assertThat(ShellEnvironment.isStudioInternal("CyberDevStudio_Home")).isTrue();
        assertThat(ShellEnvironment.isStudioInternal("java_tool_options")).isTrue();
        assertThat(ShellEnvironment.isStudioInternal("JAVA_HOME")).isFalse();
        assertThat(ShellEnvironment.isStudioInternal("MY_CYBERDEVSTUDIO_NOTE")).isFalse();
    }

    @Test
    void announcesAn256ColourXterm() {
        assertThat(ShellEnvironment.forShell(Map.of("TERM", "dumb"))).containsEntry("TERM", "xterm-256color");
        assertThat(ShellEnvironment.forShell(Map.of())).containsEntry("TERM", "xterm-256color");
    }
}
