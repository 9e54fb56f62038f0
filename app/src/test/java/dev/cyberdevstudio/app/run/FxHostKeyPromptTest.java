package dev.cyberdevstudio.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt.Decision;
import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt.UnknownHostKey;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The host key dialog answers the background thread that asked, with the button the user pressed. */
@ExtendWith(ApplicationExtension.class)
class FxHostKeyPromptTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final UnknownHostKey KEY = new UnknownHostKey("127.0.0.1", 2222, "ssh-ed25519",
            "SHA256:Rm5kQ0xxTestFingerprint");

    private Stage stage;
    private FxHostKeyPrompt prompt;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        prompt = new FxHostKeyPrompt(() -> this.stage);
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void trustOnceReachesTheWaitingCallerAndTheDialogShowsTheKey(FxRobot robot) throws Exception {
        var answer = askInBackground();
        await(() -> robot.lookup("#host-key-once").tryQuery().isPresent());
        var content = onFx(() -> robot.lookup("#host-key-dialog").queryAs(DialogPane.class).getContentText());
        assertThat(content).contains("Host: 127.0.0.1", "Port: 2222", "Key type: ssh-ed25519",
                "Fingerprint: SHA256:Rm5kQ0xxTestFingerprint");
        assertThat(answer).isNotDone();

        robot.clickOn("#host-key-once");

        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(Decision.ACCEPT_ONCE);
    }

    @Test
    void trustAndRememberReachesTheCaller(FxRobot robot) throws Exception {
        var answer = askInBackground();
        await(() -> robot.lookup("#host-key-remember").tryQuery().isPresent());
        robot.clickOn("#host-key-remember");
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(Decision.ACCEPT_AND_REMEMBER);
    }

    @Test
    void rejectIsTheDefaultButtonSoEnterRejects(FxRobot robot) throws Exception {
        var answer = askInBackground();
        await(() -> robot.lookup("#host-key-reject").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#host-key-reject").queryButton().isDefaultButton())).isTrue();
        robot.clickOn("#host-key-reject");
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(Decision.REJECT);
    }

    @Test
    void askingOnTheFxThreadRejectsInsteadOfFreezing() throws Exception {
        assertThat(onFx(() -> prompt.ask(KEY))).isEqualTo(Decision.REJECT);
    }

    @Test
    void anInterruptedCallerGetsRejectAndTheDialogCloses(FxRobot robot) throws Exception {
        var decision = new CompletableFuture<Decision>();
        var caller = Thread.ofPlatform().start(() -> decision.complete(prompt.ask(KEY)));
        await(() -> robot.lookup("#host-key-dialog").tryQuery().isPresent());

        caller.interrupt();

        assertThat(decision.get(10, TimeUnit.SECONDS)).isEqualTo(Decision.REJECT);
        await(() -> robot.lookup("#host-key-dialog").tryQuery().isEmpty());
    }

    private CompletableFuture<Decision> askInBackground() {
        return CompletableFuture.supplyAsync(() -> prompt.ask(KEY));
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
