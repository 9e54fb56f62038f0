package dev.cyberdevstudio.engine.agents.security.dependencies;

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
 * Packages fetched over plain HTTP or with TLS checks waived: repository and registry URLs with {@code http://},
 * Gradle's {@code allowInsecureProtocol}, pip's {@code --trusted-host}, dependencies given as {@code http://}
 * archives. Local addresses (localhost, 127.0.0.1) pass.
 */
public final class InsecureRepositoryRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-041",
            "Dependencies fetched over plain HTTP", RuleFamily.DEPENDENCIES, Severity.HIGH, 494,
            "Build dependencies are downloaded without TLS: anyone on the path can swap in code that the build then "
                    + "runs.",
            "Use the https:// address of the repository or registry, and drop trusted-host and insecure-protocol "
                    + "switches.");

    private static final String PACKAGE_COMMANDS = "--(?:index-url|extra-index-url|find-links|registry)[\\s=]+"
            + "(http://[^\\s'\"]+)|--trusted-host\\b()|\\bnpm\\s+config\\s+set\\s+registry\\s+(http://\\S+)";
    private static final Map<FileKind, Pattern> PATTERNS = Map.of(
            FileKind.MAVEN_POM, Pattern.compile("(?s)<(repository|pluginRepository|snapshotRepository|mirror)>"
                    + "(?:(?!</\\1>).)*?<url>\\s*(http://[^<\\s]+)"),
            FileKind.GRADLE, Pattern.compile("\\burl\\s*(?:=|\\()?\\s*(?:uri\\s*\\(\\s*)?['\"](http://[^'\"]+)['\"]"
                    + "|\\ballowInsecureProtocol\\s*(?:=\\s*)?true\\b()"),
            FileKind.NPM_PACKAGE, Pattern.compile("\"((?:git\\+)?http://[^\"]+)\""),
            FileKind.PIP_REQUIREMENTS, Pattern.compile("(?m)^\\s*(?:-i|--index-url|--extra-index-url|-f|--find-links)"
                    + "[\\s=]+(http://\\S+)|^\\s*--trusted-host\\b()|(?m)^[^#\\n]*?(?:@\\s*)?(http://\\S+)"),
            FileKind.PROPERTIES, Pattern.compile("(?m)^\\s*(?:@[\\w-]+:)?(?:registry|index-url|extra-index-url"
                    + "|repository)\\s*[=:]\\s*(http://\\S+)"),
            FileKind.DOCKERFILE, Pattern.compile(PACKAGE_COMMANDS),
            FileKind.SHELL, Pattern.compile(PACKAGE_COMMANDS));
    private static final Pattern LOCAL = Pattern.compile("^http://(?:localhost|127\\.0\\.0\\.1|\\[::1])(?:[:/]|$)");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return PATTERNS.containsKey(kind);
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        var matcher = PATTERNS.get(file.kind()).matcher(file.code());
        while (matcher.find()) {
            int group = lastMatchedGroup(matcher);
            var url = matcher.group(group);
            if (!url.isEmpty() && LOCAL.matcher(url.replaceFirst("^git\\+", "")).find()) {
                continue;
            }
            if (file.kind() == FileKind.NPM_PACKAGE && !isDependencyValue(file, matcher.start(group))) {
                continue;
            }
            var message = url.isEmpty()
                    ? "TLS checks for a package source are waived here. "
                    : "Packages come from " + url + " over plain HTTP. ";
            findings.report(DESCRIPTOR, matcher.start(group), message + DESCRIPTOR.fix(), Confidence.HIGH);
        }
    }

    /** The URL group (or the empty marker of a waiver) that matched: the highest-numbered group that took part. */
    private static int lastMatchedGroup(java.util.regex.Matcher matcher) {
        for (int group = matcher.groupCount(); group >= 1; group--) {
            if (matcher.group(group) != null) {
                return group;
            }
        }
        return 0;
    }

    /** In package.json only dependency values and registries fetch code; a homepage or bugs URL does not. */
    private static boolean isDependencyValue(SourceFile file, int offset) {
        var before = file.text().substring(file.lineStart(file.lineOf(offset)), offset);
        return !before.matches("(?s).*\"(?:homepage|url|email|web|bugs|author|funding|description)\"\\s*:\\s*\"?\\s*$");
    }
}
