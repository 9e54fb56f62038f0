package dev.cyberdevstudio.engine.agents.security;

/** The groups rules belong to; precision and recall are measured per family. */
public enum RuleFamily {
    SECRETS("Hard-coded secrets"),
    INJECTION("Injection-prone calls"),
    CRYPTO("Weak cryptography"),
    TLS("Disabled TLS checks"),
    DEPENDENCIES("Risky dependencies");

    private final String displayName;

    RuleFamily(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
