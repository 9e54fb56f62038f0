package dev.cyberdevstudio.app.terminal;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View model of the terminal tabs: which shells run, which one is selected, and the palette they are painted with.
 *
 * <pre>{@code
 * var terminals = new TerminalTabsViewModel(executor);
 * var pane = new TerminalTabsPane(terminals);
 * terminals.openTerminal(projectFolder);
 * pane.applyPalette(TerminalPalette.fromProperties(themeProperties));
 * // on exit: terminals.closeAll().get(3, TimeUnit.SECONDS);
 * }</pre>
 *
 * Shells start and end on background threads; the tab list changes on the UI thread only.
 */
public final class TerminalTabsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalTabsViewModel.class);

    private final TaskExecutor executor;
    private final ShellLauncher launcher;
    private final ObservableList<TerminalTab> tabs = FXCollections.observableArrayList();
    private final ObservableList<TerminalTab> readOnlyTabs = FXCollections.unmodifiableObservableList(tabs);
    private final ObjectProperty<TerminalTab> selectedTab = new SimpleObjectProperty<>(this, "selectedTab");
    private final ObjectProperty<Path> defaultFolder = new SimpleObjectProperty<>(this, "defaultFolder");
    private final ObjectProperty<TerminalPalette> palette =
            new SimpleObjectProperty<>(this, "palette", TerminalPalette.defaults());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** Terminals running the current user's login shell; "+" opens in the user's home until a folder is given. */
    public TerminalTabsViewModel(TaskExecutor executor) {
        this(executor, PtyShellLauncher.forCurrentUser(), Path.of(System.getProperty("user.home")));
    }

    public TerminalTabsViewModel(TaskExecutor executor, ShellLauncher launcher, Path defaultFolder) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.defaultFolder.set(Objects.requireNonNull(defaultFolder, "defaultFolder"));
    }

    /** The open terminals, in tab order (read-only: open and close through this view model). */
    public ObservableList<TerminalTab> tabs() {
        return readOnlyTabs;
    }

    /** Whether no terminal is open. */
    public boolean isEmpty() {
        return tabs.isEmpty();
    }

    public ObjectProperty<TerminalTab> selectedTabProperty() {
        return selectedTab;
    }

    /** Where {@link #openAnother()} opens a terminal when none is selected: the project folder, once one is open. */
    public ObjectProperty<Path> defaultFolderProperty() {
        return defaultFolder;
    }

    /** The palette every terminal is painted with, those opened later included. */
    public ObjectProperty<TerminalPalette> paletteProperty() {
        return palette;
    }

    /** Why the last terminal could not be opened; empty after one opened. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Starts a shell in {@code workingFolder} in a new tab, which becomes the selected one.
     *
     * @return completes on the UI thread once the tab is there, or with why it could not be opened
     */
    public CompletableFuture<TerminalOpening> openTerminal(Path workingFolder) {
        Objects.requireNonNull(workingFolder, "workingFolder");
        var opening = new CompletableFuture<TerminalOpening>();
        executor.submit(() -> launcher.start(workingFolder),
                session -> opening.complete(new TerminalOpening.Opened(add(session))),
                failure -> opening.complete(failed(workingFolder, failure)));
        return opening;
    }

    /** The "+" action: another terminal in the selected terminal's folder, else in the default folder. */
    public CompletableFuture<TerminalOpening> openAnother() {
        var selected = selectedTab.get();
        return openTerminal(selected != null ? selected.folder() : defaultFolder.get());
    }

    /** Closes {@code tab}'s terminal and ends its shell with every process the shell started. */
    public CompletableFuture<Void> close(TerminalTab tab) {
        int index = tabs.indexOf(tab);
        if (index < 0) {
            return CompletableFuture.completedFuture(null);
        }
        tabs.remove(index);
        if (selectedTab.get() == tab) {
            selectedTab.set(tabs.isEmpty() ? null : tabs.get(Math.min(index, tabs.size() - 1)));
        }
        tab.closed();
        var session = tab.session();
        CompletableFuture<Void> ending;
        try {
            ending = executor.submit(() -> {
                session.terminate();
                return null;
            });
        } catch (RejectedExecutionException shuttingDown) {
            // The studio is exiting; closing the terminal widget still ends the shell on the terminal's own thread.
            ending = CompletableFuture.failedFuture(shuttingDown);
        }
        return ending.handle((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("Could not end terminal shell {} (pid {})", session.shellName(), session.pid(), failure);
            }
            return null;
        });
    }

    /** Closes every terminal; the studio waits on the result (briefly) before it exits. */
    public CompletableFuture<Void> closeAll() {
        var closing = List.copyOf(tabs).stream().map(this::close).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(closing);
    }

    private TerminalTab add(ShellSession session) {
        var tab = new TerminalTab(session);
        tabs.add(tab);
        selectedTab.set(tab);
        message.set("");
        session.exitCode().whenComplete((code, failure) ->
                executor.runOnUi(() -> tab.exited(code == null ? -1 : code)));
        return tab;
    }

    private TerminalOpening failed(Path folder, Throwable failure) {
        var reason = failure.getMessage() == null || failure.getMessage().isBlank()
                ? "Cannot open a terminal in " + folder + " (" + failure.getClass().getSimpleName() + ")."
                : failure.getMessage();
        LOG.warn("Could not open a terminal in {}", folder, failure);
        message.set(reason);
        return new TerminalOpening.Failed(folder, reason);
    }
}
