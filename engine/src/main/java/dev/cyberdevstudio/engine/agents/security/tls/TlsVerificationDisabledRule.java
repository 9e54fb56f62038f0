package dev.cyberdevstudio.engine.agents.security.tls;

import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The switches that turn certificate verification off: {@code verify=False} in Python HTTP clients,
 * {@code rejectUnauthorized: false} and {@code NODE_TLS_REJECT_UNAUTHORIZED=0} in Node, Go's
 * {@code InsecureSkipVerify: true}, {@code curl -k}, {@code wget --no-check-certificate}, git's
 * {@code http.sslVerify false}, and the same settings in configuration files and Dockerfiles.
 */
public final class TlsVerificationDisabledRule extends TlsPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-032", "TLS verification disabled",
            RuleFamily.TLS, Severity.HIGH, 295,
            "Certificate verification is switched off: the connection is encrypted to whoever answers, including "
                    + "an attacker in the middle.",
            "Leave verification on; point the client at the right CA bundle (REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS, "
                    + "a RootCAs pool) when a private CA is the reason.");

    private static final String ENVIRONMENT = "\\bNODE_TLS_REJECT_UNAUTHORIZED\\s*[=:]\\s*['\"]?0\\b"
            + "|\\bPYTHONHTTPSVERIFY\\s*[=:]\\s*['\"]?0\\b|\\bGIT_SSL_NO_VERIFY\\s*[=:]\\s*['\"]?(?:1|true)\\b";
    private static final String COMMANDS = "\\bcurl\\b[^\\n]*?\\s(?:-[a-zA-Z]*k[a-zA-Z]*|--insecure)\\b"
            + "|\\bwget\\b[^\\n]*?--no-check-certificate\\b|\\bgit\\s+config\\b[^\\n]*?http\\.sslVerify\\s+false\\b"
            + "|\\bnpm\\s+config\\s+set\\s+strict-ssl\\s+false\\b";
    private static final String SETTINGS = "(?i:\\binsecure_?skip_?verify\\b\\s*[:=]\\s*['\"]?true\\b"
            + "|\\b(?:verify_?ssl|ssl_?verify|tls_?verify|strict-ssl)\\b\\s*[:=]\\s*['\"]?false\\b)";

    public TlsVerificationDisabledRule() {
        super(DESCRIPTOR, patterns());
    }

    private static Map<FileKind, Pattern> patterns() {
        var patterns = new HashMap<FileKind, Pattern>();
        patterns.put(FileKind.PYTHON, Pattern.compile("\\bverify\\s*=\\s*False\\b|\\.verify\\s*=\\s*False\\b"
                + "|" + "\\benviron\\[\\s*['\"]PYTHONHTTPSVERIFY['\"]\\s*]\\s*=\\s*['\"]0"));
        var js = Pattern.compile("\\brejectUnauthorized\\s*:\\s*false\\b|\\bstrictSSL\\s*:\\s*false\\b"
                + "|\\bNODE_TLS_REJECT_UNAUTHORIZED\\b\\s*=\\s*['\"]?0");
        patterns.put(FileKind.JAVASCRIPT, js);
        patterns.put(FileKind.TYPESCRIPT, js);
        patterns.put(FileKind.GO, Pattern.compile("\\bInsecureSkipVerify\\s*[:=]\\s*true\\b"));
        patterns.put(FileKind.SHELL, Pattern.compile(ENVIRONMENT + "|" + COMMANDS));
        var config = Pattern.compile(ENVIRONMENT + "|" + COMMANDS + "|" + SETTINGS);
        for (var kind : new FileKind[] {FileKind.DOCKERFILE, FileKind.DOTENV, FileKind.YAML, FileKind.PROPERTIES}) {
            patterns.put(kind, config);
        }
        return Map.copyOf(patterns);
    }

    @Override
    String explain(String match) {
        return "Certificate verification is switched off (" + match.replaceAll("\\s+", " ") + ").";
    }
}
