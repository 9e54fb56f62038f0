package dev.cyberdevstudio.engine.agents.security.crypto;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.Severity;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A predictable random generator ({@code java.util.Random}, {@code Math.random}, Python's {@code random}, Go's
 * {@code math/rand}) making a token, password, salt, nonce, key or session id. Random numbers for games, jitter
 * and sampling are fine, so the line or its function's name must say it is making a secret.
 */
public final class InsecureRandomRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-022", "Predictable random for a secret",
            RuleFamily.CRYPTO, Severity.MEDIUM, 330,
            "A predictable random generator makes a security value: its output can be guessed from a few samples "
                    + "or the seed.",
            "Use a cryptographic generator: SecureRandom, Python's secrets module, crypto.randomBytes/"
                    + "crypto.randomUUID, Go's crypto/rand.");

    private static final Map<FileKind, Pattern> CALLS = Map.of(
            FileKind.JAVA, Pattern.compile("\\bnew\\s+Random\\s*\\(|\\bMath\\.random\\s*\\("
                    + "|\\bThreadLocalRandom\\.current"
                    + "\\s*\\(|\\bRandomStringUtils\\.random\\w*\\s*\\("),
            FileKind.PYTHON, Pattern.compile("(?<![\\w.])random\\.(?:random|randint|randrange|choice|choices|sample"
                    + "|getrandbits|shuffle|uniform|randbytes)\\s*\\("),
            FileKind.JAVASCRIPT, Pattern.compile("\\bMath\\.random\\s*\\("),
            FileKind.TYPESCRIPT, Pattern.compile("\\bMath\\.random\\s*\\("),
            FileKind.GO, Pattern.compile("(?<![\\w.])rand\\.(?:Int|Intn|Int31|Int63|Int31n|Int63n|Uint32|Uint64|Float64"
                    + "|Read|Perm|Shuffle)\\s*\\("));
    private static final Pattern SECRET_PURPOSE = Pattern.compile(
            "(?i)token|passw(?:or)?d|pwd|secret|salt|nonce|otp|session_?id|sessionid|csrf|xsrf|api_?key|apikey"
            + "|reset_?code|verification_?code|auth_?code|activation|\\biv\\b|private_?key|crypto_?key|secret_?key");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return CALLS.containsKey(kind);
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        if (file.kind() == FileKind.GO && !file.text().contains("\"math/rand")) {
            return;
        }
        for (var match : file.findInCode(CALLS.get(file.kind()))) {
            if (SECRET_PURPOSE.matcher(Context.around(file, file.lineOf(match.start()))).find()) {
                findings.report(DESCRIPTOR, match.start(), "A predictable generator makes what looks like a secret "
                        + "value here. " + DESCRIPTOR.fix(), Confidence.MEDIUM);
            }
        }
    }
}
