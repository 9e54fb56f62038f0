package dev.cyberdevstudio.engine.agents.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.agents.security.dependencies.InsecureRepositoryRule;
import dev.cyberdevstudio.engine.agents.security.dependencies.UnpinnedDependencyRule;
import dev.cyberdevstudio.engine.agents.security.dependencies.VulnerableDependencyRule;
import org.junit.jupiter.api.Test;

class DependencyRulesTest {

    private final VulnerableDependencyRule vulnerable = new VulnerableDependencyRule();
    private final UnpinnedDependencyRule unpinned = new UnpinnedDependencyRule();
    private final InsecureRepositoryRule repository = new InsecureRepositoryRule();

    private static final String POM = """
            <project>
              <properties><log4j.version>2.14.1</log4j.version></properties>
              <repositories>
                <repository><id>x</id><url>http://repo.internal/maven2</url></repository>
                <repository><id>local</id><url>http://localhost:8081/repo</url></repository>
              </repositories>
              <url>http://www.example.org</url>
              <dependencies>
                <dependency>
                  <groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId>
                  <version>${log4j.version}</version>
                </dependency>
                <dependency>
                  <groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId>
                  <version>2.12.4</version>
                </dependency>
                <dependency>
                  <groupId>log4j</groupId><artifactId>log4j</artifactId><version>1.2.17</version>
                </dependency>
                <dependency>
                  <groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>RELEASE</version>
                </dependency>
                <dependency>
                  <groupId>org.junit</groupId><artifactId>junit-bom</artifactId>
                </dependency>
              </dependencies>
            </project>
            """;

    @Test
    void findsVulnerableMavenVersionsThroughPropertiesAndBackportLines() {
        var findings = Scans.run(vulnerable, "pom.xml", POM);
        assertThat(findings).extracting(Finding::line).containsExactly(11, 18);
        assertThat(findings.getFirst().message()).contains("CVE-2021-44228", "CVE-2021-44832", "2.17.1");
        assertThat(findings.getFirst().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(findings.get(1).message()).contains("CVE-2019-17571", "No fixed release");
    }

    @Test
    void findsUnpinnedAndInsecureDeclarationsInAPom() {
        assertThat(Scans.lines(unpinned, "pom.xml", POM)).containsExactly(21);
        assertThat(Scans.lines(repository, "pom.xml", POM)).containsExactly(4);
    }

    @Test
    void readsGradleNpmPipAndGoManifests() {
        var gradle = """
                repositories { maven { url 'http://repo.internal/maven2' } }
                dependencies {
                    implementation 'org.apache.commons:commons-text:1.9'
                    implementation 'org.apache.commons:commons-text:1.10.0'
                    implementation 'com.google.guava:guava:+'
                    implementation group: 'org.yaml', name: 'snakeyaml', version: '1.30'
                }
                """;
        assertThat(Scans.lines(vulnerable, "build.gradle", gradle)).containsExactly(3, 6);
        assertThat(Scans.lines(unpinned, "build.gradle", gradle)).containsExactly(5);
        assertThat(Scans.lines(repository, "build.gradle", gradle)).containsExactly(1);

        var npm = """
                {
                  "homepage": "http://example.org",
                  "dependencies": {
                    "lodash": "4.17.20",
                    "minimist": "^1.2.6",
                    "left-pad": "*",
                    "local": "http://npm.internal/local-1.0.tgz"
                  },
                  "devDependencies": { "node-fetch": ">=2.0.0" }
                }
                """;
        var npmFindings = Scans.run(vulnerable, "package.json", npm);
        assertThat(npmFindings).extracting(Finding::line).containsExactly(4, 9);
        assertThat(npmFindings).extracting(Finding::confidence).containsExactly(Confidence.HIGH, Confidence.MEDIUM);
        assertThat(Scans.lines(unpinned, "package.json", npm)).containsExactly(6, 9);
        assertThat(Scans.lines(repository, "package.json", npm)).containsExactly(7);
        assertThat(Scans.run(vulnerable, "package.json", "{ not json")).isEmpty();

        var pip = """
                -i http://pypi.internal/simple
                --trusted-host pypi.internal
                pyyaml==5.3.1
                Requests==2.31.0
                flask
                urllib3>=1.25 ; python_version > "3"
                """;
        assertThat(Scans.lines(vulnerable, "requirements.txt", pip)).containsExactly(3, 6);
        assertThat(Scans.lines(unpinned, "requirements-dev.txt", pip)).containsExactly(5, 6);
        assertThat(Scans.lines(repository, "requirements.txt", pip)).containsExactly(1, 2);

        var go = """
                module example.org/m

                require golang.org/x/text v0.3.7
                require (
                	golang.org/x/crypto v0.0.0-20210921155107-089bfa567519 // indirect
                	golang.org/x/crypto v0.17.0
                )
                """;
        assertThat(Scans.lines(vulnerable, "go.mod", go)).containsExactly(3, 5);
    }

    @Test
    void findsPlainHttpRegistriesInConfigurationAndScripts() {
        assertThat(Scans.lines(repository, ".npmrc", "registry=http://npm.internal/\n@scope:registry=https://x/\n"))
                .containsExactly(1);
        assertThat(Scans.lines(repository, "Dockerfile", "RUN pip install --index-url http://pypi.internal/simple x\n"
                + "RUN pip install --index-url https://pypi.org/simple x\n")).containsExactly(1);
        assertThat(Scans.lines(repository, "setup.sh", "npm config set registry http://npm.internal/\n"))
                .containsExactly(1);
    }
}
