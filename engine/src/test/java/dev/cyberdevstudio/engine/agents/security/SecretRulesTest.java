package dev.cyberdevstudio.engine.agents.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.agents.security.secrets.AwsAccessKeyRule;
import dev.cyberdevstudio.engine.agents.security.secrets.AwsSecretKeyRule;
import dev.cyberdevstudio.engine.agents.security.secrets.GenericSecretRule;
import dev.cyberdevstudio.engine.agents.security.secrets.GitHubTokenRule;
import dev.cyberdevstudio.engine.agents.security.secrets.GoogleApiKeyRule;
import dev.cyberdevstudio.engine.agents.security.secrets.JwtRule;
import dev.cyberdevstudio.engine.agents.security.secrets.PrivateKeyRule;
import dev.cyberdevstudio.engine.agents.security.secrets.SlackTokenRule;
import dev.cyberdevstudio.engine.agents.security.secrets.StripeKeyRule;
import org.junit.jupiter.api.Test;

class SecretRulesTest {

    @Test
    void findsAwsAccessKeyIdsButNotTheDocumentationExample() {
        var text = "key = \"" + Fakes.awsKeyId() + "\"\ndocs = \"AKIAIOSFODNN7EXAMPLE\"\n";
        assertThat(Scans.lines(new AwsAccessKeyRule(), "aws.py", text)).containsExactly(1);
    }

    @Test
    void findsAwsSecretKeysOnlyUnderTheirName() {
        var text = "aws_secret_access_key = " + Fakes.awsSecret() + "\nchecksum = " + Fakes.awsSecret() + "\n";
        assertThat(Scans.lines(new AwsSecretKeyRule(), "credentials.properties", text)).containsExactly(1);
    }

    @Test
    void findsGitHubTokensOfBothShapes() {
        var fineGrained = "github" + "_pat_" + Fakes.alnum(22, 20) + "_" + Fakes.alnum(59, 21);
        var text = "a = '" + Fakes.githubToken() + "'\nb = '" + fineGrained + "'\nc = 'ghp_short'\n";
        assertThat(Scans.lines(new GitHubTokenRule(), "tokens.py", text)).containsExactly(1, 2);
    }

    @Test
    void findsSlackTokensAndWebhooks() {
        var webhook = "https://hooks.slack.com/services/T" + Fakes.random(9, "ABCDEFGH0123", 22) + "/B"
                + Fakes.random(9, "ABCDEFGH0123", 23) + "/" + Fakes.alnum(24, 24);
        var text = "token: " + Fakes.slackToken() + "\nhook: " + webhook + "\nchannel: xoxb-nope\n";
        assertThat(Scans.lines(new SlackTokenRule(), "slack.yml", text)).containsExactly(1, 2);
    }

    @Test
    void findsStripeLiveKeysButNotTestKeys() {
        var text = "live = \"" + Fakes.stripeKey() + "\"\ntest = \"sk_" + "test_" + Fakes.alnum(24, 25) + "\"\n";
        assertThat(Scans.lines(new StripeKeyRule(), "billing.js", text)).containsExactly(1);
    }

    @Test
    void findsGoogleApiKeys() {
        assertThat(Scans.lines(new GoogleApiKeyRule(), "maps.ts", "const key = '" + Fakes.googleKey() + "';\n"))
                .containsExactly(1);
    }

    @Test
    void findsSignedJwtsButNotUnsignedOnes() {
        var unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTQyIn0.";
        var text = "signed = \"" + Fakes.jwt() + "\"\nunsigned = \"" + unsigned + "\"\n";
        assertThat(Scans.lines(new JwtRule(), "auth.py", text)).containsExactly(1);
    }

    @Test
    void findsPrivateKeyBlocksWithABodyAndMasksTheBody() {
        var body = Fakes.pemBody();
        var key = "-----BEGIN EC PRIVATE KEY-----\n" + String.join("\n", body) + "\n-----END EC PRIVATE KEY-----\n";
        var findings = Scans.run(new PrivateKeyRule(), "keys/id_ec", key);
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.line()).isEqualTo(1);
            assertThat(finding.cwe()).isEqualTo(321);
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void ignoresCodeThatOnlyNamesThePemHeader() {
        var parser = """
                class Pem {
                    static final String HEADER = "-----BEGIN PRIVATE KEY-----";
                    boolean isKey(String line) { return line.startsWith(HEADER); }
                }
                """;
        assertThat(Scans.run(new PrivateKeyRule(), "Pem.java", parser)).isEmpty();
    }

    @Test
    void findsPrivateKeysInsideStringLiteralsWithEscapedLineBreaks() {
        var inline = "KEY = \"-----BEGIN PRIVATE KEY-----\\n" + String.join("\\n", Fakes.pemBody())
                + "\\n-----END PRIVATE KEY-----\"\n";
        assertThat(Scans.lines(new PrivateKeyRule(), "keys.py", inline)).containsExactly(1);
    }

    @Test
    void findsHighEntropyCredentialsAssignedInCodeAndConfiguration() {
        var rule = new GenericSecretRule();
        assertThat(Scans.lines(rule, "Db.java", "String dbPassword = \"" + Fakes.password() + "\";\n"))
                .containsExactly(1);
        assertThat(Scans.lines(rule, "settings.py", "API_TOKEN = '" + Fakes.alnum(32, 30) + "'\n"))
                .containsExactly(1);
        assertThat(Scans.lines(rule, "config/.env", "# db\nDB_PASSWORD=" + Fakes.password() + "\n"))
                .containsExactly(2);
        assertThat(Scans.lines(rule, "application.yml", "spring:\n  password: " + Fakes.password() + "\n"))
                .containsExactly(2);
        assertThat(Scans.lines(rule, "settings.xml", "<server><password>" + Fakes.password() + "</password></server>"))
                .containsExactly(1);
        assertThat(Scans.lines(rule, "db.py", "URL = 'postgres://app:" + Fakes.alnum(12, 31) + "@db:5432/app'\n"))
                .containsExactly(1);
    }

    @Test
    void leavesPlaceholdersReferencesAndLowEntropyValuesAlone() {
        var text = """
                password = "changeme"
                api_key = "${API_KEY}"
                token = "<your-token-here>"
                secret = "xxxxxxxxxxxxxxxx"
                db_password = os.environ["DB_PASSWORD"]
                password_field = "password"
                token_url = "https://auth.internal/token"
                client_secret = "replace-with-your-secret"
                secret_key = "aaaaaaaabbbbbbbb"
                password_prompt = "Enter your password"
                URL = "postgres://app:${DB_PASSWORD}@db/app"
                """;
        assertThat(Scans.run(new GenericSecretRule(), "settings.py", text)).isEmpty();
    }

    @Test
    void skipsExampleAndTemplateFilesForGuessedCredentials() {
        var text = "DB_PASSWORD=" + Fakes.password() + "\n";
        assertThat(Scans.run(new GenericSecretRule(), "config/.env.example", text)).isEmpty();
        assertThat(Scans.run(new GenericSecretRule(), "fixtures/.env", text)).isEmpty();
        assertThat(Scans.run(new GenericSecretRule(), "config/.env", text)).hasSize(1);
    }

    @Test
    void marksKnownFormatsInFixturesWithLowConfidence() {
        var findings = Scans.run(new GitHubTokenRule(), "testdata/token.txt", Fakes.githubToken());
        assertThat(findings).singleElement().extracting(Finding::confidence).isEqualTo(Confidence.LOW);
    }

    @Test
    void neverShowsAFullSecretInASnippetOrMessage() {
        var secrets = new String[] {Fakes.awsKeyId(), Fakes.githubToken(), Fakes.slackToken(), Fakes.stripeKey(),
            Fakes.googleKey(), Fakes.jwt(), Fakes.password()};
        var text = new StringBuilder();
        for (var secret : secrets) {
            text.append("value_token = \"").append(secret).append("\"\n");
        }
        var report = new SecurityScanner().scanText("leaks.py", text.toString());
        assertThat(report.findings()).hasSizeGreaterThanOrEqualTo(secrets.length);
        for (var finding : report.findings()) {
            for (var secret : secrets) {
                assertThat(finding.snippet()).doesNotContain(secret).doesNotContain(secret.substring(6));
                assertThat(finding.message()).doesNotContain(secret);
            }
            assertThat(finding.snippet()).contains("********");
        }
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(GitHubTokenRule.DESCRIPTOR.id()))
                .singleElement().extracting(Finding::snippet).asString().startsWith("value_token = \"ghp_****");
    }

    @Test
    void masksASecretOnTheLineOfAnotherRulesFinding() {
        var token = Fakes.githubToken();
        var text = "import os\nos.system(\"curl -H 'Authorization: " + token + "' \" + url)\n";
        var report = new SecurityScanner().scanText("deploy.py", text);
        assertThat(report.findings()).extracting(Finding::ruleId).contains("CDS-SEC-003", "CDS-SEC-011");
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.snippet()).doesNotContain(token));
    }
}
