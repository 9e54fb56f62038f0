package dev.cyberdevstudio.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.terminal.TerminalPalette;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.runs.InMemoryRunHistory;
import dev.cyberdevstudio.engine.runs.RunLaunchers;
import dev.cyberdevstudio.engine.runs.RunRequest;
import dev.cyberdevstudio.engine.runs.RunService;
import dev.cyberdevstudio.engine.runs.SshRunLauncher;
import dev.cyberdevstudio.engine.runs.SshTargets;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt;
import dev.cyberdevstudio.sandbox.ssh.SshRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "SSH targets…" dialog of the execution view in a real window, over the engine's real target store. */
@ExtendWith(ApplicationExtension.class)
class SshTargetsDialogTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path temp;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private SshTargets targets;
    private RunService runs;
    private RunViewModel viewModel;

    @Start
    void start(Stage stage) {
        targets = new SshTargets(new InMemorySettings(), new StudioHome(temp.resolve("home")));
        runs = new RunService(RunLaunchers.byKind(Map.of(RunRequest.Kind.SSH,
                new SshRunLauncher(new SshRunner(), targets::list, HostKeyPrompt.rejectUnknown()))),
                new InMemoryRunHistory());
        viewModel = new RunViewModel(runs, executor, temp);
        var pane = new RunPane(viewModel, TerminalPalette.defaults(), window -> Optional.empty());
        viewModel.setSshTargetSettings(targets);
        stage.setScene(new Scene(pane, 1100, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        runs.close();
        executor.close();
    }

    @Test
    void theButtonShowsOnlyForSshRuns(FxRobot robot) throws Exception {
        assertThat(onFx(() -> robot.lookup("#run-ssh-targets").queryButton().isVisible())).isFalse();
        robot.interact(() -> viewModel.engineProperty().set(RunRequest.Kind.SSH));
        assertThat(onFx(() -> robot.lookup("#run-ssh-targets").queryButton().isVisible())).isTrue();
    }

    @Test
    void aTargetAddedInTheDialogAppearsInTheTargetCombo(FxRobot robot) throws Exception {
        var key = Files.writeString(temp.resolve("id_test"), "key");
        robot.interact(() -> viewModel.engineProperty().set(RunRequest.Kind.SSH));
        robot.clickOn("#run-ssh-targets");
        await(() -> robot.lookup("#ssh-target-name").tryQuery().isPresent());

        robot.clickOn("#ssh-target-name").write("lab");
        robot.clickOn("#ssh-target-host").write("127.0.0.1");
        robot.interact(() -> {
            robot.lookup("#ssh-target-port").queryAs(TextField.class).setText("2222");
            robot.lookup("#ssh-target-user").queryAs(TextField.class).setText("tester");
        });
        robot.clickOn("#ssh-target-save");
        await(() -> text(robot, "#ssh-target-message").startsWith("Key file: choose"));
        assertThat(targets.entries()).isEmpty();

        robot.interact(() -> robot.lookup("#ssh-target-key").queryAs(TextField.class).setText(key.toString()));
        robot.clickOn("#ssh-target-save");
        await(() -> text(robot, "#ssh-target-message").equals("Saved lab."));

        @SuppressWarnings("unchecked")
        var combo = (ComboBox<String>) robot.lookup("#run-ssh-target").queryAs(ComboBox.class);
        await(() -> onFx(() -> List.copyOf(combo.getItems())).equals(List.of("lab")));
        assertThat(onFx(combo::getValue)).isEqualTo("lab");
        assertThat(targets.list()).singleElement().satisfies(target -> {
            assertThat(target.address()).isEqualTo("tester@127.0.0.1:2222");
            assertThat(target.knownHosts()).isEqualTo(targets.defaultKnownHosts());
        });

        robot.clickOn("#ssh-target-remove");
        await(() -> onFx(() -> combo.getItems().isEmpty()));
        assertThat(onFx(combo::getValue)).isNull();
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button button) -> "Close".equals(button.getText()))
                .queryButton());
        await(() -> robot.lookup("#ssh-targets-dialog").tryQuery().isEmpty());
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + TIMEOUT);
            }
            Thread.sleep(20);
        }
    }
}
