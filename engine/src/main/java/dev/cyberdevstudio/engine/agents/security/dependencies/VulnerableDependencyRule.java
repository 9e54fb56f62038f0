package dev.cyberdevstudio.engine.agents.security.dependencies;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.Severity;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * A declared dependency version that a bundled advisory covers. Exact versions give HIGH confidence; for a range
 * ({@code ^4.17.15}, {@code >=5.1}) its lowest admitted version is checked, with MEDIUM confidence, since a lock
 * file may hold a fixed one.
 */
public final class VulnerableDependencyRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-040",
            "Dependency with a known vulnerability", RuleFamily.DEPENDENCIES, Severity.HIGH, 1395,
            "A declared dependency version has a published vulnerability.",
            "Upgrade to a fixed version (at least the one named) and rebuild; check the lock file too.");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return kind.isManifest();
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        for (var dependency : Manifests.of(file)) {
            var version = dependency.lowestVersion();
            if (version.isEmpty()) {
                continue;
            }
            var advisories = Advisories.affecting(dependency.ecosystem(), dependency.name(), version.get());
            if (advisories.isEmpty()) {
                continue;
            }
            var worst = advisories.stream().map(Advisories.Advisory::severity)
                    .min(Comparator.naturalOrder()).orElseThrow();
            var fixedIn = advisories.stream()
                    .map(advisory -> advisory.affected(version.get()).orElseThrow().fixed())
                    .filter(fixed -> fixed != null).max(Versions::compare);
            var ids = advisories.stream().map(advisory -> advisory.id() + " (" + advisory.summary() + ")")
                    .collect(Collectors.joining("; "));
            var exact = dependency.pinning() == Manifests.Pinning.EXACT;
            var message = dependency.name() + " " + (exact ? version.get() : dependency.spec() + " (from "
                    + version.get() + ")") + " is affected by " + ids + ". "
                    + fixedIn.map(fixed -> "Upgrade to " + fixed + " or later.")
                    .orElse("No fixed release exists on this line: move to a maintained successor.");
            findings.report(DESCRIPTOR, dependency.offset(), message, exact ? Confidence.HIGH : Confidence.MEDIUM,
                    worst);
        }
    }
}
