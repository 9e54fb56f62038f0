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
 * MD5, SHA-1 and older digests. Collisions in both are practical, so they must not sign or protect integrity, and
 * no fast hash should store passwords. Near a password, a signature or a token the finding is HIGH; elsewhere (a
 * checksum, a cache key) it is MEDIUM; Python's {@code usedforsecurity=False} declares a non-security use and passes.
 */
public final class WeakHashRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-020", "Weak hash (MD5/SHA-1)",
            RuleFamily.CRYPTO, Severity.MEDIUM, 328,
            "MD5 and SHA-1 are broken for security: collisions can be made, and both are far too fast for "
                    + "passwords.",
            "Use SHA-256 or better for integrity and signatures, and a password hash (Argon2, bcrypt, scrypt, "
                    + "PBKDF2) for passwords; mark a harmless checksum with usedforsecurity=False or a cds-ignore.");

    private static final Map<FileKind, Pattern> CALLS = Map.of(
            FileKind.JAVA, Pattern.compile("MessageDigest\\.getInstance\\s*\\(\\s*\"(?:MD2|MD4|MD5|SHA-?1|SHA)\""
                    + "|DigestUtils\\.(?:md2|md5|sha1|sha)(?:Hex)?\\s*\\(|Hashing\\.(?:md5|sha1)\\s*\\("
                    + "|Signature\\.getInstance\\s*\\(\\s*\"(?:MD2|MD5|SHA1)with|new\\s+(?:MD5Digest"
                    + "|SHA1Digest)\\s*\\("),
            FileKind.PYTHON, Pattern.compile("\\bhashlib\\.(?:md5|sha1|md4)\\s*\\(|\\bhashlib\\.new\\s*\\(\\s*['\"]"
                    + "(?:md5|sha1|md4)['\"]|(?<![\\w.])(?:MD5|SHA1|SHA)\\.new\\s*\\(|\\bhashes\\.(?:MD5|SHA1)\\s*\\("),
            FileKind.JAVASCRIPT, jsCalls(),
            FileKind.TYPESCRIPT, jsCalls(),
            FileKind.GO, Pattern.compile("(?<![\\w.])(?:md5|sha1)\\.(?:New|Sum)\\s*\\("));
    private static final Pattern SECURITY_CONTEXT = Pattern.compile(
            "(?i)passw|pwd|passphrase|signature|\\bsign|token|secret|credential|auth");
    private static final Pattern NOT_FOR_SECURITY = Pattern.compile("usedforsecurity\\s*=\\s*False");

    private static Pattern jsCalls() {
        return Pattern.compile("createHash\\s*\\(\\s*['\"](?:md5|sha1|md4)['\"]|CryptoJS\\.(?:MD5|SHA1)\\s*\\(");
    }

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
        for (var match : file.findInCode(CALLS.get(file.kind()))) {
            var line = file.lineOf(match.start());
            var open = match.group().endsWith("(") ? match.end() - 1 : file.code().indexOf('(', match.start());
            if (open >= 0 && NOT_FOR_SECURITY.matcher(file.arguments(open)).find()) {
                continue;
            }
            var context = Context.around(file, line);
            var sensitive = SECURITY_CONTEXT.matcher(context).find();
            findings.report(DESCRIPTOR, match.start(), (sensitive
                    ? "A broken hash protects a password, signature or token here. "
                    : "A broken hash is used; if this is more than a checksum, replace it. ") + DESCRIPTOR.fix(),
                    sensitive ? Confidence.HIGH : Confidence.MEDIUM, sensitive ? Severity.HIGH : Severity.MEDIUM);
        }
    }
}
