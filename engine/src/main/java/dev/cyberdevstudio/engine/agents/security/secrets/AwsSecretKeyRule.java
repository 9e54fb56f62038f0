package dev.cyberdevstudio.engine.agents.security.secrets;

import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.util.regex.Pattern;

/**
 * An AWS secret access key: 40 base64 chars, which alone look like any hash, so only when a name says what it is
 * ({@code aws_secret_access_key = ...}, {@code "SecretAccessKey": ...}).
 */
public final class AwsSecretKeyRule extends SecretPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-002", "AWS secret access key",
            RuleFamily.SECRETS, Severity.CRITICAL, 798,
            "An AWS secret access key is written into the source: with its key id it opens the AWS account.",
            "Deactivate the key in IAM now, and load credentials from the environment, a profile or a role.");

    private static final Pattern PATTERN = Pattern.compile(
            "(?i)(?:aws_?)?secret_?(?:access_?)?key[\"']?\\s*(?::=|=>|=|:)\\s*[\"']?"
            + "(?-i)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");

    public AwsSecretKeyRule() {
        super(DESCRIPTOR, PATTERN, 0);
    }
}
