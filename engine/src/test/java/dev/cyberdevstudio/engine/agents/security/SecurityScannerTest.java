package dev.cyberdevstudio.engine.agents.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityScannerTest {

    @TempDir
    Path project;

    private void write(String path, String text) throws IOException {
        var file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void plantProject() throws IOException {
        write("src/main/java/demo/UserDao.java", """
                package demo;

                import java.sql.Connection;
                import java.sql.ResultSet;

                public class UserDao {
                    private static final String GITHUB = "%s";

                    ResultSet find(Connection c, String name) throws Exception {
                        return c.createStatement().executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
                    }

                    ResultSet safe(Connection c, String name) throws Exception {
                        var s = c.prepareStatement("SELECT * FROM users WHERE name = ?");
                        s.setString(1, name);
                        return s.executeQuery();
                    }
                }
                """.formatted(Fakes.githubToken()));
        write("app/tasks.py", """
                import os
                import subprocess

                STRIPE = "%s"


                def backup(path):
                    os.system("tar czf /tmp/b.tgz " + path)


                def listing():
                    return subprocess.run(["ls", "-l"], check=True)
                """.formatted(Fakes.stripeKey()));
        write(".env", "DB_PASSWORD=" + Fakes.password() + "\nPORT=8080\n");
        write("web/package.json", "{ \"dependencies\": { \"lodash\": \"4.17.15\" } }\n");
        write("README.md", "Run `./gradlew run`; the key is read from AWS_ACCESS_KEY_ID.\n");
    }

    @Test
    void scansAPlantedProjectEndToEnd() throws IOException {
        plantProject();
        var scanner = new SecurityScanner();
        var report = scanner.scan(project);

        assertThat(report.cancelled()).isFalse();
        assertThat(report.filesScanned()).isEqualTo(5);
        assertThat(report.findings()).extracting(Finding::location).containsExactly(
                ".env:1:13", "app/tasks.py:4:11", "app/tasks.py:8:5",
                "src/main/java/demo/UserDao.java:7:43", "src/main/java/demo/UserDao.java:10:36",
                "web/package.json:1:32");
        assertThat(report.findings()).extracting(Finding::ruleId).containsExactly(
                "CDS-SEC-009", "CDS-SEC-005", "CDS-SEC-011", "CDS-SEC-003", "CDS-SEC-010", "CDS-SEC-040");
        assertThat(report.findings()).allSatisfy(finding -> {
            assertThat(finding.message()).isNotBlank();
            assertThat(finding.cwe()).isPositive();
        });
        assertThat(report.findings().get(4).snippet())
                .isEqualTo("return c.createStatement()"
                        + ".executeQuery(\"SELECT * FROM users WHERE name = '\" + name + \"'\");");
        assertThat(report.summary()).startsWith("6 findings (").contains("in 5 files");
        assertThat(report.countBySeverity()).containsEntry(Severity.CRITICAL, 2);
        assertThat(report.filesPerSecond()).isPositive();
        assertThat(report.linesScanned()).isGreaterThan(30);
    }

    @Test
    void skipsBinaryHugeMinifiedLockAndExcludedFilesAndSaysWhy() throws IOException {
        write("src/app.js", "const x = 1;\n");
        write("node_modules/lodash/index.js", "eval(input);\n");
        write(".git/config", "[core]\n");
        write("target/classes/leak.properties", "password=" + Fakes.password() + "\n");
        write("dist/bundle.min.js", "eval(a)\n");
        write("web/app.js", "var a=1;".repeat(200) + "\n");
        write("package-lock.json", "{}\n");
        write("logo.png", "not really a png");
        Files.write(project.resolve("data.txt"), new byte[] {'a', 0, 'b'});
        write("big.py", "x = 1\n".repeat(1000));
        var scanner = new SecurityScanner(SecurityRules.all(), ScanOptions.defaults().withMaxFileBytes(4_000));

        var report = scanner.scan(project);

        assertThat(report.filesScanned()).isEqualTo(1);
        assertThat(report.skipped()).extracting(SkippedFile::path, SkippedFile::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(".git/", SkippedFile.Reason.EXCLUDED_DIRECTORY),
                org.assertj.core.groups.Tuple.tuple("node_modules/", SkippedFile.Reason.EXCLUDED_DIRECTORY),
                org.assertj.core.groups.Tuple.tuple("target/", SkippedFile.Reason.EXCLUDED_DIRECTORY),
                org.assertj.core.groups.Tuple.tuple("dist/", SkippedFile.Reason.EXCLUDED_DIRECTORY),
                org.assertj.core.groups.Tuple.tuple("web/app.js", SkippedFile.Reason.MINIFIED),
                org.assertj.core.groups.Tuple.tuple("package-lock.json", SkippedFile.Reason.LOCK_FILE),
                org.assertj.core.groups.Tuple.tuple("logo.png", SkippedFile.Reason.BINARY),
                org.assertj.core.groups.Tuple.tuple("data.txt", SkippedFile.Reason.BINARY),
                org.assertj.core.groups.Tuple.tuple("big.py", SkippedFile.Reason.TOO_LARGE));
        assertThat(report.skipped()).filteredOn(s -> s.path().equals("big.py")).singleElement()
                .extracting(SkippedFile::detail).asString().contains("5.9 KiB", "3.9 KiB limit");
        assertThat(report.skipped()).filteredOn(s -> s.path().equals("node_modules/")).singleElement()
                .extracting(SkippedFile::detail).isEqualTo("vendored third-party code");
        assertThat(report.findings()).isEmpty();
        assertThat(report.summary()).contains("9 skipped");
    }

    @Test
    void doesNotFollowLinks() throws IOException {
        write("real/secret.env", "DB_PASSWORD=" + Fakes.password() + "\n");
        Files.createSymbolicLink(project.resolve("alias.env"), project.resolve("real/secret.env"));
        var report = new SecurityScanner().scan(project);
        assertThat(report.skipped()).extracting(SkippedFile::path, SkippedFile::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alias.env", SkippedFile.Reason.LINK));
        assertThat(report.findings()).extracting(Finding::file).containsExactly("real/secret.env");
    }

    @Test
    void stopsWhenTheMonitorCancelsAndReportsWhatWasDone() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("src/File" + i + ".py", "import os\nos.system('rm ' + path)\n");
        }
        var progress = new CopyOnWriteArrayList<Integer>();
        var scanner = new SecurityScanner(SecurityRules.all(), ScanOptions.defaults().withThreads(1));
        var report = scanner.scan(project, new ScanMonitor() {
            @Override
            public boolean isCancelled() {
                return progress.size() >= 5;
            }

            @Override
            public void fileScanned(String path, int done, int total) {
                assertThat(total).isEqualTo(40);
                progress.add(done);
            }
        });
        assertThat(report.cancelled()).isTrue();
        assertThat(report.filesScanned()).isEqualTo(5);
        assertThat(report.findings()).hasSize(5);
        assertThat(progress).containsExactly(1, 2, 3, 4, 5);
        assertThat(report.summary()).endsWith("cancelled");
    }

    @Test
    void stopsWhenItsThreadIsInterrupted() throws Exception {
        for (int i = 0; i < 200; i++) {
            write("src/File" + i + ".py", "import os\nos.system('rm ' + path)\n".repeat(20));
        }
        var scanner = new SecurityScanner(SecurityRules.all(), ScanOptions.defaults().withThreads(1));
        var started = new CountDownLatch(1);
        var scanned = new AtomicInteger();
        var thread = new Thread[1];
        var result = new CompletableFuture<SecurityReport>();
        thread[0] = new Thread(() -> result.complete(scanner.scan(project, new ScanMonitor() {
            @Override
            public void fileScanned(String path, int done, int total) {
                scanned.incrementAndGet();
                started.countDown();
            }
        })));
        thread[0].start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        thread[0].interrupt();
        var report = result.get(60, TimeUnit.SECONDS);
        assertThat(report.cancelled()).isTrue();
        assertThat(report.filesScanned()).isLessThan(200);
    }

    @Test
    void keepsSuppressedFindingsApart() {
        var text = """
                import hashlib, subprocess
                a = hashlib.md5(data).hexdigest()  # cds-ignore: CDS-SEC-020 cache key only
                b = subprocess.run(cmd, shell=True)  # nosec
                c = hashlib.md5(data).hexdigest()  # cds-ignore: CDS-SEC-011 names another rule
                d = hashlib.sha1(data).hexdigest()
                """;
        var report = new SecurityScanner().scanText("tasks.py", text);
        assertThat(report.findings()).extracting(Finding::line).containsExactly(4, 5);
        assertThat(report.suppressed()).extracting(Finding::line).containsExactly(2, 3);
    }

    @Test
    void scansOneBufferByItsPath() {
        var report = new SecurityScanner().scanText("src/Run.java",
                "class Run { void f(String h) throws Exception { Runtime.getRuntime().exec(\"ping \" + h); } }\n");
        assertThat(report.filesScanned()).isEqualTo(1);
        assertThat(report.findings()).extracting(Finding::ruleId, Finding::line, Finding::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CDS-SEC-011", 1, 49));
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    void countsColumnsInCharsPastNonAsciiText() {
        var text = "# Größe: ✓ 😀\nname = \"日本\"; eval(user_input)  # 注意\n";
        var findings = new SecurityScanner().scanText("u.py", text).findings();
        assertThat(findings).extracting(Finding::ruleId, Finding::line, Finding::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CDS-SEC-013", 2, 14));
    }

    @Test
    void listsAFileWhoseRuleFailedInsteadOfLosingTheScan() throws IOException {
        write("a.py", "x = 1\n");
        write("b.py", "eval(x)\n");
        SecurityRule broken = new SecurityRule() {
            @Override
            public RuleDescriptor descriptor() {
                return new RuleDescriptor("CDS-SEC-999", "Broken", RuleFamily.INJECTION, Severity.LOW, 1, "d.", "f.");
            }

            @Override
            public boolean appliesTo(FileKind kind) {
                return true;
            }

            @Override
            public void check(SourceFile file, FindingCollector findings) {
                if (file.path().equals("a.py")) {
                    throw new IllegalStateException("bug in the rule");
                }
            }
        };
        var report = new SecurityScanner(List.of(broken, new dev.cyberdevstudio.engine.agents.security.injection
                .CodeEvalRule()), ScanOptions.defaults()).scan(project);
        assertThat(report.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.path()).isEqualTo("a.py");
            assertThat(skipped.reason()).isEqualTo(SkippedFile.Reason.FAILED);
            assertThat(skipped.detail()).contains("bug in the rule");
        });
        assertThat(report.findings()).extracting(Finding::file).containsExactly("b.py");
    }

    @Test
    void readsFilesThatAreNotUtf8ByteForByte() throws IOException {
        var latin1 = ("# Gr\u00f6\u00dfe\npassword = \"" + Fakes.password() + "\"\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(project.resolve("legacy.py"), latin1);
        var report = new SecurityScanner().scan(project);
        assertThat(report.findings()).extracting(Finding::line, Finding::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 13));
        assertThat(report.bytesScanned()).isEqualTo(latin1.length);
        assertThat(Severity.HIGH.atLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.LOW.atLeast(Severity.MEDIUM)).isFalse();
    }

    @Test
    void refusesSomethingThatIsNotAFolder() throws IOException {
        write("file.txt", "x");
        assertThatThrownBy(() -> new SecurityScanner().scan(project.resolve("file.txt")))
                .isInstanceOf(EngineException.class).hasMessageContaining("not a folder");
        assertThatThrownBy(() -> new ScanOptions(0, java.util.Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScanOptions.defaults().withThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesEveryRuleWithAUniqueIdAndACwe() {
        var rules = new SecurityScanner().rules();
        assertThat(rules).hasSize(25);
        assertThat(rules).extracting(RuleDescriptor::id).doesNotHaveDuplicates().isSorted();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.cweTag()).matches("CWE-\\d+");
            assertThat(rule.description()).endsWith(".");
            assertThat(rule.fix()).endsWith(".");
        });
        assertThat(SecurityRules.of(RuleFamily.SECRETS)).hasSize(9);
        assertThat(SecurityRules.describe("CDS-SEC-999")).isEmpty();
        assertThatThrownBy(() -> new RuleDescriptor("SEC-1", "t", RuleFamily.TLS, Severity.LOW, 1, "d", "f"))
                .isInstanceOf(IllegalArgumentException.class);
        var ids = new ArrayList<String>();
        for (var family : RuleFamily.values()) {
            SecurityRules.of(family).forEach(rule -> ids.add(rule.descriptor().id()));
        }
        assertThat(ids).hasSize(25);
        assertThat(List.of(FileKind.of("pom.xml"), FileKind.of("build.gradle.kts"), FileKind.of("Dockerfile.prod"),
                FileKind.of(".env.local"), FileKind.of("requirements-dev.txt"), FileKind.of("notes.md")))
                .containsExactly(FileKind.MAVEN_POM, FileKind.GRADLE, FileKind.DOCKERFILE, FileKind.DOTENV,
                        FileKind.PIP_REQUIREMENTS, FileKind.OTHER_TEXT);
    }
}
