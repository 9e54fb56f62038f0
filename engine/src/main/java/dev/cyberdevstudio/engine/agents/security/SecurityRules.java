package dev.cyberdevstudio.engine.agents.security;

import dev.cyberdevstudio.engine.agents.security.crypto.HardcodedIvRule;
import dev.cyberdevstudio.engine.agents.security.crypto.InsecureRandomRule;
import dev.cyberdevstudio.engine.agents.security.crypto.WeakCipherRule;
import dev.cyberdevstudio.engine.agents.security.crypto.WeakHashRule;
import dev.cyberdevstudio.engine.agents.security.dependencies.InsecureRepositoryRule;
import dev.cyberdevstudio.engine.agents.security.dependencies.UnpinnedDependencyRule;
import dev.cyberdevstudio.engine.agents.security.dependencies.VulnerableDependencyRule;
import dev.cyberdevstudio.engine.agents.security.injection.CodeEvalRule;
import dev.cyberdevstudio.engine.agents.security.injection.CommandInjectionRule;
import dev.cyberdevstudio.engine.agents.security.injection.PathTraversalRule;
import dev.cyberdevstudio.engine.agents.security.injection.SqlInjectionRule;
import dev.cyberdevstudio.engine.agents.security.injection.UnsafeDeserializationRule;
import dev.cyberdevstudio.engine.agents.security.injection.XxeRule;
import dev.cyberdevstudio.engine.agents.security.secrets.AwsAccessKeyRule;
import dev.cyberdevstudio.engine.agents.security.secrets.AwsSecretKeyRule;
import dev.cyberdevstudio.engine.agents.security.secrets.GenericSecretRule;
import dev.cyberdevstudio.engine.agents.security.secrets.GitHubTokenRule;
import dev.cyberdevstudio.engine.agents.security.secrets.GoogleApiKeyRule;
import dev.cyberdevstudio.engine.agents.security.secrets.JwtRule;
import dev.cyberdevstudio.engine.agents.security.secrets.PrivateKeyRule;
import dev.cyberdevstudio.engine.agents.security.secrets.SlackTokenRule;
import dev.cyberdevstudio.engine.agents.security.secrets.StripeKeyRule;
import dev.cyberdevstudio.engine.agents.security.tls.HostnameVerificationRule;
import dev.cyberdevstudio.engine.agents.security.tls.TlsVerificationDisabledRule;
import dev.cyberdevstudio.engine.agents.security.tls.TrustAllCertificatesRule;
import java.util.List;
import java.util.Optional;

/** The bundled rules, one instance each (rules keep no state, so these serve every scan). */
public final class SecurityRules {

    private static final List<SecurityRule> ALL = List.of(
            new AwsAccessKeyRule(), new AwsSecretKeyRule(), new GitHubTokenRule(), new SlackTokenRule(),
            new StripeKeyRule(), new GoogleApiKeyRule(), new PrivateKeyRule(), new JwtRule(), new GenericSecretRule(),
            new SqlInjectionRule(), new CommandInjectionRule(), new PathTraversalRule(), new CodeEvalRule(),
            new UnsafeDeserializationRule(), new XxeRule(),
            new WeakHashRule(), new WeakCipherRule(), new InsecureRandomRule(), new HardcodedIvRule(),
            new TrustAllCertificatesRule(), new HostnameVerificationRule(), new TlsVerificationDisabledRule(),
            new VulnerableDependencyRule(), new InsecureRepositoryRule(), new UnpinnedDependencyRule());

    private SecurityRules() {
    }

    /** Every bundled rule, in id order. */
    public static List<SecurityRule> all() {
        return ALL;
    }

    /** The rules of one family. */
    public static List<SecurityRule> of(RuleFamily family) {
        return ALL.stream().filter(rule -> rule.descriptor().family() == family).toList();
    }

    /** The descriptor of a rule by its id. */
    public static Optional<RuleDescriptor> describe(String ruleId) {
        return ALL.stream().map(SecurityRule::descriptor).filter(d -> d.id().equals(ruleId)).findFirst();
    }
}
