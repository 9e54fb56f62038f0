package dev.cyberdevstudio.engine.agents.security;

/**
 * One deterministic check. A rule looks at one file at a time and reports through the collector; it keeps no state
 * between files, so one instance serves every scan, on any thread.
 */
public interface SecurityRule {

    RuleDescriptor descriptor();

    /** Whether the rule has anything to say about files of this kind; the scanner skips it otherwise. */
    boolean appliesTo(FileKind kind);

    void check(SourceFile file, FindingCollector findings);
}
