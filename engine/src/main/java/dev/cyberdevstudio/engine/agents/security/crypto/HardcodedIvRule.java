package dev.cyberdevstudio.engine.agents.security.crypto;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.Expressions;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.Severity;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An initialization vector or nonce that never changes: a literal, a zero-filled buffer, or a variable assigned one
 * and never filled from a random source. The same IV with the same key leaks the plain text (and breaks GCM).
 */
public final class HardcodedIvRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-023", "Hard-coded IV or nonce",
            RuleFamily.CRYPTO, Severity.MEDIUM, 329,
            "The initialization vector is a constant: equal plain texts encrypt to equal cipher texts, and a reused "
                    + "GCM nonce reveals the key stream.",
            "Make a fresh random IV for every message (SecureRandom.nextBytes, os.urandom, crypto.randomBytes, "
                    + "crypto/rand) and send it along with the cipher text.");

    /** The call, and which argument (0-based) is the IV. */
    private record Sink(Pattern call, int argument) {
    }

    private static final Map<FileKind, Sink[]> SINKS = Map.of(
            FileKind.JAVA, new Sink[] {new Sink(Pattern.compile("new\\s+IvParameterSpec\\s*\\("), 0),
                new Sink(Pattern.compile("new\\s+GCMParameterSpec\\s*\\("), 1)},
            FileKind.PYTHON, new Sink[] {new Sink(Pattern.compile("\\bmodes\\.(?:CBC|CFB|OFB|CTR|GCM)\\s*\\("), 0),
                new Sink(Pattern.compile("\\bAES\\.new\\s*\\("), 2)},
            FileKind.JAVASCRIPT, jsSinks(),
            FileKind.TYPESCRIPT, jsSinks(),
            FileKind.GO, new Sink[] {new Sink(Pattern.compile(
                    "\\bcipher\\.(?:NewCBCEncrypter|NewCBCDecrypter|NewCFBEncrypter|NewCFBDecrypter|NewCTR"
                            + "|NewOFB)\\s*\\("),
                    1)});
    private static final Pattern CONSTANT_BYTES = Pattern.compile(
            "^\\s*(?:b?[\"'][^\"']*[\"'](?:\\s*\\*\\s*\\d+)?|\\[\\]byte\\s*\\(\\s*\"[^\"]*\"\\s*\\)"
                    + "|\\[\\]byte\\s*\\{[^}]*}"
            + "|new\\s+byte\\s*\\[\\s*]\\s*\\{[^}]*}|new\\s+byte\\s*\\[\\s*\\w+\\s*]"
            + "|\"[^\"]*\"\\s*\\.getBytes\\s*\\([^)]*\\)"
            + "|Buffer\\.(?:from|alloc)\\s*\\(\\s*(?:['\"][^'\"]*['\"]|\\d+)[^)]*\\)|bytes\\s*\\(\\s*\\d+\\s*\\)"
            + "|bytearray\\s*\\(\\s*\\d+\\s*\\)|make\\s*\\(\\s*\\[\\]byte\\s*,\\s*\\w+\\s*\\)"
            + "|new\\s+Uint8Array\\s*\\(\\s*\\d+\\s*\\))\\s*;?\\s*$");
    private static final Pattern IV_KEYWORD = Pattern.compile("\\biv\\s*=\\s*|\\bnonce\\s*=\\s*");

    private static Sink[] jsSinks() {
        return new Sink[] {new Sink(Pattern.compile("\\bcreate(?:Cipher|Decipher)iv\\s*\\("), 2)};
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return SINKS.containsKey(kind);
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        Expressions.Assignments assignments = null;
        for (var sink : SINKS.get(file.kind())) {
            for (var match : file.findInCode(sink.call())) {
                var arguments = Expressions.arguments(file, match.end() - 1);
                var iv = ivArgument(file, arguments, sink.argument());
                if (iv.isEmpty()) {
                    continue;
                }
                var text = iv.get();
                if (assignments == null) {
                    assignments = Expressions.assignments(file);
                }
                var why = constantReason(file, assignments, text, file.lineOf(match.start()));
                why.ifPresent(reason -> findings.report(DESCRIPTOR, match.start(), reason + " " + DESCRIPTOR.fix(),
                        Confidence.HIGH));
            }
        }
    }

    private static Optional<String> ivArgument(SourceFile file, java.util.List<int[]> arguments, int index) {
        for (var argument : arguments) {
            var text = file.text().substring(argument[0], argument[1]);
            var keyword = IV_KEYWORD.matcher(text);
            if (keyword.find()) {
                return Optional.of(text.substring(keyword.end()));
            }
        }
        if (arguments.size() <= index) {
            return Optional.empty();
        }
        var argument = arguments.get(index);
        return Optional.of(file.text().substring(argument[0], argument[1]));
    }

    private static Optional<String> constantReason(SourceFile file, Expressions.Assignments assignments, String iv,
                                                   int line) {
        if (CONSTANT_BYTES.matcher(iv).matches()) {
            return Optional.of("The IV is a constant written in the call.");
        }
        var variable = Expressions.identifier(iv);
        if (variable.isEmpty()) {
            return Optional.empty();
        }
        var assigned = assignments.latestBefore(variable.get(), line + 1);
        if (assigned.isEmpty()) {
            return Optional.empty();
        }
        var value = file.text().substring(assigned.get().valueStart(), assigned.get().valueEnd());
        var filled = Pattern.compile("(?:nextBytes|rand\\.Read|ReadFull|randomFill|randomFillSync|getRandomValues"
                + "|readinto)\\s*\\([^)]*\\b" + Pattern.quote(variable.get()) + "\\b").matcher(file.code()).find();
        if (CONSTANT_BYTES.matcher(value).matches() && !filled) {
            return Optional.of("'" + variable.get() + "' is set to a constant on line " + assigned.get().line()
                    + " and used as the IV.");
        }
        return Optional.empty();
    }
}
