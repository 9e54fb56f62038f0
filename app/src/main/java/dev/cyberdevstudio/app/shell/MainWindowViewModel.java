package dev.cyberdevstudio.app.shell;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.app.theme.StudioTheme;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.engine.store.RecentProject;
import dev.cyberdevstudio.engine.store.RecentProjects;
import dev.cyberdevstudio.engine.store.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: the open project, recent projects, the theme, the status line and the layout.
 * Persistence goes through the engine's {@link Settings} and {@link RecentProjects}, off the UI thread.
 */
public final class MainWindowViewModel {

    static final String THEME_KEY = "ui.theme";
    static final String LAYOUT_KEY = "ui.window.layout";
    static final String LAST_PROJECT_KEY = "project.last";
    private static final String APP_NAME = "CyberDevStudio";

    private final Settings settings;
    private final RecentProjects recentProjects;
    private final TaskExecutor executor;
    private final ThemeCatalog themes;

    private final ReadOnlyObjectWrapper<Path> project = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP_NAME);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper storeWarning = new ReadOnlyStringWrapper("");
    private final ObservableList<RecentProject> recents = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<StudioTheme> theme = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty terminalVisible = new SimpleBooleanProperty(true);

    public MainWindowViewModel(Settings settings, RecentProjects recentProjects, TaskExecutor executor,
                               ThemeCatalog themes, Optional<String> storeProblem) {
        this.settings = settings;
        this.recentProjects = recentProjects;
        this.executor = executor;
        this.themes = themes;
        theme.set(settings.get(THEME_KEY).flatMap(themes::byId).orElse(themes.defaultTheme()));
        storeProblem.ifPresent(problem -> storeWarning.set(
            "Settings and recent projects are not being saved: " + problem));
        project.addListener((observable, before, after) ->
            title.set(after == null ? APP_NAME : after.getFileName() + " — " + APP_NAME));
    }

    public ReadOnlyObjectProperty<Path> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Optional<Path> project() {
        return Optional.ofNullable(project.get());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Empty while the store works; otherwise why nothing is being remembered. */
    public ReadOnlyStringProperty storeWarningProperty() {
        return storeWarning.getReadOnlyProperty();
    }

    public ObservableList<RecentProject> recentProjects() {
        return FXCollections.unmodifiableObservableList(recents);
    }

    public ReadOnlyObjectProperty<StudioTheme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public List<StudioTheme> themes() {
        return themes.themes();
    }

    public BooleanProperty terminalVisibleProperty() {
        return terminalVisible;
    }

    /**
     * Opens the folder named on the command line, or else the project open when the studio last closed,
     * if it still exists; always loads the recent projects.
     */
    public void start(Optional<Path> commandLineFolder) {
        refreshRecents();
        if (commandLineFolder.isPresent()) {
            openProject(commandLineFolder.get());
            return;
        }
        settings.get(LAST_PROJECT_KEY).map(Path::of).filter(Files::isDirectory).ifPresent(this::openProject);
    }

    /** Opens a folder as the project; a path that is not a folder leaves the current project open. */
    public boolean openProject(Path folder) {
        var absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            var reason = Files.exists(absolute) ? "it is a file, not a folder" : "it does not exist";
            status.set("Cannot open " + absolute + ": " + reason);
            return false;
        }
        project.set(absolute);
        status.set("Opened " + absolute);
        executor.submit(() -> {
            recentProjects.opened(absolute);
            settings.put(LAST_PROJECT_KEY, absolute.toString());
            return recentProjects.list();
        }, recents::setAll, this::reportStoreFailure);
        return true;
    }

    /** Opens a recent project; one whose folder has gone is dropped from the list with a message. */
    public void openRecent(RecentProject recent) {
        if (!openProject(recent.folder())) {
            status.set("Removed " + recent.folder() + " from recent projects: the folder no longer exists");
            executor.submit(() -> {
                recentProjects.remove(recent.folder());
                return recentProjects.list();
            }, recents::setAll, this::reportStoreFailure);
        }
    }

    public void closeProject() {
        project.set(null);
        status.set("Project closed");
        executor.submit(() -> {
            settings.remove(LAST_PROJECT_KEY);
            return null;
        }, ignored -> { }, this::reportStoreFailure);
    }

    public void chooseTheme(StudioTheme chosen) {
        theme.set(chosen);
        executor.submit(() -> {
            settings.put(THEME_KEY, chosen.id());
            return null;
        }, ignored -> { }, this::reportStoreFailure);
    }

    public WindowLayout savedLayout() {
        return settings.get(LAYOUT_KEY).flatMap(WindowLayout::decode).orElse(WindowLayout.DEFAULT);
    }

    /** Saves the layout on the calling thread: it runs while the window closes, when no later callback would. */
    public void saveLayout(WindowLayout layout) {
        try {
            settings.put(LAYOUT_KEY, layout.encode());
        } catch (RuntimeException e) {
            reportStoreFailure(e);
        }
    }

    public void showStatus(String message) {
        status.set(message);
    }

    private void refreshRecents() {
        executor.submit(recentProjects::list, recents::setAll, this::reportStoreFailure);
    }

    private void reportStoreFailure(Throwable error) {
        status.set("Could not save settings: " + error.getMessage());
    }
}
