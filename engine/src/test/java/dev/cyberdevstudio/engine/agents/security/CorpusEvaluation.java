package dev.cyberdevstudio.engine.agents.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Scores the rules against the labelled corpus under {@code security-corpus/}: each expected finding is written in
 * the file itself, as {@code expect: CDS-SEC-010} on its line or {@code expect-next: CDS-SEC-009} on the line
 * above (for formats where a trailing comment would change the value). A file without labels must stay clean.
 * Findings and labels are matched by file, line and rule id.
 */
final class CorpusEvaluation {

    private static final Pattern LABEL = Pattern.compile("expect(-next)?:\\s*((?:CDS-SEC-\\d{3}[,\\s]*)+)");
    private static final Pattern RULE = Pattern.compile("CDS-SEC-\\d{3}");

    record Key(String file, int line, String ruleId) {
        @Override
        public String toString() {
            return file + ":" + line + " " + ruleId;
        }
    }

    /** True and false positives and false negatives of one family, or of all. */
    record Score(int truePositives, int falsePositives, int falseNegatives) {

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        Score plus(Score other) {
            return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }
    }

    record Result(SecurityReport report, Set<Key> expected, Set<Key> found, Map<RuleFamily, Score> byFamily,
                  Score overall, List<Key> falsePositives, List<Key> falseNegatives, int labelledFiles,
                  int cleanFiles) {

        String table() {
            var text = new StringBuilder(String.format(Locale.ROOT, "%-24s %5s %5s %5s %9s %7s%n",
                    "family", "TP", "FP", "FN", "precision", "recall"));
            byFamily.forEach((family, score) -> text.append(row(family.displayName(), score)));
            text.append(row("overall", overall));
            return text.toString();
        }

        private static String row(String name, Score score) {
            return String.format(Locale.ROOT, "%-24s %5d %5d %5d %9.3f %7.3f%n", name, score.truePositives(),
                    score.falsePositives(), score.falseNegatives(), score.precision(), score.recall());
        }
    }

    private CorpusEvaluation() {
    }

    /** The corpus folder, from the test class path. */
    static Path corpus() {
        try {
            return Path.of(CorpusEvaluation.class.getResource("/security-corpus").toURI());
        } catch (URISyntaxException error) {
            throw new IllegalStateException(error);
        }
    }

    static Result evaluate(SecurityScanner scanner, Path corpus) {
        var report = scanner.scan(corpus);
        var expected = labels(corpus);
        var found = new HashSet<Key>();
        report.findings().forEach(f -> found.add(new Key(f.file(), f.line(), f.ruleId())));
        var byFamily = new EnumMap<RuleFamily, Score>(RuleFamily.class);
        for (var family : RuleFamily.values()) {
            byFamily.put(family, new Score(0, 0, 0));
        }
        var falsePositives = new ArrayList<Key>();
        var falseNegatives = new ArrayList<Key>();
        for (var key : found) {
            var tp = expected.contains(key);
            byFamily.merge(family(key), new Score(tp ? 1 : 0, tp ? 0 : 1, 0), Score::plus);
            if (!tp) {
                falsePositives.add(key);
            }
        }
        for (var key : expected) {
            if (!found.contains(key)) {
                byFamily.merge(family(key), new Score(0, 0, 1), Score::plus);
                falseNegatives.add(key);
            }
        }
        var overall = byFamily.values().stream().reduce(new Score(0, 0, 0), Score::plus);
        var labelledFiles = (int) expected.stream().map(Key::file).distinct().count();
        return new Result(report, expected, found, byFamily, overall, sorted(falsePositives),
                sorted(falseNegatives), labelledFiles, report.filesScanned() - labelledFiles);
    }

    private static List<Key> sorted(List<Key> keys) {
        return new ArrayList<>(new TreeSet<>(keys.stream().map(Key::toString).toList())).stream()
                .map(text -> keys.stream().filter(k -> k.toString().equals(text)).findFirst().orElseThrow()).toList();
    }

    private static RuleFamily family(Key key) {
        return SecurityRules.describe(key.ruleId()).orElseThrow(() -> new IllegalStateException(
                "Unknown rule " + key.ruleId() + " at " + key)).family();
    }

    static Set<Key> labels(Path corpus) {
        var labels = new HashSet<Key>();
        try (var files = Files.walk(corpus)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var relative = corpus.relativize(file).toString().replace('\\', '/');
                var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    var label = LABEL.matcher(lines.get(i));
                    if (label.find()) {
                        var line = label.group(1) == null ? i + 1 : i + 2;
                        var rules = RULE.matcher(label.group(2));
                        while (rules.find()) {
                            labels.add(new Key(relative, line, rules.group()));
                        }
                    }
                }
            }
        } catch (IOException error) {
            throw new UncheckedIOException(error);
        }
        return labels;
    }
}
