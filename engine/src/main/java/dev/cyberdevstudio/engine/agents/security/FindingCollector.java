package dev.cyberdevstudio.engine.agents.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where rules put what they find in one file. Secret rules also mark where secrets lie, so that no snippet, of any
 * rule, shows one: snippets are cut only once every rule has run. One finding per rule and line is kept.
 */
public final class FindingCollector {

    /** A {@code cds-ignore} or {@code nosec} comment, optionally naming the rules it silences. */
    private static final Pattern SUPPRESSION = Pattern.compile(
            "(?i)\\b(?:cds-ignore|nosec)\\b(?:[:\\s]+((?:CDS-SEC-\\d{3}[,\\s]*)+))?");
    private static final Pattern RULE_ID = Pattern.compile("CDS-SEC-\\d{3}");
    private static final int MAX_SNIPPET = 200;
    private static final String MASK = "********";

    private record Hit(RuleDescriptor rule, int offset, String message, Confidence confidence, Severity severity) {
    }

    private record Secret(int start, int end, int visible) {
    }

    private final SourceFile file;
    private final Map<String, Hit> hits = new LinkedHashMap<>();
    private final List<Secret> secrets = new ArrayList<>();

    FindingCollector(SourceFile file) {
        this.file = file;
    }

    /** Reports a finding at an offset of the file, with the rule's own severity. */
    public void report(RuleDescriptor rule, int offset, String message, Confidence confidence) {
        report(rule, offset, message, confidence, rule.severity());
    }

    /** Reports a finding at an offset of the file with a severity of its own (worse or milder than the rule's). */
    public void report(RuleDescriptor rule, int offset, String message, Confidence confidence, Severity severity) {
        var key = rule.id() + "@" + file.lineOf(offset);
        hits.putIfAbsent(key, new Hit(rule, offset, message, confidence, severity));
    }

    /**
     * Marks {@code [start, end)} as a secret: every snippet shows at most its first {@code visible} chars (a
     * well-known prefix such as {@code AKIA}) and stars for the rest.
     */
    public void secret(int start, int end, int visible) {
        secrets.add(new Secret(start, end, Math.max(0, Math.min(visible, end - start - 4))));
    }

    /** The findings, in file order, split into the kept and the suppressed. */
    Results results() {
        var kept = new ArrayList<Finding>();
        var suppressed = new ArrayList<Finding>();
        hits.values().stream().sorted(Comparator.comparingInt(Hit::offset)).forEach(hit -> {
            var line = file.lineOf(hit.offset());
            var finding = new Finding(hit.rule().id(), hit.rule().title(), hit.severity(), hit.rule().cwe(),
                    file.path(), line, file.columnOf(hit.offset()), snippet(line), hit.message(), hit.confidence());
            (isSuppressed(line, hit.rule().id()) ? suppressed : kept).add(finding);
        });
        return new Results(List.copyOf(kept), List.copyOf(suppressed));
    }

    record Results(List<Finding> kept, List<Finding> suppressed) {
        static final Results EMPTY = new Results(List.of(), List.of());
    }

    private boolean isSuppressed(int line, String ruleId) {
        var matcher = SUPPRESSION.matcher(file.line(line));
        while (matcher.find()) {
            if (matcher.group(1) == null) {
                return true;
            }
            var ids = RULE_ID.matcher(matcher.group(1).toUpperCase(Locale.ROOT));
            while (ids.find()) {
                if (ids.group().equals(ruleId)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String snippet(int line) {
        var start = file.lineStart(line);
        var masked = new StringBuilder(file.line(line));
        // Right to left, so that earlier offsets stay valid while later secrets shrink to their masks.
        secrets.stream().filter(secret -> secret.end() > start && secret.start() < start + masked.length())
                .sorted(Comparator.comparingInt(Secret::start).reversed())
                .forEach(secret -> {
                    int from = Math.max(secret.start(), start) - start;
                    int to = Math.min(secret.end() - start, masked.length());
                    int keep = secret.start() >= start ? secret.visible() : 0;
                    masked.replace(from + keep, to, MASK);
                });
        var trimmed = masked.toString().strip();
        return trimmed.length() <= MAX_SNIPPET ? trimmed : trimmed.substring(0, MAX_SNIPPET - 1) + "…";
    }
}
