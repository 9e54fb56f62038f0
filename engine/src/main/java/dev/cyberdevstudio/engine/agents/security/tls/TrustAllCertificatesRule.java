package dev.cyberdevstudio.engine.agents.security.tls;

import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Certificate checks replaced by code that trusts everything: an {@code X509TrustManager} whose
 * {@code checkServerTrusted} does nothing, trust strategies that answer true, Netty's insecure factory, Python's
 * unverified SSL context and {@code CERT_NONE}.
 */
public final class TrustAllCertificatesRule extends TlsPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-030", "Trust-all certificate check",
            RuleFamily.TLS, Severity.HIGH, 295,
            "Server certificates are accepted without checking: anyone on the network path can impersonate the "
                    + "server and read or change the traffic.",
            "Keep the platform's certificate validation; to trust a private CA, load it into a trust store "
                    + "instead of disabling the check.");

    public TrustAllCertificatesRule() {
        super(DESCRIPTOR, Map.of(
                FileKind.JAVA, Pattern.compile("\\bvoid\\s+checkServerTrusted\\s*\\([^)]*\\)\\s*(?:throws\\s+[\\w.,"
                        + "\\s]+)?"
                        + "\\{\\s*(?:return\\s*;\\s*)?}|\\bInsecureTrustManagerFactory\\.INSTANCE\\b"
                        + "|\\bTrustAllStrategy\\b"
                        + "|\\bloadTrustMaterial\\s*\\([^;]*->\\s*true"),
                FileKind.PYTHON, Pattern.compile("\\bssl\\._create_unverified_context\\b|\\bverify_mode\\s*=\\s*"
                        + "(?:ssl\\.)?CERT_NONE\\b|\\bcert_reqs\\s*=\\s*(?:ssl\\.)?CERT_NONE\\b")));
    }

    @Override
    String explain(String match) {
        return match.contains("checkServerTrusted")
                ? "checkServerTrusted() returns without checking the chain."
                : match.replaceAll("\\s+", " ") + " trusts every certificate.";
    }
}
