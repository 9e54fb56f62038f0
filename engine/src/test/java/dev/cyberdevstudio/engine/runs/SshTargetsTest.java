package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.runs.SshTargets.Entry;
import dev.cyberdevstudio.engine.runs.SshTargets.Field;
import dev.cyberdevstudio.engine.runs.SshTargets.Problem;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import dev.cyberdevstudio.sandbox.ssh.SshTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's SSH targets, kept in the real store (H2) of a real engine. */
class SshTargetsTest {

    @TempDir
    Path temp;

    private StudioHome home;
    private Path key;

    @BeforeEach
    void createHomeAndKey() throws IOException {
        home = new StudioHome(temp.resolve("home")).ensureCreated();
        key = Files.writeString(temp.resolve("id_ed25519"), "not parsed until a run connects");
    }

    private Entry entry(String name, String host, int port) {
        return new Entry(name, host, port, "dev", key, home.root().resolve("ssh").resolve("known_hosts"));
    }

    @Test
    void keepsTargetsAcrossARestartWithoutThePassphrase() {
        try (var engine = LocalEngine.start(home)) {
            var targets = engine.sshTargets();
            assertThat(targets.add(entry("build box", "build.example.org", 2222))).isEmpty();
            assertThat(targets.add(entry("pi", "192.168.1.7", 22))).isEmpty();
            targets.rememberPassphrase("build box", "s3cret-passphrase");
            assertThat(targets.list().getFirst().passphrase()).contains("s3cret-passphrase");
            assertThat(engine.settings().get(SshTargets.SETTING)).get().asString()
                    .contains("build.example.org").doesNotContain("s3cret");
        }

        try (var engine = LocalEngine.start(home)) {
            assertThat(engine.sshTargets().list()).containsExactly(
                    new SshTarget("build box", "build.example.org", 2222, "dev", key, Optional.empty(),
                            home.root().resolve("ssh").resolve("known_hosts")),
                    new SshTarget("pi", "192.168.1.7", 22, "dev", key, Optional.empty(),
                            home.root().resolve("ssh").resolve("known_hosts")));
            assertThat(engine.runs().sshTargets()).containsExactly("build box", "pi");
        }
    }

    @Test
    void theEnginesRunServiceSeesATargetAsSoonAsItIsAdded() {
        try (var engine = LocalEngine.start(home)) {
            assertThat(engine.runs().sshTargets()).isEmpty();
            engine.sshTargets().add(entry("late", "127.0.0.1", 22));
            assertThat(engine.runs().sshTargets()).containsExactly("late");
        }
    }

    @Test
    void replacesAndRenamesATargetKeepingItsPlaceAndSessionPassphrase() {
        var targets = new SshTargets(new InMemorySettings(), home);
        targets.add(entry("a", "a.example.org", 22));
        targets.add(entry("b", "b.example.org", 22));
        targets.rememberPassphrase("a", "pw");

        assertThat(targets.replace("a", entry("a2", "a2.example.org", 2022))).isEmpty();

        assertThat(targets.entries()).extracting(Entry::name).containsExactly("a2", "b");
        assertThat(targets.find("a2")).get().extracting(Entry::host, Entry::port).containsExactly("a2.example.org",
                2022);
        assertThat(targets.list().getFirst().passphrase()).contains("pw");
        assertThat(targets.find("a")).isEmpty();
    }

    @Test
    void replacingKeepsItsOwnNameButNotAnotherTargets() {
        var targets = new SshTargets(new InMemorySettings(), home);
        targets.add(entry("a", "a.example.org", 22));
        targets.add(entry("b", "b.example.org", 22));

        assertThat(targets.replace("a", entry("a", "new.example.org", 22))).isEmpty();
        assertThat(targets.replace("a", entry("b", "new.example.org", 22))).extracting(Problem::field)
                .containsExactly(Field.NAME);
        assertThat(targets.replace("missing", entry("c", "c.example.org", 22))).singleElement()
                .extracting(Problem::message).asString().contains("no SSH target named missing");
        assertThat(targets.entries()).extracting(Entry::host).containsExactly("new.example.org", "b.example.org");
    }

    @Test
    void removesATargetAndItsPassphrase() {
        var targets = new SshTargets(new InMemorySettings(), home);
        targets.add(entry("a", "a.example.org", 22));
        targets.rememberPassphrase("a", "pw");

        assertThat(targets.remove("a")).isTrue();
        assertThat(targets.remove("a")).isFalse();
        assertThat(targets.list()).isEmpty();
        targets.add(entry("a", "a.example.org", 22));
        assertThat(targets.list().getFirst().passphrase()).isEmpty();
    }

    @Test
    void validationNamesEveryFieldThatIsWrong() {
        var targets = new SshTargets(new InMemorySettings(), home);
        var problems = targets.add(new Entry(" ", "", 0, "  ", temp.resolve("no-such-key"), temp));

        assertThat(problems).extracting(Problem::field).containsExactly(Field.NAME, Field.HOST, Field.PORT,
                Field.USER, Field.PRIVATE_KEY, Field.KNOWN_HOSTS);
        assertThat(problems).extracting(Problem::message).containsExactly(
                "Name: give the target a name to choose it by.",
                "Host: type the host's name or address.",
                "Port: must be between 1 and 65535, not 0.",
                "User: type the user to log in as.",
                "Key file: " + temp.resolve("no-such-key") + " is not a file.",
                "known_hosts: " + temp + " is not a readable file.");
        assertThat(targets.entries()).isEmpty();
    }

    @Test
    void refusesADuplicateNameAPortAboveRangeAndAHostWithSpaces() {
        var targets = new SshTargets(new InMemorySettings(), home);
        targets.add(entry("box", "box.example.org", 22));

        assertThat(targets.validate(entry("box", "bad host", 65_536))).extracting(Problem::message).containsExactly(
                "Name: there is already a target named box.",
                "Host: a host name has no spaces.",
                "Port: must be between 1 and 65535, not 65536.");
        assertThat(targets.validate("box", entry("box", "box.example.org", 65_535))).isEmpty();
        assertThat(targets.add(new Entry("k", "h", 22, "u", null, null))).extracting(Problem::field)
                .containsExactly(Field.PRIVATE_KEY, Field.KNOWN_HOSTS);
    }

    @Test
    void refusesAKeyFileThatCannotBeRead() throws IOException {
        var unreadable = Files.writeString(temp.resolve("locked"), "key");
        assertThat(unreadable.toFile().setReadable(false, false)).isTrue();
        // Root reads anything; the check only means something for an ordinary user.
        assumeFalse(Files.isReadable(unreadable));

        var targets = new SshTargets(new InMemorySettings(), home);
        assertThat(targets.validate(new Entry("k", "h", 22, "u", unreadable, home.root().resolve("kh"))))
                .singleElement().isEqualTo(new Problem(Field.PRIVATE_KEY, "Key file: " + unreadable
                        + " cannot be read."));
    }

    @Test
    void aMissingKnownHostsFileIsFineAndTheDefaultIsTheStudiosOwn() {
        var targets = new SshTargets(new InMemorySettings(), home);
        assertThat(targets.defaultKnownHosts()).isEqualTo(home.root().resolve("ssh").resolve("known_hosts"))
                .doesNotExist();
        assertThat(targets.validate(entry("x", "x.example.org", 22))).isEmpty();
    }

    @Test
    void startsEmptyWhenTheStoredValueIsNotJsonAndOverwritesItOnSave() {
        var settings = new InMemorySettings();
        settings.put(SshTargets.SETTING, "{not json");
        var targets = new SshTargets(settings, home);

        assertThat(targets.list()).isEmpty();
        assertThat(targets.add(entry("x", "x.example.org", 22))).isEmpty();
        assertThat(new SshTargets(settings, home).entries()).extracting(Entry::name).containsExactly("x");
    }

    @Test
    void skipsAStoredTargetThatIsNoLongerValid() {
        var settings = new InMemorySettings();
        settings.put(SshTargets.SETTING, "[{\"name\":\"bad\",\"host\":\"\",\"port\":22,\"user\":\"u\","
                + "\"privateKey\":\"/k\",\"knownHosts\":\"/kh\"},{\"name\":\"ok\",\"host\":\"h\",\"user\":\"u\","
                + "\"privateKey\":\"/k\",\"knownHosts\":\"/kh\"}]");

        assertThat(new SshTargets(settings, home).list()).singleElement().satisfies(target -> {
            assertThat(target.name()).isEqualTo("ok");
            assertThat(target.port()).isEqualTo(22);
        });
    }
}
