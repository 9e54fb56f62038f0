package dev.cyberdevstudio.engine.agents.security.secrets;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Values that only stand in for a secret: templates, variables, the documentation's own fake keys. */
final class Placeholders {

    private static final Pattern TEMPLATED = Pattern.compile(
            "\\$\\{[^}]*}.*|.*\\$\\{[^}]*}|\\$\\([^)]*\\)|\\$[A-Za-z_][A-Za-z0-9_]*|%\\(?\\w+\\)?s?|\\{\\{.*}}"
            + "|<[^>]+>|\\[[^]]+]|%[A-Za-z_]+%|@[\\w.]+@|#\\{[^}]*}");
    private static final Pattern FAKE_WORDS = Pattern.compile(
            "(?i)change[_-]?(me|it)|example|placeholder|your[_-]?|xxx|dummy|sample|redacted|todo|fixme|replace"
            + "|insert|\\.\\.\\.|\\*\\*\\*|•|fake|not[_-]?a[_-]?real|lorem");
    private static final Set<String> WEAK_WORDS = Set.of(
            "password", "secret", "passwd", "pass", "pwd", "token", "none", "null", "nil", "true", "false",
            "undefined", "test", "testing", "admin", "root", "default", "empty", "string", "value", "key");

    private Placeholders() {
    }

    /** The fake keys AWS and others print in their documentation, which turn up in every tutorial. */
    static boolean isDocumentedExample(String secret) {
        return secret.contains("EXAMPLE") || secret.contains("example");
    }

    /** True when a value looks like it stands in for a secret rather than being one. */
    static boolean isPlaceholder(String value) {
        var trimmed = value.strip();
        if (trimmed.isEmpty() || TEMPLATED.matcher(trimmed).matches() || FAKE_WORDS.matcher(trimmed).find()) {
            return true;
        }
        if (WEAK_WORDS.contains(trimmed.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return trimmed.chars().distinct().count() <= 2;
    }
}
