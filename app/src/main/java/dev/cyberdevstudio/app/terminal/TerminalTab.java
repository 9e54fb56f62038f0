package dev.cyberdevstudio.app.terminal;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** View model of one terminal tab: its shell, its title and whether the shell still runs. */
public final class TerminalTab {

    private final ShellSession session;
    private final String baseTitle;
    private final ReadOnlyStringWrapper title;
    private final ReadOnlyObjectWrapper<TerminalState> state = new ReadOnlyObjectWrapper<>(new TerminalState.Running());

    TerminalTab(ShellSession session) {
        this.session = session;
        this.baseTitle = session.shellName() + " — " + folderName(session.folder());
        this.title = new ReadOnlyStringWrapper(baseTitle);
    }

    public ShellSession session() {
        return session;
    }

    public Path folder() {
        return session.folder();
    }

    /** The shell's name and folder, such as {@code bash — myproject}, plus how it exited once it has. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public String title() {
        return title.get();
    }

    public ReadOnlyObjectProperty<TerminalState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public TerminalState state() {
        return state.get();
    }

    void exited(int exitCode) {
        if (state.get() instanceof TerminalState.Running) {
            state.set(new TerminalState.Exited(exitCode));
            title.set(baseTitle + " (exited " + exitCode + ")");
        }
    }

    void closed() {
        state.set(new TerminalState.Closed());
    }

    private static String folderName(Path folder) {
        var name = folder.getFileName();
        return name == null ? folder.toString() : name.toString();
    }
}
