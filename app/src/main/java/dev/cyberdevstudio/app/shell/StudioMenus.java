package dev.cyberdevstudio.app.shell;

import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.app.theme.StudioTheme;
import dev.cyberdevstudio.engine.VersionInfo;
import dev.cyberdevstudio.engine.store.RecentProject;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/** The menu bar: every command of the window, with its keyboard shortcut. */
final class StudioMenus {

    private final MainWindowViewModel viewModel;
    private final EditorTabsViewModel editors;
    private final MainWindow window;

    StudioMenus(MainWindowViewModel viewModel, EditorTabsViewModel editors, MainWindow window) {
        this.viewModel = viewModel;
        this.editors = editors;
        this.window = window;
    }

    MenuBar menuBar() {
        var bar = new MenuBar(file(), edit(), view(), run(), terminal(), tools(), help());
        bar.setId("menu-bar");
        return bar;
    }

    private Menu file() {
        var recent = new Menu("Open Recent");
        recent.setId("menu-open-recent");
        Runnable fill = () -> {
            recent.getItems().setAll(viewModel.recentProjects().stream().map(this::recentItem).toList());
            recent.setDisable(recent.getItems().isEmpty());
        };
        viewModel.recentProjects().addListener((ListChangeListener<RecentProject>) change -> fill.run());
        fill.run();
        var closeProject = item("Close Project", null, window::closeProject);
        closeProject.disableProperty().bind(viewModel.projectProperty().isNull());
        return menu("File", "menu-file",
            item("Open Folder…", "Shortcut+O", window::chooseFolder),
            recent,
            new SeparatorMenuItem(),
            item("Save", "Shortcut+S", editors::saveActive),
            item("Save All", "Shortcut+Shift+S", editors::saveAll),
            item("Close Tab", "Shortcut+W", editors::closeActive),
            closeProject,
            new SeparatorMenuItem(),
            item("Quit", "Shortcut+Q", window::quit));
    }

    private Menu edit() {
        return menu("Edit", "menu-edit",
            item("Undo", "Shortcut+Z", editors::undo),
            item("Redo", "Shortcut+Shift+Z", editors::redo),
            new SeparatorMenuItem(),
            item("Find…", "Shortcut+F", editors::find),
            item("Replace…", "Shortcut+H", editors::replace),
            item("Go to Line…", "Shortcut+G", editors::goToLine),
            new SeparatorMenuItem(),
            item("Go to File…", "Shortcut+P", window::showQuickOpen),
            item("Find in Files…", "Shortcut+Shift+F", window::showSearchInFiles));
    }

    private Menu view() {
        var themeMenu = new Menu("Theme");
        themeMenu.setId("menu-theme");
        var group = new ToggleGroup();
        for (StudioTheme theme : viewModel.themes()) {
            var choice = new RadioMenuItem(theme.name());
            choice.setId("theme-" + theme.id());
            choice.setToggleGroup(group);
            choice.setSelected(theme.equals(viewModel.themeProperty().get()));
            choice.setOnAction(event -> viewModel.chooseTheme(theme));
            themeMenu.getItems().add(choice);
        }
        viewModel.themeProperty().addListener((observable, before, after) -> group.getToggles().forEach(toggle ->
            toggle.setSelected(((RadioMenuItem) toggle).getText().equals(after.name()))));
        var terminalShown = new CheckMenuItem("Terminal");
        terminalShown.setId("menu-toggle-terminal");
        terminalShown.setAccelerator(KeyCombination.keyCombination("Shortcut+J"));
        terminalShown.selectedProperty().bindBidirectional(viewModel.terminalVisibleProperty());
        return menu("View", "menu-view", themeMenu, terminalShown);
    }

    private Menu terminal() {
        return menu("Terminal", "menu-terminal", item("New Terminal", "Shortcut+Shift+T", window::newTerminal));
    }

    private Menu run() {
        return menu("Run", "menu-run",
            item("Run Command…", "Shift+F10", window::showRun),
            item("Run Current File", "Shortcut+Shift+F10", window::runCurrentFile));
    }

    private Menu tools() {
        return menu("Tools", "menu-tools",
            item("LLM Playground", "Shortcut+Shift+L", window::showPlayground),
            item("Models, System and Usage", "Shortcut+Shift+M", window::showAdmin));
    }

    private Menu help() {
        return menu("Help", "menu-help", item("About CyberDevStudio", null, () -> {
            var alert = new Alert(Alert.AlertType.INFORMATION, VersionInfo.current().describe());
            alert.setHeaderText("CyberDevStudio");
            alert.show();
        }));
    }

    private MenuItem recentItem(RecentProject recent) {
        var item = new MenuItem(recent.folder().toString());
        item.setMnemonicParsing(false);
        item.setOnAction(event -> {
            if (editors.closeAll()) {
                viewModel.openRecent(recent);
            }
        });
        return item;
    }

    private static Menu menu(String name, String id, MenuItem... items) {
        var menu = new Menu(name, null, items);
        menu.setId(id);
        return menu;
    }

    private static MenuItem item(String name, String accelerator, Runnable action) {
        var item = new MenuItem(name);
        item.setId("menu-" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }
}
