package dev.cyberdevstudio.engine.agents.security;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule looks for, as a report and SARIF describe it.
 *
 * @param id          stable id such as {@code CDS-SEC-010}
 * @param title       short name, e.g. "SQL built from input"
 * @param family      the group the rule belongs to
 * @param severity    the severity of its findings unless a finding says otherwise
 * @param cwe         the CWE number (89 for CWE-89)
 * @param description what is wrong and why it matters
 * @param fix         how to fix it
 */
public record RuleDescriptor(String id, String title, RuleFamily family, Severity severity, int cwe,
                             String description, String fix) {

    private static final Pattern ID = Pattern.compile("CDS-SEC-\\d{3}");

    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A rule id looks like CDS-SEC-001, got " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fix, "fix");
        if (cwe <= 0) {
            throw new IllegalArgumentException("Rule " + id + " needs a CWE number, got " + cwe);
        }
    }

    /** "CWE-89". */
    public String cweTag() {
        return "CWE-" + cwe;
    }
}
