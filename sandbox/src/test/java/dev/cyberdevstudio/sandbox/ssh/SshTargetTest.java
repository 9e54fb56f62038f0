package dev.cyberdevstudio.sandbox.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SshTargetTest {

    private static SshTarget target(String host, int port, String user, Optional<String> passphrase) {
        return new SshTarget("box", host, port, user, Path.of("/keys/id_ed25519"), passphrase,
                Path.of("/keys/known_hosts"));
    }

    @Test
    void namesItselfAsUserAtHostAndPort() {
        var target = target("build.example.org", 2222, "dev", Optional.empty());

        assertThat(target.address()).isEqualTo("dev@build.example.org:2222");
        assertThat(target.hostAndPort()).isEqualTo("build.example.org:2222");
    }

    @Test
    void neverPrintsThePassphrase() {
        var target = target("host", 22, "dev", Optional.of("s3cret-phrase"));

        assertThat(target.toString()).doesNotContain("s3cret-phrase").contains("dev@host:22", "with passphrase");
        assertThat(target(("host"), 22, "dev", Optional.empty()).toString()).doesNotContain("passphrase");
    }

    @Test
    void refusesAnImpossiblePortOrABlankHostOrUser() {
        assertThatThrownBy(() -> target("host", 0, "dev", Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("port must be between 1 and 65535, not 0");
        assertThatThrownBy(() -> target("host", 65_536, "dev", Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> target(" ", 22, "dev", Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("host must not be blank");
        assertThatThrownBy(() -> target("host", 22, "", Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("user must not be blank");
        assertThatThrownBy(() -> target("host", 22, null, Optional.empty())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void headlessPromptRejectsEveryUnknownKey() {
        var key = new HostKeyPrompt.UnknownHostKey("host", 22, "ssh-ed25519", "SHA256:abc");

        assertThat(HostKeyPrompt.rejectUnknown().ask(key)).isEqualTo(HostKeyPrompt.Decision.REJECT);
        assertThat(key.describe()).isEqualTo("The host host:22 is not in known_hosts yet. Its ssh-ed25519 key has the "
                + "fingerprint SHA256:abc.");
    }

    @Test
    void showsKeysInTheHomeFolderTheWayTheUserTypesThem() {
        var home = Path.of(System.getProperty("user.home"));

        assertThat(SshConnector.shown(home.resolve(".ssh/id_ed25519"))).isEqualTo("~/.ssh/id_ed25519");
        assertThat(SshConnector.shown(Path.of("/elsewhere/id_rsa"))).isEqualTo("/elsewhere/id_rsa");
    }
}
