package dev.cyberdevstudio.engine.agents.security.tls;

import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Host name checks switched off: a {@code HostnameVerifier} that returns true, Apache's no-op and allow-all
 * verifiers, Python's {@code check_hostname = False}, Node's {@code checkServerIdentity} that returns nothing.
 */
public final class HostnameVerificationRule extends TlsPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-031", "Host name check disabled",
            RuleFamily.TLS, Severity.HIGH, 297,
            "The server's certificate is not matched against the host name: any valid certificate, for any site, "
                    + "is accepted.",
            "Remove the custom verifier and keep the default host name verification.");

    public HostnameVerificationRule() {
        super(DESCRIPTOR, Map.of(
                FileKind.JAVA, Pattern.compile("(?i:hostnameVerifier)\\s*\\(\\s*\\(?[^()]*\\)?\\s*->\\s*true"
                        + "|\\bboolean\\s+verify\\s*\\(\\s*(?:final\\s+)?String\\s+\\w+\\s*,"
                        + "\\s*(?:final\\s+)?SSLSession\\s+\\w+\\s*\\)"
                        + "\\s*\\{\\s*return\\s+true\\s*;\\s*}|\\bNoopHostnameVerifier\\b"
                        + "|\\bALLOW_ALL_HOSTNAME_VERIFIER\\b"
                        + "|\\bAllowAllHostnameVerifier\\b"),
                FileKind.PYTHON, Pattern.compile("\\bcheck_hostname\\s*=\\s*False\\b"),
                FileKind.JAVASCRIPT, jsPattern(),
                FileKind.TYPESCRIPT, jsPattern()));
    }

    private static Pattern jsPattern() {
        return Pattern.compile("\\bcheckServerIdentity\\s*:\\s*(?:\\([^)]*\\)|\\w+)\\s*=>\\s*(?:undefined|null|true"
                + "|\\{\\s*})"
                + "|\\bcheckServerIdentity\\s*:\\s*function\\s*\\([^)]*\\)\\s*\\{\\s*(?:return\\s*(?:undefined"
                + "|null)?\\s*;?)?\\s*}");
    }

    @Override
    String explain(String match) {
        return "The host name check is switched off (" + match.replaceAll("\\s+", " ") + ").";
    }
}
