package dev.cyberdevstudio.engine.agents.security.crypto;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.Severity;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Broken ciphers (DES, 3DES, RC2, RC4, Blowfish) and ECB mode, which shows patterns of the plain text; Java's bare
 * {@code "AES"} means AES/ECB. RSA's "ECB" in a transformation name is not a block mode and passes.
 */
public final class WeakCipherRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-021", "Weak cipher or ECB mode",
            RuleFamily.CRYPTO, Severity.HIGH, 327,
            "A broken cipher (DES, 3DES, RC4, RC2, Blowfish) or ECB mode is used: the data can be decrypted or its "
                    + "patterns read.",
            "Use an authenticated mode of AES (AES/GCM/NoPadding with a random 12-byte nonce) or ChaCha20-Poly1305.");

    private static final Pattern WEAK_TRANSFORMATION = Pattern.compile(
            "(?i)^(?:des|desede|tripledes|des-ede3?|des3|rc2|rc4|arcfour|blowfish|bf)(?:[/-].*)?$|/ecb/|^aes$"
            + "|-ecb$|^aes-\\d+-ecb$");
    private static final Map<FileKind, Pattern> CALLS = Map.of(
            FileKind.JAVA, Pattern.compile("(?:Cipher|KeyGenerator"
                    + "|SecretKeyFactory)\\.getInstance\\s*\\(\\s*\"([^\"]+)\""),
            FileKind.PYTHON, Pattern.compile("(?<![\\w.])(?:DES|DES3|ARC4|ARC2|Blowfish|XOR)\\.new\\s*\\(()"
                    + "|\\bAES\\.new\\s*\\([^)\\n]*MODE_ECB()|\\bmodes\\.ECB\\s*\\(()"
                    + "|\\balgorithms\\.(?:TripleDES|ARC4|Blowfish|IDEA|CAST5|SEED)\\s*\\(()"),
            FileKind.JAVASCRIPT, jsCalls(),
            FileKind.TYPESCRIPT, jsCalls(),
            FileKind.GO, Pattern.compile("\\b(?:des\\.(?:NewCipher|NewTripleDESCipher)|rc4\\.NewCipher)\\s*\\(()"));

    private static Pattern jsCalls() {
        return Pattern.compile("createCipheriv\\s*\\(\\s*['\"]([^'\"]+)['\"]"
                + "|createDecipheriv\\s*\\(\\s*['\"]([^'\"]+)['\"]"
                + "|\\bcreateCipher\\s*\\(()|CryptoJS\\.(?:DES|TripleDES|RC4|Rabbit)\\.()|CryptoJS\\.mode\\.ECB()");
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
            var transformation = firstGroup(match);
            if (transformation != null && !transformation.isEmpty()) {
                var lower = transformation.toLowerCase(Locale.ROOT);
                if (lower.startsWith("rsa") || !WEAK_TRANSFORMATION.matcher(lower).find()) {
                    continue;
                }
            }
            var what = transformation == null || transformation.isEmpty() ? match.group().replaceAll("[\\s(]", "")
                    : "'" + transformation + "'";
            findings.report(DESCRIPTOR, match.start(), what + " is a broken cipher or mode. " + DESCRIPTOR.fix(),
                    Confidence.HIGH);
        }
    }

    private static String firstGroup(java.util.regex.MatchResult match) {
        for (int group = 1; group <= match.groupCount(); group++) {
            if (match.group(group) != null) {
                return match.group(group);
            }
        }
        return null;
    }
}
