package dev.cyberdevstudio.engine.agents.security.secrets;

import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.util.regex.Pattern;

/** Google API key. */
public final class GoogleApiKeyRule extends SecretPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-006", "Google API key",
            RuleFamily.SECRETS,
            Severity.HIGH, 798,
            "A Google API key is written into the source: its quota and billing are open to whoever copies it.",
            "Delete or restrict the key in the Google Cloud console and load it from the environment.");

    private static final Pattern PATTERN = Pattern.compile(
            "(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])");

    public GoogleApiKeyRule() {
        super(DESCRIPTOR, PATTERN, 4);
    }
}
