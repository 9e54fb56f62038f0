package dev.cyberdevstudio.engine.lsp;

/**
 * One problem a language server reported.
 *
 * @param source who found it ({@code Pyright}, {@code typescript}); may be empty
 * @param code   the server's code for the kind of problem ({@code reportAttributeAccessIssue}); may be empty
 */
public record Diagnostic(TextSpan span, Severity severity, String message, String source, String code) {

    public enum Severity { ERROR, WARNING, INFORMATION, HINT }
}
