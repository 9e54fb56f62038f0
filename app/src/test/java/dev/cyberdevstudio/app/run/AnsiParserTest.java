package dev.cyberdevstudio.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.sandbox.run.OutputChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnsiParserTest {

    private static final TextStyle OUT = TextStyle.plain(OutputChannel.STDOUT);

    private final AnsiParser parser = new AnsiParser(OutputChannel.STDOUT);

    @Test
    void plainTextIsOnePieceInTheChannelsStyle() {
        var err = new AnsiParser(OutputChannel.STDERR).feed("oops\n");

        assertThat(err).containsExactly(new StyledText("oops\n", TextStyle.plain(OutputChannel.STDERR)));
        assertThat(parser.feed("")).isEmpty();
    }

    @Test
    void basicAndBrightColoursBoldAndReset() {
        var pieces = parser.feed("a\u001B[31mred\u001B[1;92mbold green\u001B[0mplain\u001B[44mon blue\u001B[m.");

        assertThat(pieces).containsExactly(
                new StyledText("a", OUT),
                new StyledText("red", OUT.withForeground(new AnsiColor.Indexed(1))),
                new StyledText("bold green", OUT.withForeground(new AnsiColor.Indexed(10)).withBold(true)),
                new StyledText("plain", OUT),
                new StyledText("on blue", OUT.withBackground(new AnsiColor.Indexed(4))),
                new StyledText(".", OUT));
    }

    @Test
    void colours256And24BitInBothFormsOfSeparator() {
        var pieces = parser.feed("\u001B[38;5;208mo\u001B[48;2;10;20;30mb\u001B[38:2:1:2:3mc\u001B[39;49md");

        var orange = OUT.withForeground(new AnsiColor.Indexed(208));
        var onNavy = orange.withBackground(new AnsiColor.Rgb(10, 20, 30));
        assertThat(pieces).containsExactly(
                new StyledText("o", orange),
                new StyledText("b", onNavy),
                new StyledText("c", onNavy.withForeground(new AnsiColor.Rgb(1, 2, 3))),
                new StyledText("d", OUT));
    }

    @Test
    void attributesTurnOnAndOffOneByOne() {
        var style = AnsiParser.applySgr(OUT, "1;2;3;4;7");
        assertThat(style).isEqualTo(new TextStyle(OutputChannel.STDOUT, AnsiColor.DEFAULT, AnsiColor.DEFAULT,
                true, true, true, true, true));

        assertThat(AnsiParser.applySgr(style, "22;23;24;27")).isEqualTo(OUT);
        assertThat(AnsiParser.applySgr(style, "")).isEqualTo(OUT);
    }

    @Test
    void malformedColourParametersChangeNothing() {
        assertThat(AnsiParser.applySgr(OUT, "38;5;300")).isEqualTo(OUT);
        assertThat(AnsiParser.applySgr(OUT, "38;2;1;2")).isEqualTo(OUT);
        assertThat(AnsiParser.applySgr(OUT, "38")).isEqualTo(OUT);
        assertThat(AnsiParser.applySgr(OUT, "38;2;1;999;3")).isEqualTo(OUT);
        assertThat(AnsiParser.applySgr(OUT, "5;6;9;53;x;12345")).isEqualTo(OUT);
        assertThat(AnsiParser.applySgr(OUT, "38;9;31")).isEqualTo(OUT);
    }

    @Test
    void aSequenceSplitBetweenChunksIsHeldUntilItEnds() {
        assertThat(parser.feed("one\u001B")).containsExactly(new StyledText("one", OUT));
        assertThat(parser.feed("[3")).isEmpty();
        assertThat(parser.feed("2mtwo")).containsExactly(
                new StyledText("two", OUT.withForeground(new AnsiColor.Indexed(2))));
        assertThat(parser.feed(" three")).containsExactly(
                new StyledText(" three", OUT.withForeground(new AnsiColor.Indexed(2))));
    }

    @Test
    void dropsCursorMovesTitlesCarriageReturnsAndControlCharacters() {
        var pieces = parser.feed("\u001B]0;window title\u0007a\u001B[2K\u001B[1Gb\r\n\u001B(Bc\u0008\u0007\td"
                + "\u001B]8;;http://x\u001B\\link\u001B7e\u007F");

        assertThat(pieces).containsExactly(new StyledText("ab\nc\tdlinke", OUT));
    }

    @Test
    void aStrayEscapeInsideACsiIsDroppedAndTheTextAfterItKept() {
        assertThat(parser.feed("\u001B[12\u00e9t\u001B[")).containsExactly(new StyledText("\u00e9t", OUT));
        assertThat(parser.feed("0mz")).containsExactly(new StyledText("z", OUT));
    }

    @Test
    void anEndlessSequenceIsDroppedRatherThanHeldForever() {
        parser.feed("\u001B]" + "x".repeat(5000));

        assertThat(parser.feed("after")).containsExactly(new StyledText("after", OUT));
    }

    @Test
    void countsLineBreaks() {
        assertThat(new StyledText("a\nb\n\n", OUT).lineBreaks()).isEqualTo(3);
        assertThat(new StyledText("", OUT).lineBreaks()).isZero();
    }

    @Test
    void keepsTheStyleFromOneChunkToTheNext() {
        parser.feed("\u001B[35m");

        assertThat(parser.feed("still magenta")).isEqualTo(List.of(
                new StyledText("still magenta", OUT.withForeground(new AnsiColor.Indexed(5)))));
    }
}
