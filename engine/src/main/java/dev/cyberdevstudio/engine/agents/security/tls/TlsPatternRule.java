package dev.cyberdevstudio.engine.agents.security.tls;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A TLS check switched off, found by patterns per kind of file. Code is matched outside comments and strings;
 * configuration files, whose values are all text, are matched outside comments only. Import lines never count.
 */
abstract class TlsPatternRule implements SecurityRule {

    private static final Pattern IMPORT = Pattern.compile("^\\s*(?:import|from\\s+\\S+\\s+import)\\b");

    private final RuleDescriptor descriptor;
    private final Map<FileKind, Pattern> patterns;

    TlsPatternRule(RuleDescriptor descriptor, Map<FileKind, Pattern> patterns) {
        this.descriptor = descriptor;
        this.patterns = patterns;
    }

    @Override
    public RuleDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return patterns.containsKey(kind);
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        var pattern = patterns.get(file.kind());
        var matcher = pattern.matcher(file.code());
        while (matcher.find()) {
            var start = matcher.start();
            var inCode = file.kind().isCode() ? file.isCode(start) : !file.isComment(start);
            var line = file.lineOf(start);
            if (!inCode || IMPORT.matcher(file.line(line)).find()) {
                continue;
            }
            findings.report(descriptor, start, explain(matcher.group().strip()) + " " + descriptor.fix(),
                    Confidence.HIGH);
        }
    }

    /** Why this match is a problem, in a sentence. */
    abstract String explain(String match);
}
