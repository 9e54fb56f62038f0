package dev.cyberdevstudio.engine.agents.security;

/** How bad a finding is, worst first; SARIF maps CRITICAL and HIGH to errors, MEDIUM to warnings, the rest to notes. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is at least as bad as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
