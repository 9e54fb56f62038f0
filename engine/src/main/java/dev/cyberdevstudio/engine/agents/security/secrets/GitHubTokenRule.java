package dev.cyberdevstudio.engine.agents.security.secrets;

import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.util.regex.Pattern;

/** GitHub token. */
public final class GitHubTokenRule extends SecretPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-003", "GitHub token",
            RuleFamily.SECRETS,
            Severity.CRITICAL, 798,
            "A GitHub token is written into the source: anyone who reads it acts as its owner on GitHub.",
            "Revoke it in GitHub's settings now, and pass tokens through the environment or a secret store.");

    private static final Pattern PATTERN = Pattern.compile(
            "(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,255}"
                    + "|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])");

    public GitHubTokenRule() {
        super(DESCRIPTOR, PATTERN, 4);
    }
}
