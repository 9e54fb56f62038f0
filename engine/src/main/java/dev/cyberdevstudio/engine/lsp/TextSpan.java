package dev.cyberdevstudio.engine.lsp;

/** The text from {@code start} up to, not including, {@code end}. */
public record TextSpan(TextPosition start, TextPosition end) {

    public static TextSpan of(int startLine, int startCharacter, int endLine, int endCharacter) {
        return new TextSpan(new TextPosition(startLine, startCharacter), new TextPosition(endLine, endCharacter));
    }
}
