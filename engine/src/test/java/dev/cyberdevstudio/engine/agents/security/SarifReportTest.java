package dev.cyberdevstudio.engine.agents.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyberdevstudio.engine.EngineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the export against what SARIF 2.1.0 requires of the parts we write, and that no secret leaks into it. */
class SarifReportTest {

    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    @TempDir
    Path project;

    private JsonNode export(SecurityReport report, SecurityScanner scanner) throws Exception {
        var target = project.resolve("out/report.sarif");
        Files.createDirectories(target.getParent());
        SarifReport.write(report, scanner.rules(), Optional.of(project), target);
        return new ObjectMapper().readTree(Files.readString(target));
    }

    @Test
    void writesAValidSarifLogWithRulesResultsAndMaskedSnippets() throws Exception {
        var token = Fakes.githubToken();
        Files.createDirectories(project.resolve("src dir"));
        Files.writeString(project.resolve("src dir/app.py"), "import os\nTOKEN = \"" + token + "\"\n"
                + "os.system('ls ' + path)\nos.system('rm ' + path)  # nosec\n");
        var scanner = new SecurityScanner();
        var report = scanner.scan(project);
        var sarif = export(report, scanner);

        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("$schema").asText()).isEqualTo(SarifReport.SCHEMA);
        assertThat(sarif.path("runs")).hasSize(1);
        var run = sarif.path("runs").get(0);
        var driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("CyberDevStudio Security");
        assertThat(driver.has("informationUri")).isFalse();
        var rules = driver.path("rules");
        assertThat(rules).hasSize(25);
        var ids = new HashSet<String>();
        for (var rule : rules) {
            assertThat(rule.path("id").asText()).matches("CDS-SEC-\\d{3}");
            assertThat(ids.add(rule.path("id").asText())).isTrue();
            assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
            assertThat(rule.path("fullDescription").path("text").asText()).isNotBlank();
            assertThat(rule.path("help").path("text").asText()).isNotBlank();
            assertThat(LEVELS).contains(rule.path("defaultConfiguration").path("level").asText());
            var tags = rule.path("properties").path("tags");
            assertThat(tags.toString()).contains("security").containsPattern("\"CWE-\\d+\"");
            assertThat(rule.path("properties").path("security-severity").asDouble()).isBetween(0.0, 10.0);
        }
        assertThat(run.path("originalUriBaseIds").path("SRCROOT").path("uri").asText())
                .startsWith("file:").endsWith("/");
        assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isTrue();

        var results = run.path("results");
        assertThat(results).hasSize(report.findings().size() + report.suppressed().size()).hasSize(3);
        for (var result : results) {
            var ruleId = result.path("ruleId").asText();
            assertThat(ids).contains(ruleId);
            assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(ruleId);
            assertThat(LEVELS).contains(result.path("level").asText());
            assertThat(result.path("message").path("text").asText()).isNotBlank();
            var location = result.path("locations").get(0).path("physicalLocation");
            assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo("src%20dir/app.py");
            assertThat(location.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("SRCROOT");
            assertThat(location.path("region").path("startLine").asInt()).isPositive();
            assertThat(location.path("region").path("startColumn").asInt()).isPositive();
            assertThat(location.path("region").path("snippet").path("text").asText()).isNotBlank();
            assertThat(result.path("partialFingerprints").fieldNames()).toIterable().isNotEmpty();
        }
        var json = Files.readString(project.resolve("out/report.sarif"));
        assertThat(json).doesNotContain(token).contains("ghp_********");
        var suppressed = results.get(2);
        assertThat(suppressed.path("suppressions").get(0).path("kind").asText()).isEqualTo("inSource");
        assertThat(results.get(0).has("suppressions")).isFalse();
    }

    @Test
    void mapsSeveritiesToSarifLevels() {
        assertThat(SarifReport.level(Severity.CRITICAL)).isEqualTo("error");
        assertThat(SarifReport.level(Severity.HIGH)).isEqualTo("error");
        assertThat(SarifReport.level(Severity.MEDIUM)).isEqualTo("warning");
        assertThat(SarifReport.level(Severity.LOW)).isEqualTo("note");
        assertThat(SarifReport.level(Severity.INFO)).isEqualTo("note");
    }

    @Test
    void marksACancelledScanAsUnsuccessfulAndWorksWithoutARoot() throws Exception {
        var report = new SecurityReport(java.util.List.of(), java.util.List.of(), java.util.List.of(), 0, 0, 0,
                java.time.Duration.ZERO, true);
        var tree = new ObjectMapper().readTree(SarifReport.toJson(report, new SecurityScanner().rules(),
                Optional.empty()));
        var run = tree.path("runs").get(0);
        assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isFalse();
        assertThat(run.has("originalUriBaseIds")).isFalse();
        assertThat(run.path("results")).isEmpty();
        assertThatThrownBy(() -> SarifReport.write(report, java.util.List.of(), Optional.empty(),
                project.resolve("missing/dir/x.sarif"))).isInstanceOf(EngineException.class)
                .hasMessageContaining("Cannot write the SARIF report");
    }
}
