package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the user, in a dialog on the FX thread, whether to trust an SSH host key that known_hosts does not list yet.
 * The SSH run's background thread waits for the answer.
 *
 * <pre>{@code
 * engine.hostKeyPrompts().set(new FxHostKeyPrompt(() -> stage));
 * }</pre>
 *
 * "Reject" is the default button, so that a stray Enter does not trust a key; closing the dialog rejects too.
 */
public final class FxHostKeyPrompt implements HostKeyPrompt {

    private static final Logger LOG = LoggerFactory.getLogger(FxHostKeyPrompt.class);

    static final ButtonType REMEMBER = new ButtonType("Trust and remember", ButtonBar.ButtonData.OTHER);
    static final ButtonType ONCE = new ButtonType("Trust once", ButtonBar.ButtonData.OTHER);
    static final ButtonType REJECT = new ButtonType("Reject", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final Supplier<Window> owner;

    /** @param owner the window the dialog belongs to; it may return null before the main window is shown */
    public FxHostKeyPrompt(Supplier<Window> owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public Decision ask(UnknownHostKey key) {
        Objects.requireNonNull(key, "key");
        if (Platform.isFxApplicationThread()) {
            // Waiting here would freeze the very thread that has to show the dialog.
            LOG.warn("Asked about the host key of {}:{} on the FX thread; rejecting it", key.host(), key.port());
            return Decision.REJECT;
        }
        var answer = new CompletableFuture<Decision>();
        var shown = new CompletableFuture<Alert>();
        Platform.runLater(() -> {
            try {
                var alert = dialog(key);
                alert.setOnHidden(event -> answer.complete(decision(Optional.ofNullable(alert.getResult()))));
                shown.complete(alert);
                alert.show();
            } catch (RuntimeException failure) {
                answer.completeExceptionally(failure);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException interrupted) {
            // The run was stopped while the dialog was open: take the question away and refuse.
            Thread.currentThread().interrupt();
            shown.thenAccept(alert -> Platform.runLater(alert::close));
            return Decision.REJECT;
        } catch (ExecutionException failed) {
            LOG.warn("Could not ask about the host key of {}:{}", key.host(), key.port(), failed.getCause());
            return Decision.REJECT;
        }
    }

    private Alert dialog(UnknownHostKey key) {
        var alert = new Alert(Alert.AlertType.CONFIRMATION, "", REMEMBER, ONCE, REJECT);
        var window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.setTitle("Unknown SSH host key");
        alert.setHeaderText("Trust the host " + key.host() + ":" + key.port() + "?");
        alert.setContentText("known_hosts does not list this host yet.\n\n"
                + "Host: " + key.host() + "\n"
                + "Port: " + key.port() + "\n"
                + "Key type: " + key.keyType() + "\n"
                + "Fingerprint: " + key.fingerprint() + "\n\n"
                + "Compare the fingerprint with the one the host's administrator gives you (ssh-keygen -lf on the"
                + " host's public key) before you trust it.");
        alert.getDialogPane().setId("host-key-dialog");
        var pane = alert.getDialogPane();
        ((Button) pane.lookupButton(REMEMBER)).setId("host-key-remember");
        ((Button) pane.lookupButton(ONCE)).setId("host-key-once");
        var reject = (Button) pane.lookupButton(REJECT);
        reject.setId("host-key-reject");
        reject.setDefaultButton(true);
        return alert;
    }

    static Decision decision(Optional<ButtonType> button) {
        return button.map(chosen -> chosen == REMEMBER ? Decision.ACCEPT_AND_REMEMBER
                : chosen == ONCE ? Decision.ACCEPT_ONCE : Decision.REJECT).orElse(Decision.REJECT);
    }
}
