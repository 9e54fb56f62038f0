package dev.cyberdevstudio.engine.agents.security.dependencies;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.Severity;
import dev.cyberdevstudio.engine.agents.security.SourceFile;

/**
 * A dependency whose version is not pinned: {@code *}, {@code latest}, Maven's {@code LATEST}/{@code RELEASE},
 * Gradle's {@code +}, a requirement with no version (MEDIUM), or a lower bound with no upper one (LOW). The next
 * build may pull anything, including a hijacked release.
 */
public final class UnpinnedDependencyRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-042", "Unpinned dependency version",
            RuleFamily.DEPENDENCIES, Severity.MEDIUM, 829,
            "A dependency version is left open: each build may fetch a different release, including a compromised "
                    + "or breaking one.",
            "Pin an exact version (or a bounded range with a lock file) and upgrade on purpose.");

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
            switch (dependency.pinning()) {
                case ANY -> findings.report(DESCRIPTOR, dependency.offset(), dependency.name() + " takes any version"
                        + (dependency.spec().isEmpty() ? "" : " ('" + dependency.spec() + "')") + ". "
                        + DESCRIPTOR.fix(), Confidence.HIGH);
                case OPEN -> findings.report(DESCRIPTOR, dependency.offset(), dependency.name() + " has only a lower "
                        + "bound ('" + dependency.spec() + "'). " + DESCRIPTOR.fix(), Confidence.MEDIUM, Severity.LOW);
                default -> { }
            }
        }
    }
}
