package dev.cyberdevstudio.engine.agents.security.secrets;

import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.util.regex.Pattern;

/** Stripe live secret key. */
public final class StripeKeyRule extends SecretPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-005", "Stripe live secret key",
            RuleFamily.SECRETS,
            Severity.CRITICAL, 798,
            "A Stripe live secret key is written into the source: it can move real money.",
            "Roll the key in the Stripe dashboard and load it from the environment or a secret store.");

    private static final Pattern PATTERN = Pattern.compile(
            "(?<![A-Za-z0-9_])((?:sk|rk)_live_[A-Za-z0-9]{24,99})(?![A-Za-z0-9_])");

    public StripeKeyRule() {
        super(DESCRIPTOR, PATTERN, 8);
    }
}
