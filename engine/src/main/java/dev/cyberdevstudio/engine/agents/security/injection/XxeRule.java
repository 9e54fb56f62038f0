package dev.cyberdevstudio.engine.agents.security.injection;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.Severity;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.regex.Pattern;

/**
 * An XML parser made with external entities left on: Java's parser factories in a file that never turns on secure
 * processing or turns off DTDs and external entities, and lxml parsers asked to resolve entities.
 */
public final class XxeRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-015", "XML external entities enabled",
            RuleFamily.INJECTION, Severity.MEDIUM, 611,
            "An XML parser resolves external entities: a document can read local files or reach internal hosts "
                    + "(XXE).",
            "Disallow DOCTYPEs (feature http://apache.org/xml/features/disallow-doctype-decl) or turn off external "
                    + "entities and DTD loading, and set XMLConstants.FEATURE_SECURE_PROCESSING; in Python use "
                    + "defusedxml.");

    private static final Pattern JAVA_FACTORY = Pattern.compile(
            "\\b(?:DocumentBuilderFactory|SAXParserFactory|XMLInputFactory|TransformerFactory|SchemaFactory"
            + "|XMLReaderFactory)\\.(?:newInstance|newFactory|newDefaultFactory|createXMLReader)\\s*\\("
            + "|\\bnew\\s+(?:SAXReader|SAXBuilder)\\s*\\(");
    private static final Pattern JAVA_HARDENING = Pattern.compile(
            "disallow-doctype-decl|FEATURE_SECURE_PROCESSING|external-general-entities|ACCESS_EXTERNAL_DTD"
            + "|SUPPORT_DTD|IS_SUPPORTING_EXTERNAL_ENTITIES|setExpandEntityReferences\\s*\\(\\s*false"
            + "|load-external-dtd");
    private static final Pattern PYTHON_RESOLVING = Pattern.compile(
            "\\bXMLParser\\s*\\([^)]*resolve_entities\\s*=\\s*True"
                    + "|setFeature\\s*\\(\\s*(?:\\w+\\.)?feature_external_ges"
            + "\\s*,\\s*True");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return kind == FileKind.JAVA || kind == FileKind.PYTHON;
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        if (file.kind() == FileKind.PYTHON) {
            for (var match : file.findInCode(PYTHON_RESOLVING)) {
                findings.report(DESCRIPTOR, match.start(), "This parser resolves external entities. "
                        + DESCRIPTOR.fix(), Confidence.HIGH);
            }
            return;
        }
        var code = file.code();
        if (!code.contains("Factory") && !code.contains("SAXReader") && !code.contains("SAXBuilder")
                || JAVA_HARDENING.matcher(code).find()) {
            return;
        }
        for (var match : file.findInCode(JAVA_FACTORY)) {
            findings.report(DESCRIPTOR, match.start(), "This XML parser factory keeps its default of resolving "
                    + "external entities. " + DESCRIPTOR.fix(), Confidence.MEDIUM);
        }
    }
}
