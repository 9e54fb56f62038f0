package dev.cyberdevstudio.engine.agents.security.secrets;

import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.util.regex.Pattern;

/** JSON Web Token. */
public final class JwtRule extends SecretPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-008", "JSON Web Token",
            RuleFamily.SECRETS,
            Severity.MEDIUM, 798,
            "A signed JSON Web Token is written into the source: until it expires it authenticates whoever holds it.",
            "Remove it, invalidate the session or rotate the signing key, and fetch tokens at run time.");

    private static final Pattern PATTERN = Pattern.compile(
            "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])");

    public JwtRule() {
        super(DESCRIPTOR, PATTERN, 3);
    }
}
