package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.ServerStatus;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The language servers' state as one line for the status bar: "pyright: starting…", "pyright ✓", "pyright is not
 * installed — npm install -g pyright". A missing or failed server is a hint here and never a dialog. Runs on the
 * FX thread; {@link LanguageSupport} brings the servers' reports there.
 *
 * <pre>{@code
 * statusBar.addFact("status-language-server", languages.status().textProperty());
 * }</pre>
 */
public final class LanguageStatusViewModel {

    private static final String SEPARATOR = "  ·  ";

    private final Map<String, ServerStatus> servers = new TreeMap<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyBooleanWrapper needsAttention = new ReadOnlyBooleanWrapper(this, "needsAttention");

    /** Takes a server's new state. */
    public void show(ServerStatus status) {
        if (status.state() == ServerStatus.State.STOPPED) {
            servers.remove(status.serverName());
        } else {
            servers.put(status.serverName(), status);
        }
        update();
    }

    /** Forgets every server (the project closed). */
    public void clear() {
        servers.clear();
        update();
    }

    /** One line about every server that is not stopped; empty when none runs. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The servers' own messages, one per line, for the status bar's tooltip. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** True while a server is missing, failed or restarting: the status bar may stress the text. */
    public ReadOnlyBooleanProperty needsAttentionProperty() {
        return needsAttention.getReadOnlyProperty();
    }

    private void update() {
        var parts = new ArrayList<String>();
        var lines = new ArrayList<String>();
        boolean attention = false;
        for (var status : servers.values()) {
            parts.add(line(status));
            if (!status.message().isBlank()) {
                lines.add(status.serverName() + ": " + status.message().strip());
            }
            attention |= status.state() == ServerStatus.State.MISSING || status.state() == ServerStatus.State.FAILED
                    || status.state() == ServerStatus.State.RESTARTING;
        }
        text.set(String.join(SEPARATOR, parts));
        details.set(String.join("\n", lines));
        needsAttention.set(attention);
    }

    static String line(ServerStatus status) {
        var name = status.serverName();
        var message = status.message() == null ? "" : status.message().strip();
        return switch (status.state()) {
            case STARTING -> name + ": starting…";
            case RUNNING -> name + " ✓";
            case RESTARTING -> name + " restarted after a crash";
            case MISSING -> missing(name, message);
            case FAILED -> message.isEmpty() ? name + " failed and is off until the project opens again"
                    : name + " failed: " + message;
            case STOPPED -> name + " stopped";
        };
    }

    // The engine's message says how to install the server; it may or may not already say that it is missing.
    private static String missing(String name, String message) {
        if (message.isEmpty()) {
            return name + " is not installed";
        }
        if (message.toLowerCase(Locale.ROOT).contains("not installed")
                || message.toLowerCase(Locale.ROOT).contains("not found")) {
            return message.startsWith(name) ? message : name + ": " + message;
        }
        return name + " is not installed — " + message;
    }
}
