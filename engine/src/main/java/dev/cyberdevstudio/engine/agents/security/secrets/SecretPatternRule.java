package dev.cyberdevstudio.engine.agents.security.secrets;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.regex.Pattern;

/**
 * A secret with a well-known shape (a provider's key prefix and length). It is looked for everywhere, comments
 * included: a key in a comment leaks as surely as one in code. Group 1 of the pattern is the secret itself.
 */
abstract class SecretPatternRule implements SecurityRule {

    private final RuleDescriptor descriptor;
    private final Pattern pattern;
    private final int visiblePrefix;

    SecretPatternRule(RuleDescriptor descriptor, Pattern pattern, int visiblePrefix) {
        this.descriptor = descriptor;
        this.pattern = pattern;
        this.visiblePrefix = visiblePrefix;
    }

    @Override
    public RuleDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return true;
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        for (var match : file.findInText(pattern)) {
            var secret = match.group(1);
            if (Placeholders.isDocumentedExample(secret)) {
                continue;
            }
            findings.secret(match.start(1), match.end(1), visiblePrefix);
            var confidence = file.isExampleOrFixture() ? Confidence.LOW : Confidence.HIGH;
            findings.report(descriptor, match.start(1), message(), confidence);
        }
    }

    private String message() {
        return descriptor.description() + " " + descriptor.fix();
    }
}
