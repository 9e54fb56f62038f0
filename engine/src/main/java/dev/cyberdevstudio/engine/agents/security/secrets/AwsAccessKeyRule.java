package dev.cyberdevstudio.engine.agents.security.secrets;

import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.util.regex.Pattern;

/** AWS access key id. */
public final class AwsAccessKeyRule extends SecretPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-001", "AWS access key id",
            RuleFamily.SECRETS,
            Severity.HIGH, 798,
            "An AWS access key id is written into the source; with its secret key it opens the AWS account.",
            "Remove it, deactivate the key in IAM, and load credentials from the environment, a profile or a role.");

    private static final Pattern PATTERN = Pattern.compile(
            "(?<![A-Z0-9])((?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Z0-9])");

    public AwsAccessKeyRule() {
        super(DESCRIPTOR, PATTERN, 4);
    }
}
