package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spans count Java chars, whatever the text holds: accents, CJK, emoji (two chars each), line breaks. */
class SyntaxDocumentUnicodeTest {

    @Test
    void spansAfterNonAsciiTextStartExactlyOnTheirTokens() {
        var text = "// é 日本 😀😀\nclass Café { String s = \"日本😀\"; int n = 1; }\n";
        try (var document = SyntaxDocument.open(Language.JAVA, text)) {
            var spans = document.spans(0, text.length());
            assertThat(spans).contains(
                    new StyleSpan(0, text.indexOf('\n'), "comment"),
                    new StyleSpan(text.indexOf("class"), 5, "keyword"),
                    new StyleSpan(text.indexOf("Café"), 4, "type"),
                    new StyleSpan(text.indexOf("\"日本😀\""), "\"日本😀\"".length(), "string"),
                    new StyleSpan(text.indexOf("int"), 3, "type"),
                    new StyleSpan(text.indexOf("1;"), 1, "number"));
        }
    }

    @Test
    void editsAroundEmojiKeepSpansOnTheirTokens() {
        var text = "x = 1\n";
        try (var document = SyntaxDocument.open(Language.PYTHON, text)) {
            document.edit(0, 0, "# 😀 日本\n");
            document.edit(document.text().indexOf("1"), 1, "\"é😀\"");
            var current = document.text();
            assertThat(current).isEqualTo("# 😀 日本\nx = \"é😀\"\n");
            var spans = document.spans(0, current.length());
            assertThat(spans).contains(
                    new StyleSpan(0, current.indexOf('\n'), "comment"),
                    new StyleSpan(current.indexOf('='), 1, "operator"),
                    new StyleSpan(current.indexOf('"'), 5, "string"));
        }
    }

    @Test
    void aViewportThatStartsAfterAnEmojiIsClippedInChars() {
        var text = "# 😀 heading 日本\n\nplain `code` end\n";
        try (var document = SyntaxDocument.open(Language.MARKDOWN, text)) {
            var headingEnd = text.indexOf('\n');
            assertThat(document.spans(3, headingEnd)).containsExactly(new StyleSpan(3, headingEnd - 3, "heading"));
            var code = text.indexOf("`code`");
            assertThat(document.spans(code + 1, code + 3)).containsExactly(new StyleSpan(code + 1, 2, "string"));
        }
    }

    @Test
    void anEmojiAcrossTheReadChunkBoundaryIsReadWhole() {
        // The parser reads 32768 chars at a time: put an emoji's two halves on either side of that boundary.
        var prefix = "class A { String s = \"";
        var text = prefix + "a".repeat(32767 - prefix.length()) + "😀\"; int x = 1; }\n";
        assertThat(Character.isHighSurrogate(text.charAt(32767))).isTrue();
        try (var document = SyntaxDocument.open(Language.JAVA, text)) {
            var spans = document.spans(0, text.length());
            var stringStart = text.indexOf('"');
            assertThat(spans).contains(
                    new StyleSpan(stringStart, text.indexOf("\";") + 1 - stringStart, "string"),
                    new StyleSpan(text.indexOf("int"), 3, "type"),
                    new StyleSpan(text.indexOf("1;"), 1, "number"));
        }
    }

    @Test
    void windowsLineEndingsCountAsTwoChars() {
        var text = "a = 1\r\nb = 'x'\r\n";
        try (var document = SyntaxDocument.open(Language.PYTHON, text)) {
            assertThat(document.spans(0, text.length())).contains(
                    new StyleSpan(text.indexOf('1'), 1, "number"),
                    new StyleSpan(text.indexOf("'x'"), 3, "string"));
        }
    }
}
