package dev.cyberdevstudio.sandbox.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.sandbox.SandboxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known_hosts rules on their own, without a server: what is trusted, refused, asked about and written. */
class KnownHostsVerifierTest {

    @TempDir
    Path folder;

    private final PublicKey key = TestKeys.generate().getPublic();

    private KnownHostsVerifier load(String content) throws Exception {
        var file = Files.writeString(folder.resolve("known_hosts"), content);
        return KnownHostsVerifier.load(file, SshjLogs.DEBUG_ONLY);
    }

    @Test
    void trustsAHostListedUnderAHashedName() throws Exception {
        var verifier = load(hashed("build.example.org") + " " + TestKeys.openSshLine(key) + "\n");

        assertThat(verifier.verify("build.example.org", 22, key)).isTrue();
        assertThat(verifier.rejection()).isEmpty();
        assertThat(verifier.verify("other.example.org", 22, key)).isFalse();
        assertThat(verifier.rejection()).containsInstanceOf(KnownHostsVerifier.Rejection.Unknown.class);
    }

    @Test
    void writesPort22HostsBareAndLowerCaseAndOthersInBrackets() throws Exception {
        var verifier = load("");

        verifier.remember("Build.Example.org", 22, key);
        verifier.remember("10.0.0.7", 2222, key);

        assertThat(Files.readAllLines(folder.resolve("known_hosts"))).containsExactly(
                "build.example.org " + TestKeys.openSshLine(key), "[10.0.0.7]:2222 " + TestKeys.openSshLine(key));
        assertThat(verifier.verify("build.example.org", 22, key)).isTrue();
        assertThat(KnownHostsVerifier.load(folder.resolve("known_hosts"), SshjLogs.DEBUG_ONLY)
                .verify("10.0.0.7", 2222, key)).isTrue();
    }

    @Test
    void appendsOnANewLineWhenTheFileDoesNotEndWithOne() throws Exception {
        var verifier = load("# written by hand");

        verifier.remember("host", 22, key);

        assertThat(Files.readString(folder.resolve("known_hosts"))).isEqualTo("# written by hand"
                + System.lineSeparator() + "host " + TestKeys.openSshLine(key) + System.lineSeparator());
    }

    @Test
    void createsTheFileAndItsFolderWhenAKeyIsRemembered() {
        var file = folder.resolve("new/.ssh/known_hosts");
        var verifier = KnownHostsVerifier.load(file, SshjLogs.DEBUG_ONLY);

        verifier.remember("host", 22, key);

        assertThat(file).hasContent("host " + TestKeys.openSshLine(key));
    }

    @Test
    void skipsLinesItCannotReadAndStillCountsThemInMessages() throws Exception {
        var listed = TestKeys.generate().getPublic();
        var verifier = load("garbage\nhost ssh-ed25519 ###notbase64###\n@cert-authority * "
                + TestKeys.openSshLine(key) + "\nhost " + TestKeys.openSshLine(listed) + "\n");

        assertThat(verifier.verify("host", 22, key)).isFalse();

        assertThat(verifier.rejection()).hasValueSatisfying(rejection ->
                assertThat(((KnownHostsVerifier.Rejection.Refused) rejection).message()).contains("line 4 of ",
                        TestKeys.fingerprint(listed), TestKeys.fingerprint(key)));
    }

    @Test
    void hostListedWithAKeyOfAnotherTypeCountsAsChanged() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var rsa = generator.generateKeyPair().getPublic();
        var verifier = load("host " + TestKeys.openSshLine(rsa) + "\n");

        assertThat(verifier.verify("host", 22, key)).isFalse();

        assertThat(verifier.rejection()).hasValueSatisfying(rejection ->
                assertThat(((KnownHostsVerifier.Rejection.Refused) rejection).message())
                    .contains("lists the ssh-rsa key", "now offers the ecdsa-sha2-nistp256 key"));
        assertThat(verifier.findExistingAlgorithms("host", 22)).containsExactly("ssh-rsa");
        assertThat(verifier.findExistingAlgorithms("elsewhere", 22)).isEmpty();
    }

    @Test
    void keyAcceptedOnceIsTrustedWithoutBeingWritten() throws Exception {
        var verifier = load("");

        verifier.acceptOnce(key);

        assertThat(verifier.verify("host", 22, key)).isTrue();
        assertThat(verifier.verify("host", 22, TestKeys.generate().getPublic())).isFalse();
        assertThat(folder.resolve("known_hosts")).isEmptyFile();
    }

    @Test
    void unreadableFileAndUnwritableFolderAreReported() throws Exception {
        var notAFile = Files.createDirectories(folder.resolve("known_hosts_dir"));
        assertThatThrownBy(() -> KnownHostsVerifier.load(notAFile, SshjLogs.DEBUG_ONLY))
            .isInstanceOf(SandboxException.class).hasMessageStartingWith("cannot read the known hosts file "
                    + notAFile);

        var blocker = Files.writeString(folder.resolve("blocker"), "a file, not a folder");
        var verifier = KnownHostsVerifier.load(blocker.resolve("known_hosts"), SshjLogs.DEBUG_ONLY);
        assertThatThrownBy(() -> verifier.remember("host", 22, key))
            .isInstanceOf(SandboxException.class).hasMessageStartingWith("cannot add the host key of host:22 to ");
    }

    @Test
    void fingerprintMatchesOpenSshs() {
        assertThat(KnownHostsVerifier.fingerprint(key)).isEqualTo(TestKeys.fingerprint(key)).startsWith("SHA256:");
    }

    // OpenSSH's HashKnownHosts format: |1|base64(salt)|base64(HMAC-SHA1(salt, host)).
    private static String hashed(String host) throws Exception {
        var salt = new byte[20];
        new java.security.SecureRandom().nextBytes(salt);
        var mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        var hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
        return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hash);
    }
}
