package dev.cyberdevstudio.engine.agents.security;

import java.util.Objects;

/**
 * One problem a rule found.
 *
 * @param ruleId     the rule's id, e.g. {@code CDS-SEC-001}
 * @param title      the rule's title
 * @param severity   how bad it is
 * @param cwe        the CWE number
 * @param file       the path relative to the scanned folder, with {@code /} separators
 * @param line       1-based line
 * @param column     1-based column (in chars)
 * @param snippet    the line, trimmed and shortened, with every secret on it masked
 * @param message    why it is a problem and how to fix it; never contains a secret
 * @param confidence how sure the rule is
 */
public record Finding(String ruleId, String title, Severity severity, int cwe, String file, int line, int column,
                      String snippet, String message, Confidence confidence) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(confidence, "confidence");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("Lines and columns count from 1, got " + line + ":" + column);
        }
    }

    /** "CWE-89". */
    public String cweTag() {
        return "CWE-" + cwe;
    }

    /** "src/App.java:12:5", for logs and lists. */
    public String location() {
        return file + ":" + line + ":" + column;
    }
}
