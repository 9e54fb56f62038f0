package dev.cyberdevstudio.engine.agents.security.secrets;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.Severity;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A password, secret, token or key assigned a literal that looks random (high Shannon entropy), and passwords in
 * connection URLs. Names alone are weak evidence, so the value must pass: no placeholders ({@code changeme},
 * {@code ${DB_PASSWORD}}, {@code <your-token>}), no references to the environment, no spaces, no known formats (those
 * have rules of their own), and enough entropy. Examples, templates and fixtures are left alone.
 */
public final class GenericSecretRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-009", "Hard-coded credential",
            RuleFamily.SECRETS, Severity.HIGH, 798,
            "A credential is written into the source: everyone with the code, its history or a build has it.",
            "Move it to the environment or a secret store, read it at run time, and rotate the old value.");

    private static final String NAME = "([A-Za-z0-9_.-]*(?:password|passwd|pwd|passphrase|secret|token|api[_.-]?key"
            + "|apikey|access[_.-]?key|auth[_.-]?key|private[_.-]?key|client[_.-]?secret|credentials?)[A-Za-z0-9_.-]*)";
    private static final Pattern QUOTED = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_.-])" + NAME + "[\"']?\\s*(?::=|=>|=|:)\\s*(?:[rbu]?)([\"'`])(?-i)([^\"'`\\n]{4,200})\\2");
    private static final Pattern UNQUOTED = Pattern.compile(
            "(?im)^\\s*(?:export\\s+|ENV\\s+|ARG\\s+|-\\s+)?" + NAME + "\\s*(?:="
                    + "|:)[ \\t]*([^\\s\"'#][^\\s\"']{3,199})[ \\t]*(?:#.*)?$");
    private static final Pattern XML_ELEMENT = Pattern.compile(
            "(?i)<" + NAME + ">([^<\\s]{4,200})</\\1>");
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "\\b[a-z][a-z0-9+.-]*://[^:/\\s@\"']+:([^@/\\s\"']{3,})@[^\\s/\"']+");
    private static final Pattern NOT_A_SECRET_NAME = Pattern.compile(
            "(?i).*(url|uri|file|path|name|type|field|label|length|len|size|regex|pattern|prompt|header|param|id"
            + "|endpoint|hint|policy|format|message|mode|expiry|expires|ttl|timeout|min|max|count|env|var|ref"
            + "|location|provider|algorithm|algo|enabled|required|placeholder|template|class|storage|dir|prefix"
            + "|validator|question|reset|confirm|hash|store|manager|service|strategy|method)$");
    private static final Pattern KNOWN_FORMATS = Pattern.compile(
            "AKIA|ASIA|gh[pousr]_|github_pat_|xox[baprs]-|sk_live_|rk_live_|AIza|-----BEGIN|eyJ|hooks\\.slack\\.com");
    /** An AWS secret access key has its own rule (CDS-SEC-002); one finding per secret is enough. */
    private static final Pattern AWS_SECRET = Pattern.compile("(?i).*secret_?access_?key.*|aws.*secret.*");
    private static final Pattern NAME_WORDS = Pattern.compile("pass|pwd|secret|token|key|credential");
    private static final Pattern PASSWORD_NAME = Pattern.compile("(?i).*(password|passwd|pwd|passphrase).*");
    private static final double PASSWORD_ENTROPY = 2.8;
    private static final double TOKEN_ENTROPY = 3.3;
    private static final int PASSWORD_LENGTH = 8;
    private static final int TOKEN_LENGTH = 12;

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return kind != FileKind.OTHER_TEXT;
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        if (file.isExampleOrFixture()) {
            return;
        }
        var lower = file.text().toLowerCase(Locale.ROOT);
        if (file.text().contains("://") && file.text().contains("@")) {
            urlPasswords(file, findings);
        }
        // A file that names no credential word at all skips the patterns, which cost far more than this search.
        if (!NAME_WORDS.matcher(lower).find()) {
            return;
        }
        for (var match : file.findInText(QUOTED)) {
            consider(file, findings, match.group(1), match.group(3), match.start(3));
        }
        if (file.kind().isConfig() || file.kind() == FileKind.SHELL) {
            for (var match : file.findInText(UNQUOTED)) {
                consider(file, findings, match.group(1), match.group(2), match.start(2));
            }
        }
        if (file.kind() == FileKind.XML || file.kind() == FileKind.MAVEN_POM) {
            for (var match : file.findInText(XML_ELEMENT)) {
                consider(file, findings, match.group(1), match.group(2), match.start(2));
            }
        }
    }

    private void urlPasswords(SourceFile file, FindingCollector findings) {
        for (var match : file.findInText(URL_PASSWORD)) {
            var password = match.group(1);
            if (!Placeholders.isPlaceholder(password) && !password.startsWith("$")) {
                findings.secret(match.start(1), match.end(1), 0);
                findings.report(DESCRIPTOR, match.start(1), "A password is written into a connection URL. "
                        + DESCRIPTOR.fix(), Confidence.HIGH);
            }
        }
    }

    private void consider(SourceFile file, FindingCollector findings, String name, String value, int offset) {
        var lowerName = name.toLowerCase(Locale.ROOT);
        if (NOT_A_SECRET_NAME.matcher(lowerName).matches() || value.contains(" ")
                || Placeholders.isPlaceholder(value) || KNOWN_FORMATS.matcher(value).find()
                || value.startsWith("http://") || value.startsWith("https://")
                || AWS_SECRET.matcher(lowerName).matches() && value.matches("[A-Za-z0-9/+]{40}")) {
            return;
        }
        var password = PASSWORD_NAME.matcher(lowerName).matches();
        var entropy = Entropy.of(value);
        var enough = password
                ? value.length() >= PASSWORD_LENGTH && entropy >= PASSWORD_ENTROPY
                : value.length() >= TOKEN_LENGTH && entropy >= TOKEN_ENTROPY;
        if (!enough) {
            return;
        }
        findings.secret(offset, offset + value.length(), 0);
        var what = password ? "A password" : "A secret";
        findings.report(DESCRIPTOR, offset, String.format(Locale.ROOT,
                "%s is assigned to '%s' as a literal (%d chars, %.1f bits of entropy per char). %s",
                what, name, value.length(), entropy, DESCRIPTOR.fix()),
                entropy >= TOKEN_ENTROPY + 0.5 ? Confidence.HIGH : Confidence.MEDIUM);
    }
}
