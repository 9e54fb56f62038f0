package dev.cyberdevstudio.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.engine.store.InMemoryRecentProjects;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import dev.cyberdevstudio.engine.store.RecentProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainWindowViewModelTest {

    private final InMemorySettings settings = new InMemorySettings();
    private final InMemoryRecentProjects recents = new InMemoryRecentProjects();
    private final ThemeCatalog catalog = ThemeCatalog.load();

    @TempDir
    Path temp;

    private MainWindowViewModel viewModel() {
        return new MainWindowViewModel(settings, recents, new CurrentThreadTaskExecutor(), catalog, Optional.empty());
    }

    @Test
    void openingAFolderMakesItTheProjectAndTheNewestRecent() throws IOException {
        var older = Files.createDirectory(temp.resolve("older"));
        var newer = Files.createDirectory(temp.resolve("newer"));
        var viewModel = viewModel();

        viewModel.openProject(older);
        viewModel.openProject(newer);

        assertThat(viewModel.project()).contains(newer);
        assertThat(viewModel.titleProperty().get()).isEqualTo("newer — CyberDevStudio");
        assertThat(viewModel.recentProjects()).extracting(RecentProject::folder).containsExactly(newer, older);
    }

    @Test
    void aMissingFolderOrAFileIsRefusedWithTheReasonAndTheProjectStays() throws IOException {
        var project = Files.createDirectory(temp.resolve("project"));
        var file = Files.writeString(temp.resolve("notes.txt"), "x");
        var viewModel = viewModel();
        viewModel.openProject(project);

        assertThat(viewModel.openProject(temp.resolve("gone"))).isFalse();
        assertThat(viewModel.statusProperty().get()).contains("gone").contains("does not exist");
        assertThat(viewModel.openProject(file)).isFalse();
        assertThat(viewModel.statusProperty().get()).contains("notes.txt").contains("not a folder");
        assertThat(viewModel.project()).contains(project);
    }

    @Test
    void aRecentProjectWhoseFolderWentAwayIsDroppedFromTheList() throws IOException {
        var gone = Files.createDirectory(temp.resolve("gone"));
        recents.opened(gone);
        Files.delete(gone);
        var viewModel = viewModel();
        viewModel.start(Optional.empty());

        viewModel.openRecent(viewModel.recentProjects().getFirst());

        assertThat(viewModel.project()).isEmpty();
        assertThat(viewModel.recentProjects()).isEmpty();
        assertThat(viewModel.statusProperty().get()).contains("no longer exists");
    }

    @Test
    void reopensTheLastProjectUnlessTheCommandLineNamesAnother() throws IOException {
        var last = Files.createDirectory(temp.resolve("last"));
        var named = Files.createDirectory(temp.resolve("named"));
        viewModel().openProject(last);

        var restarted = viewModel();
        restarted.start(Optional.empty());
        assertThat(restarted.project()).contains(last);

        var withFolder = viewModel();
        withFolder.start(Optional.of(named));
        assertThat(withFolder.project()).contains(named);
    }

    @Test
    void closingTheProjectForgetsItForTheNextStart() throws IOException {
        var project = Files.createDirectory(temp.resolve("p"));
        var viewModel = viewModel();
        viewModel.openProject(project);

        viewModel.closeProject();

        assertThat(viewModel.project()).isEmpty();
        var restarted = viewModel();
        restarted.start(Optional.empty());
        assertThat(restarted.project()).isEmpty();
        assertThat(restarted.recentProjects()).extracting(RecentProject::folder).containsExactly(project);
    }

    @Test
    void theChosenThemeIsRememberedAndAnUnknownOneFallsBackToTheDefault() {
        var serialSteel = catalog.byId("serial-steel").orElseThrow();
        viewModel().chooseTheme(serialSteel);

        assertThat(viewModel().themeProperty().get()).isEqualTo(serialSteel);

        settings.put(MainWindowViewModel.THEME_KEY, "vanished-theme");
        assertThat(viewModel().themeProperty().get()).isEqualTo(catalog.defaultTheme());
    }

    @Test
    void theLayoutIsRememberedAndAGarbledOneGivesTheDefault() {
        var layout = new WindowLayout(5, 6, 1000, 700, false, 0.25, 0.5, false);
        viewModel().saveLayout(layout);
        assertThat(viewModel().savedLayout()).isEqualTo(layout);

        settings.put(MainWindowViewModel.LAYOUT_KEY, "garbled");
        assertThat(viewModel().savedLayout()).isEqualTo(WindowLayout.DEFAULT);
    }

    @Test
    void saysWhenTheStoreCannotKeepAnything() {
        var viewModel = new MainWindowViewModel(settings, recents, new CurrentThreadTaskExecutor(), catalog,
            Optional.of("studio.mv.db is corrupt"));

        assertThat(viewModel.storeWarningProperty().get()).contains("not being saved").contains("corrupt");
        assertThat(viewModel().storeWarningProperty().get()).isEmpty();
    }
}
