package dev.cyberdevstudio.app.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.lsp.ServerStatus;
import dev.cyberdevstudio.engine.lsp.ServerStatus.State;
import org.junit.jupiter.api.Test;

class LanguageStatusViewModelTest {

    private final LanguageStatusViewModel status = new LanguageStatusViewModel();

    @Test
    void saysAMissingServerIsNotInstalledAndHowToInstallIt() {
        status.show(new ServerStatus("pyright", State.MISSING, "npm install -g pyright"));

        assertThat(status.textProperty().get()).isEqualTo("pyright is not installed — npm install -g pyright");
        assertThat(status.needsAttentionProperty().get()).isTrue();
        assertThat(status.detailsProperty().get()).isEqualTo("pyright: npm install -g pyright");
    }

    @Test
    void keepsTheEnginesOwnSentenceWhenItAlreadySaysTheServerIsMissing() {
        status.show(new ServerStatus("pyright", State.MISSING,
                "the command was not found; install it with npm install -g pyright"));

        assertThat(status.textProperty().get())
                .isEqualTo("pyright: the command was not found; install it with npm install -g pyright");
        assertThat(LanguageStatusViewModel.line(new ServerStatus("pyright", State.MISSING, "")))
                .isEqualTo("pyright is not installed");
    }

    @Test
    void followsAServerThroughStartingRunningAndACrash() {
        status.show(new ServerStatus("pyright", State.STARTING, ""));
        assertThat(status.textProperty().get()).isEqualTo("pyright: starting…");
        assertThat(status.needsAttentionProperty().get()).isFalse();

        status.show(new ServerStatus("pyright", State.RUNNING, ""));
        assertThat(status.textProperty().get()).isEqualTo("pyright ✓");

        status.show(new ServerStatus("pyright", State.RESTARTING, "exited with code 1"));
        assertThat(status.textProperty().get()).isEqualTo("pyright restarted after a crash");
        assertThat(status.needsAttentionProperty().get()).isTrue();
    }

    @Test
    void saysAFailedServerIsOff() {
        status.show(new ServerStatus("typescript-language-server", State.FAILED, "crashed 5 times in a minute"));

        assertThat(status.textProperty().get())
                .isEqualTo("typescript-language-server failed: crashed 5 times in a minute");
        assertThat(LanguageStatusViewModel.line(new ServerStatus("x", State.FAILED, "")))
                .isEqualTo("x failed and is off until the project opens again");
    }

    @Test
    void showsEveryServerAndDropsStoppedOnes() {
        status.show(new ServerStatus("pyright", State.RUNNING, ""));
        status.show(new ServerStatus("gopls", State.STARTING, ""));

        assertThat(status.textProperty().get()).isEqualTo("gopls: starting…  ·  pyright ✓");

        status.show(new ServerStatus("gopls", State.STOPPED, ""));
        assertThat(status.textProperty().get()).isEqualTo("pyright ✓");

        status.clear();
        assertThat(status.textProperty().get()).isEmpty();
    }
}
