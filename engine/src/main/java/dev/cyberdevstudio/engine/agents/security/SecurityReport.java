package dev.cyberdevstudio.engine.agents.security;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a scan found and what it looked at.
 *
 * @param findings     the findings, sorted by file, line and rule
 * @param suppressed   findings silenced by a {@code cds-ignore} or {@code nosec} comment on their line
 * @param skipped      files and folders left out, each with its reason
 * @param filesScanned how many files the rules ran on
 * @param linesScanned how many lines those files have
 * @param bytesScanned how many bytes those files have
 * @param elapsed      how long the scan took
 * @param cancelled    true when the scan stopped early: the lists hold what was done by then
 */
public record SecurityReport(List<Finding> findings, List<Finding> suppressed, List<SkippedFile> skipped,
                             int filesScanned, long linesScanned, long bytesScanned, Duration elapsed,
                             boolean cancelled) {

    public SecurityReport {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Files scanned per second of the scan's wall time. */
    public double filesPerSecond() {
        var seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? filesScanned : filesScanned / seconds;
    }

    /** How many findings there are of each severity (every severity present, zero or not). */
    public Map<Severity, Integer> countBySeverity() {
        var counts = new EnumMap<Severity, Integer>(Severity.class);
        for (var severity : Severity.values()) {
            counts.put(severity, 0);
        }
        findings.forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
        return counts;
    }

    /** A line for a status bar: "12 findings (2 critical, 5 high) in 340 files, 3 skipped". */
    public String summary() {
        var counts = countBySeverity();
        var text = new StringBuilder().append(findings.size()).append(findings.size() == 1 ? " finding" : " findings");
        if (counts.get(Severity.CRITICAL) + counts.get(Severity.HIGH) > 0) {
            text.append(" (").append(counts.get(Severity.CRITICAL)).append(" critical, ")
                    .append(counts.get(Severity.HIGH)).append(" high)");
        }
        text.append(" in ").append(filesScanned).append(filesScanned == 1 ? " file" : " files");
        if (!skipped.isEmpty()) {
            text.append(", ").append(skipped.size()).append(" skipped");
        }
        if (cancelled) {
            text.append(", cancelled");
        }
        return text.toString();
    }
}
