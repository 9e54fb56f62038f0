package dev.cyberdevstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a person meets it; none of these cases opens a window. */
class StudioCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var commandLine = new CommandLine(new StudioCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void versionPrintsTheStudioVersionAndTheJavaRuntime() {
        assertThat(run("version")).isZero();

        assertThat(out.toString()).startsWith("CyberDevStudio 0.1.0")
            .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void theVersionOptionSaysTheSame() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString()).startsWith("CyberDevStudio 0.1.0");
    }

    @Test
    void helpListsTheFolderArgumentAndTheCommandsButNotTheBenchmarkOptions() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("Usage: studio").contains("[FOLDER]").contains("version")
            .doesNotContain("--timing-file").doesNotContain("--exit-when-ready");
    }

    @Test
    void refusesAFolderThatDoesNotExistWithoutOpeningAWindow(@TempDir Path temp) {
        var missing = temp.resolve("missing");

        assertThat(run(missing.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains(missing.toString()).contains("does not exist");
    }

    @Test
    void refusesAFileWhereAFolderIsExpected(@TempDir Path temp) throws IOException {
        var file = Files.writeString(temp.resolve("notes.txt"), "x");

        assertThat(run(file.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("notes.txt").contains("is a file, not a folder");
    }

    @Test
    void aSecondFolderIsAUsageErrorNamingTheExtraArgument() {
        assertThat(run("first", "extra")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Unmatched argument").contains("'extra'").contains("Usage: studio");
    }
}
