package dev.cyberdevstudio.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.runs.InMemoryRunHistory;
import dev.cyberdevstudio.engine.runs.RunLaunchers;
import dev.cyberdevstudio.engine.runs.RunRequest;
import dev.cyberdevstudio.engine.runs.RunService;
import dev.cyberdevstudio.engine.runs.SshRunLauncher;
import dev.cyberdevstudio.engine.runs.SshTargets;
import dev.cyberdevstudio.engine.runs.SshTargets.Field;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt;
import dev.cyberdevstudio.sandbox.ssh.SshRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH targets dialog's view model over the engine's real target store, and the run view model's target list. */
class SshTargetsViewModelTest {

    @TempDir
    Path temp;

    private SshTargets targets;
    private RunViewModel runs;
    private SshTargetsViewModel editor;
    private Path key;

    @BeforeEach
    void create() throws IOException {
        key = Files.writeString(temp.resolve("id_ed25519"), "key");
        targets = new SshTargets(new InMemorySettings(), new StudioHome(temp.resolve("home")));
        var service = new RunService(RunLaunchers.byKind(Map.of(RunRequest.Kind.SSH,
                new SshRunLauncher(new SshRunner(), targets::list, HostKeyPrompt.rejectUnknown()))),
                new InMemoryRunHistory());
        runs = new RunViewModel(service, new CurrentThreadTaskExecutor(), temp);
        runs.refresh();
        runs.setSshTargetSettings(targets);
        editor = runs.sshTargetsEditorProperty().get();
    }

    private void fill(String name, String host, String port) {
        editor.nameProperty().set(name);
        editor.hostProperty().set(host);
        editor.portProperty().set(port);
        editor.userProperty().set("dev");
        editor.privateKeyProperty().set(key.toString());
    }

    @Test
    void aNewFormHasPort22AndTheStudiosKnownHosts() {
        assertThat(editor.editingProperty().get()).isNull();
        assertThat(editor.portProperty().get()).isEqualTo("22");
        assertThat(editor.knownHostsProperty().get()).isEqualTo(targets.defaultKnownHosts().toString());
        assertThat(editor.messageProperty().get()).isEmpty();
    }

    @Test
    void savingANewTargetStoresItAndTheRunViewChoosesIt() {
        fill("build box", "127.0.0.1", "2222");
        editor.save();

        assertThat(editor.messageProperty().get()).isEqualTo("Saved build box.");
        assertThat(editor.names()).containsExactly("build box");
        assertThat(editor.editingProperty().get()).isEqualTo("build box");
        assertThat(targets.list()).singleElement().satisfies(target -> {
            assertThat(target.port()).isEqualTo(2222);
            assertThat(target.privateKey()).isEqualTo(key);
        });
        assertThat(runs.sshTargets()).containsExactly("build box");
        assertThat(runs.sshTargetProperty().get()).isEqualTo("build box");
    }

    @Test
    void showsEveryProblemAndMarksTheFieldsWithoutSaving() {
        fill("", "", "twenty-two");
        editor.privateKeyProperty().set("");
        editor.save();

        assertThat(editor.invalidFields()).containsExactlyInAnyOrder(Field.NAME, Field.HOST, Field.PORT,
                Field.PRIVATE_KEY);
        assertThat(editor.messageProperty().get()).isEqualTo("Port: type a number between 1 and 65535.\n"
                + "Name: give the target a name to choose it by.\n"
                + "Host: type the host's name or address.\n"
                + "Key file: choose the private key to log in with.");
        assertThat(targets.entries()).isEmpty();

        fill("ok", "h", "22");
        editor.save();
        assertThat(editor.invalidFields()).isEmpty();
        assertThat(targets.entries()).hasSize(1);
    }

    @Test
    void editingRenamesTheTargetAndTheRunViewFollows() {
        fill("old", "127.0.0.1", "22");
        editor.save();
        editor.newTarget();
        fill("other", "127.0.0.2", "22");
        editor.save();
        runs.sshTargetProperty().set("old");

        editor.edit("old");
        assertThat(editor.hostProperty().get()).isEqualTo("127.0.0.1");
        editor.nameProperty().set("new");
        editor.portProperty().set("x");
        editor.save();
        assertThat(editor.messageProperty().get()).isEqualTo("Port: type a number between 1 and 65535.");
        editor.portProperty().set("2200");
        editor.save();

        assertThat(editor.names()).containsExactly("new", "other");
        assertThat(runs.sshTargets()).containsExactly("new", "other");
        // The chosen target is gone under its old name: the first one left is chosen instead of a dangling name.
        assertThat(runs.sshTargetProperty().get()).isEqualTo("new");
        assertThat(targets.find("new")).get().extracting(SshTargets.Entry::port).isEqualTo(2200);
    }

    @Test
    void removingTheTargetEmptiesTheFormAndTheRunViewsChoice() {
        fill("only", "127.0.0.1", "22");
        editor.save();
        editor.remove();

        assertThat(editor.messageProperty().get()).isEqualTo("Removed only.");
        assertThat(editor.editingProperty().get()).isNull();
        assertThat(editor.nameProperty().get()).isEmpty();
        assertThat(runs.sshTargets()).isEmpty();
        assertThat(runs.sshTargetProperty().get()).isNull();

        editor.remove();
        assertThat(editor.messageProperty().get()).isEqualTo("Choose a target to remove.");
    }

    @Test
    void editingATargetThatIsGoneSaysSo() {
        editor.edit("ghost");
        assertThat(editor.messageProperty().get()).isEqualTo("The SSH target ghost is gone.");
        editor.edit(null);
        assertThat(editor.editingProperty().get()).isNull();
    }

    @Test
    void anSshRunWithNoTargetPointsAtTheDialog() {
        runs.engineProperty().set(RunRequest.Kind.SSH);
        runs.commandLineProperty().set("uname -a");
        runs.run();
        assertThat(runs.messageProperty().get()).isEqualTo(
                "No SSH target is configured: add one with SSH targets… first.");
    }
}
