package dev.cyberdevstudio.engine.agents.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.VersionInfo;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scan as SARIF 2.1.0, the format code hosts and IDEs read for static-analysis results.
 *
 * <pre>{@code
 * var json = SarifReport.toJson(report, scanner.rules(), Optional.of(projectRoot));
 * SarifReport.write(report, scanner.rules(), Optional.of(projectRoot), projectRoot.resolve("security.sarif"));
 * }</pre>
 *
 * <p>Locations are relative URIs under the base id {@code SRCROOT}; findings silenced in the source come out as
 * results with an in-source suppression, as the format intends. Snippets are the findings' own, secrets masked.
 */
public final class SarifReport {

    public static final String VERSION = "2.1.0";
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String TOOL_NAME = "CyberDevStudio Security";
    public static final String SOURCE_ROOT = "SRCROOT";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    /** The SARIF level of a severity: error, warning or note. */
    public static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    public static String toJson(SecurityReport report, List<RuleDescriptor> rules, Optional<Path> root) {
        try {
            return MAPPER.writeValueAsString(toTree(report, rules, root));
        } catch (JsonProcessingException error) {
            throw new EngineException("The SARIF report cannot be written as JSON: " + error.getOriginalMessage(),
                    error);
        }
    }

    /** Writes the report to {@code target} as UTF-8. */
    public static void write(SecurityReport report, List<RuleDescriptor> rules, Optional<Path> root, Path target) {
        try {
            Files.writeString(target, toJson(report, rules, root), StandardCharsets.UTF_8);
        } catch (IOException error) {
            throw new EngineException("Cannot write the SARIF report to " + target + ": " + error.getMessage(), error);
        }
    }

    public static ObjectNode toTree(SecurityReport report, List<RuleDescriptor> rules, Optional<Path> root) {
        var sarif = MAPPER.createObjectNode();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", VERSION);
        var run = sarif.putArray("runs").addObject();
        var driver = run.putObject("tool").putObject("driver");
        var version = VersionInfo.current().version();
        driver.put("name", TOOL_NAME);
        driver.put("version", version);
        var ruleArray = driver.putArray("rules");
        rules.forEach(rule -> rule(ruleArray.addObject(), rule));
        root.ifPresent(folder -> run.putObject("originalUriBaseIds").putObject(SOURCE_ROOT)
                .put("uri", folder.toAbsolutePath().toUri().toString()));
        var invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", !report.cancelled());
        var properties = invocation.putObject("properties");
        properties.put("filesScanned", report.filesScanned());
        properties.put("filesSkipped", report.skipped().size());
        properties.put("cancelled", report.cancelled());
        run.put("columnKind", "utf16CodeUnits");
        var results = run.putArray("results");
        report.findings().forEach(finding -> result(results, rules, finding, false));
        report.suppressed().forEach(finding -> result(results, rules, finding, true));
        return sarif;
    }

    private static void rule(ObjectNode node, RuleDescriptor rule) {
        node.put("id", rule.id());
        node.put("name", rule.title().replaceAll("[^A-Za-z0-9]+", " ").strip().replace(' ', '-'));
        node.putObject("shortDescription").put("text", rule.title());
        node.putObject("fullDescription").put("text", rule.description());
        node.putObject("help").put("text", rule.fix());
        node.putObject("defaultConfiguration").put("level", level(rule.severity()));
        var properties = node.putObject("properties");
        var tags = properties.putArray("tags");
        tags.add("security");
        tags.add(rule.cweTag());
        tags.add("external/cwe/cwe-" + rule.cwe());
        tags.add(rule.family().name().toLowerCase(Locale.ROOT));
        properties.put("security-severity", securitySeverity(rule.severity()));
        properties.put("family", rule.family().displayName());
    }

    private static void result(ArrayNode results, List<RuleDescriptor> rules, Finding finding, boolean suppressed) {
        var result = results.addObject();
        result.put("ruleId", finding.ruleId());
        var index = rules.stream().map(RuleDescriptor::id).toList().indexOf(finding.ruleId());
        if (index >= 0) {
            result.put("ruleIndex", index);
        }
        result.put("level", level(finding.severity()));
        result.putObject("message").put("text", finding.message());
        var physical = result.putArray("locations").addObject().putObject("physicalLocation");
        var artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(finding.file()));
        artifact.put("uriBaseId", SOURCE_ROOT);
        var region = physical.putObject("region");
        region.put("startLine", finding.line());
        region.put("startColumn", finding.column());
        region.putObject("snippet").put("text", finding.snippet());
        result.putObject("partialFingerprints").put("cdsFindingHash/v1", fingerprint(finding));
        var properties = result.putObject("properties");
        properties.put("severity", finding.severity().name());
        properties.put("confidence", finding.confidence().name());
        properties.put("cwe", finding.cweTag());
        if (suppressed) {
            result.putArray("suppressions").addObject().put("kind", "inSource");
        }
    }

    private static String uri(String relativePath) {
        try {
            return new URI(null, null, relativePath, null).toASCIIString();
        } catch (URISyntaxException error) {
            throw new EngineException("The path " + relativePath + " cannot be written as a URI: "
                    + error.getReason(), error);
        }
    }

    /** Stable across line moves: the rule, the file and the masked line's text. */
    private static String fingerprint(Finding finding) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var key = finding.ruleId() + "\n" + finding.file() + "\n" + finding.snippet();
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }
}
