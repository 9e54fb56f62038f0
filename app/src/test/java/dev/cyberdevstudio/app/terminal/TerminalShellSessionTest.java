package dev.cyberdevstudio.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A real shell in a real pseudo-terminal, driven through the connector the terminal widget uses. */
@DisabledOnOs(OS.WINDOWS)
class TerminalShellSessionTest {

    @TempDir
    Path home;

    @TempDir
    Path project;

    private ShellSession session;
    private ShellOutput output;

    @AfterEach
    void endShell() {
        if (session != null) {
            session.terminate();
        }
        if (output != null) {
            output.stop();
        }
    }

    @Test
    void startsTheShellInTheGivenFolder() throws Exception {
        start(testEnvironment());

        type("cd -P . && echo \"cwd=$(pwd)\"");

        output.awaitContains("cwd=" + project.toRealPath());
    }

    @Test
    void runsALoginShellThatSpeaksXterm256Color() throws Exception {
        start(testEnvironment());

        type("echo \"term=$TERM login=$(shopt -q login_shell && echo yes)\"");

        output.awaitContains("term=xterm-256color login=yes");
        assertThat(session.shellName()).isEqualTo("bash");
        assertThat(session.folder()).isEqualTo(project);
    }

    @Test
    void keepsTheStudioVariablesOutOfTheShell() throws Exception {
        var environment = testEnvironment();
        environment.put("CYBERDEVSTUDIO_HOME", "/studio/data");
        environment.put("CYBERDEVSTUDIO_SECRET", "s3cret");
        environment.put("JAVA_TOOL_OPTIONS", "-javaagent:studio.jar");
        environment.put("_JAVA_OPTIONS", "-Xmx4g");
        environment.put("JDK_JAVA_OPTIONS", "--enable-preview");
        environment.put("USER_TOKEN_FOR_TEST", "kept");
        start(environment);

        type("env | sort | sed 's/^/env:/'; echo env-$((40+2))-done");

        var text = output.awaitContains("env-42-done");
        assertThat(text).contains("env:USER_TOKEN_FOR_TEST=kept")
                .doesNotContain("env:CYBERDEVSTUDIO_")
                .doesNotContain("env:JAVA_TOOL_OPTIONS")
                .doesNotContain("env:_JAVA_OPTIONS")
                .doesNotContain("env:JDK_JAVA_OPTIONS");
    }

    @Test
    void forwardsResizeToThePseudoTerminal() throws Exception {
        start(testEnvironment());

        session.connector().resize(new TermSize(123, 45));
        type("echo \"size=$(stty size)\"");

        output.awaitContains("size=45 123");
    }

    @Test
    void showsTheExitCodeWhenTheShellExitsAndThenEndsTheStream() throws Exception {
        start(testEnvironment());

        type("exit 3");

        output.awaitEnd(Duration.ofSeconds(20));
        assertThat(output.text()).endsWith("\r\n" + PtyTtyConnector.exitBanner(3) + "\r\n");
        assertThat(session.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(session.connector().isConnected()).isFalse();
    }

    @Test
    void terminatingKillsTheShellAndTheProgramsItStarted() throws Exception {
        start(testEnvironment());
        type("sleep 1000 & sleep 1001 & echo started-$((1+1)); sleep 1002");
        output.awaitContains("started-2");
        var shell = ProcessHandle.of(session.pid()).orElseThrow();
        var children = awaitDescendants(shell, 3);

        session.terminate();

        // The kill is sent before terminate() returns; the kernel may take a moment to finish the processes.
        assertThat(shell.onExit()).succeedsWithin(Duration.ofSeconds(5));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (children.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(children).noneMatch(ProcessTree::isRunning);
        assertThat(session.exitCode()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(session.connector().isConnected()).isFalse();
    }

    @Test
    void refusesAFolderThatDoesNotExist() {
        var launcher = new PtyShellLauncher(testEnvironment());
        var missing = project.resolve("missing");

        assertThatThrownBy(() -> launcher.start(missing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not a folder");
    }

    @Test
    void refusesAFileAsFolder() throws IOException {
        var file = Files.writeString(project.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> new PtyShellLauncher(testEnvironment()).start(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a folder");
    }

    private void start(Map<String, String> environment) throws IOException {
        session = new PtyShellLauncher(environment).start(project);
        output = ShellOutput.of(session.connector());
    }

    private void type(String line) throws IOException {
        session.connector().write(line + "\r");
    }

    private Map<String, String> testEnvironment() {
        return TestShellEnvironment.inHome(home);
    }

    private static List<ProcessHandle> awaitDescendants(ProcessHandle shell, int count) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        var descendants = shell.descendants().toList();
        while (descendants.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            descendants = shell.descendants().toList();
        }
        assertThat(descendants).hasSizeGreaterThanOrEqualTo(count);
        return descendants;
    }
}
