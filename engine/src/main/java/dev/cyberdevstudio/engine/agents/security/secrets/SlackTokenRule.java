package dev.cyberdevstudio.engine.agents.security.secrets;

import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.util.regex.Pattern;

/** Slack token or webhook. */
public final class SlackTokenRule extends SecretPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-004", "Slack token or webhook",
            RuleFamily.SECRETS,
            Severity.HIGH, 798,
            "A Slack token or incoming-webhook URL is written into the source: it lets anyone post as the app.",
            "Revoke it in the Slack app settings and load it from the environment or a secret store.");

    private static final Pattern PATTERN = Pattern.compile(
            "(?<![A-Za-z0-9-])(xox[baprs]-[A-Za-z0-9]{10,13}-[A-Za-z0-9-]{10,}"
                    + "|https://hooks\\.slack\\.com/services/T[A-Z0-9]{8,}/B[A-Z0-9]{8,}/[A-Za-z0-9]{24})");

    public SlackTokenRule() {
        super(DESCRIPTOR, PATTERN, 5);
    }
}
