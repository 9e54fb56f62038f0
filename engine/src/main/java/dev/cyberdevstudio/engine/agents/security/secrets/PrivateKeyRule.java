package dev.cyberdevstudio.engine.agents.security.secrets;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.Severity;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.regex.Pattern;

/**
 * A PEM private key block. Code that merely names the header (a PEM parser comparing lines) has no key body under
 * it, so a body of base64 must follow for a finding; the body is masked in every snippet.
 */
public final class PrivateKeyRule extends SecretPatternRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-007", "Private key",
            RuleFamily.SECRETS, Severity.CRITICAL, 321,
            "A private key is written into the repository: whoever copies it can impersonate its owner or decrypt "
                    + "what was sent to it.",
            "Remove it, replace the key pair, and keep keys in a key store or secret manager outside the sources.");

    private static final Pattern PATTERN = Pattern.compile(
            "(-----BEGIN (?:RSA |DSA |EC |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----)");
    /** The key body: base64 over lines (real or escaped {@code \n} in a string), at least a few dozen chars. */
    private static final Pattern BODY = Pattern.compile("\\A(?:\\s|\\\\n|\\\\r|\"\\s*\\+?\\s*\"?)*"
            + "(?:[A-Za-z0-9+/=:-]|\\s|\\\\n){40,}");
    private static final int BODY_LOOKAHEAD = 8_000;

    public PrivateKeyRule() {
        super(DESCRIPTOR, PATTERN, 0);
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        for (var match : file.findInText(PATTERN)) {
            var bodyStart = match.end();
            var window = file.text().substring(bodyStart, Math.min(file.text().length(), bodyStart + BODY_LOOKAHEAD));
            var body = BODY.matcher(window);
            if (!body.find() || body.group().replaceAll("\\\\n|\\s|\"|\\+", "").length() < 40) {
                continue;
            }
            var end = window.indexOf("-----END");
            findings.secret(bodyStart, bodyStart + (end < 0 ? body.end() : end), 0);
            var confidence = file.isExampleOrFixture() ? Confidence.LOW : Confidence.HIGH;
            findings.report(DESCRIPTOR, match.start(1), DESCRIPTOR.description() + " " + DESCRIPTOR.fix(),
                    confidence);
        }
    }
}
