package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLinesTest {

    @Test
    void splitsAPlainCommandOnBlanksAndQuotes() {
        assertThat(CommandLines.toCommand("  python3   main.py 'two words' \"say \\\"hi\\\"\" a\\ b ''"))
                .containsExactly("python3", "main.py", "two words", "say \"hi\"", "a b", "");
    }

    @Test
    void givesLinesWithShellSyntaxToTheShell() {
        for (var line : List.of("yes | head -c 10", "echo $HOME", "ls *.java", "make && make test", "a > out",
                "FOO=1 env", "echo \"$USER\"", "echo `date`")) {
            assertThat(CommandLines.toCommand(line)).as(line).containsExactly("/bin/sh", "-c", line);
        }
    }

    @Test
    void keepsShellCharactersInsideSingleQuotesAsText() {
        assertThat(CommandLines.toCommand("sh -c 'echo one; sleep 0.5 | cat'"))
                .containsExactly("sh", "-c", "echo one; sleep 0.5 | cat");
    }

    @Test
    void refusesABlankLineOrAnUnclosedQuote() {
        assertThatThrownBy(() -> CommandLines.toCommand("   ")).hasMessage("Type a command to run.");
        assertThatThrownBy(() -> CommandLines.toCommand(null)).hasMessage("Type a command to run.");
        assertThatThrownBy(() -> CommandLines.toCommand("echo 'oops"))
                .hasMessage("The command line has an unclosed single quote.");
        assertThatThrownBy(() -> CommandLines.toCommand("echo \"oops"))
                .hasMessage("The command line has an unclosed double quote.");
    }

    @Test
    void joinsWordsIntoALineThatSplitsBackTheSame() {
        var words = List.of("sh", "-c", "echo 'one'; ls", "plain/path.txt", "");
        var line = CommandLines.join(words);

        assertThat(line).isEqualTo("sh -c 'echo '\\''one'\\''; ls' plain/path.txt ''");
        assertThat(CommandLines.toCommand(line)).isEqualTo(words);
    }
}
