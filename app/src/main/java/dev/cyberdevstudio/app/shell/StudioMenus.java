package dev.cyberdevstudio.app.shell;

import dev.cyberdevstudio.app.actions.ActionRegistry;
import dev.cyberdevstudio.app.actions.CommandPalette;
import dev.cyberdevstudio.app.actions.KeymapDialog;
import dev.cyberdevstudio.app.actions.StudioAction;
import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.app.symbols.EditorSymbols;
import dev.cyberdevstudio.app.theme.StudioTheme;
import dev.cyberdevstudio.engine.VersionInfo;
import dev.cyberdevstudio.engine.store.RecentProject;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Window;

/**
 * The menu bar. Every command in it is a registered {@link StudioAction}, so that the command palette and the
 * keymap know it too; each item shows the key its action has now, and follows when the user rebinds it. The keys
 * themselves run through {@link dev.cyberdevstudio.app.actions.KeyBindings} on the scene.
 */
final class StudioMenus {

    private final MainWindowViewModel viewModel;
    private final EditorTabsViewModel editors;
    private final MainWindow window;
    private final ActionRegistry actions;
    private final EditorSymbols symbols;
    private final MenuBar bar = new MenuBar();
    private final CommandPalette palette;
    private final KeymapDialog keymap;

    StudioMenus(MainWindowViewModel viewModel, EditorTabsViewModel editors, MainWindow window, ActionRegistry actions,
                EditorSymbols symbols) {
        this.viewModel = viewModel;
        this.editors = editors;
        this.window = window;
        this.actions = actions;
        this.symbols = symbols;
        this.palette = new CommandPalette(actions);
        this.keymap = new KeymapDialog(actions);
    }

    MenuBar menuBar() {
        bar.getMenus().setAll(file(), edit(), view(), navigate(), git(), run(), terminal(), tools(), help());
        bar.setId("menu-bar");
        return bar;
    }

    private Window owner() {
        return bar.getScene().getWindow();
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
        var closeProject = item(action("file.close-project", "Close Project", "File", null, window::closeProject));
        closeProject.disableProperty().bind(viewModel.projectProperty().isNull());
        var settings = new Menu("Settings");
        settings.setId("menu-settings");
        settings.getItems().add(item(action(KeymapDialog.ACTION_ID, "Keyboard Shortcuts (Keymap)…", "Preferences",
            null, () -> keymap.show(owner())), "Keymap…"));
        return menu("File", "menu-file",
            item(action("file.open-folder", "Open Folder…", "File", "Shortcut+O", window::chooseFolder)),
            recent,
            new SeparatorMenuItem(),
            item(action("file.save", "Save", "File", "Shortcut+S", editors::saveActive)),
            item(action("file.save-all", "Save All", "File", "Shortcut+Shift+S", editors::saveAll)),
            item(action("file.close-tab", "Close Tab", "File", "Shortcut+W", editors::closeActive)),
            closeProject,
            new SeparatorMenuItem(),
            settings,
            new SeparatorMenuItem(),
            item(action("file.quit", "Quit", "File", "Shortcut+Q", window::quit)));
    }

    private Menu edit() {
        return menu("Edit", "menu-edit",
            item(action("edit.undo", "Undo", "Edit", "Shortcut+Z", editors::undo)),
            item(action("edit.redo", "Redo", "Edit", "Shortcut+Shift+Z", editors::redo)),
            new SeparatorMenuItem(),
            item(action("edit.find", "Find…", "Edit", "Shortcut+F", editors::find)),
            item(action("edit.replace", "Replace…", "Edit", "Shortcut+H", editors::replace)),
            new SeparatorMenuItem(),
            item(action("search.find-in-files", "Find in Files…", "Search", "Shortcut+Shift+F",
                window::showSearchInFiles)));
    }

    private Menu view() {
        var themeMenu = new Menu("Theme");
        themeMenu.setId("menu-theme");
        var group = new ToggleGroup();
        for (StudioTheme theme : viewModel.themes()) {
            var themeAction = action("view.theme." + theme.id(), "Color Theme: " + theme.name(), "View", null,
                () -> viewModel.chooseTheme(theme));
            var choice = new RadioMenuItem(theme.name());
            choice.setId("theme-" + theme.id());
            choice.setToggleGroup(group);
            choice.setSelected(theme.equals(viewModel.themeProperty().get()));
            choice.acceleratorProperty().bind(actions.shortcut(themeAction.id()));
            choice.setOnAction(event -> actions.run(themeAction.id()));
            themeMenu.getItems().add(choice);
        }
        viewModel.themeProperty().addListener((observable, before, after) -> group.getToggles().forEach(toggle ->
            toggle.setSelected(((RadioMenuItem) toggle).getText().equals(after.name()))));
        // The check item toggles the bound property itself when clicked; its key runs the action instead.
        var toggleTerminal = action("view.toggle-terminal", "Toggle Terminal", "View", "Shortcut+J",
            window::toggleTerminal);
        var terminalShown = new CheckMenuItem("Terminal");
        terminalShown.setId("menu-toggle-terminal");
        terminalShown.acceleratorProperty().bind(actions.shortcut(toggleTerminal.id()));
        terminalShown.selectedProperty().bindBidirectional(viewModel.terminalVisibleProperty());
        var showPalette = action(CommandPalette.ACTION_ID, "Show All Commands", "View", "Shortcut+Shift+P",
            () -> palette.show(owner()));
        return menu("View", "menu-view",
            item(showPalette, "Command Palette…"),
            new SeparatorMenuItem(),
            themeMenu, terminalShown);
    }

    private Menu navigate() {
        var goToSymbol = action(EditorSymbols.GO_TO_SYMBOL_ID, "Go to Symbol in File…", "Navigate",
            "Shortcut+Shift+O", () -> symbols.goToSymbol(owner()));
        action(EditorSymbols.FILE_STRUCTURE_ID, "File Structure", "Navigate", "Shortcut+F12",
            () -> symbols.goToSymbol(owner()));
        var goToFile = action("navigate.go-to-file", "Go to File…", "Navigate", "Shortcut+P", window::showQuickOpen);
        action("navigate.go-to-file-intellij", "Go to File… (IntelliJ keys)", "Navigate", "Shortcut+Shift+N",
            window::showQuickOpen);
        return menu("Navigate", "menu-navigate",
            item(goToFile),
            item(action("navigate.go-to-line", "Go to Line…", "Navigate", "Shortcut+G", editors::goToLine)),
            item(goToSymbol));
    }

    private Menu git() {
        return menu("Git", "menu-git",
            item(action("git.compare-with-head", "Compare with HEAD", "Git", "Shortcut+D", window::compareWithHead)),
            item(action("diff.compare-with-saved", "Compare with Saved", "Git", "Shortcut+Alt+D",
                window::compareWithSaved)),
            item(action("diff.compare-with-file", "Compare with File…", "Git", null, window::compareWithFile)),
            new SeparatorMenuItem(),
            item(action("git.revert-hunk", "Revert Change at Caret", "Git", "Shortcut+Alt+Z",
                window::revertChangeAtCaret)));
    }

    private Menu terminal() {
        return menu("Terminal", "menu-terminal",
            item(action("terminal.new", "New Terminal", "Terminal", "Shortcut+Shift+T", window::newTerminal)));
    }

    private Menu run() {
        return menu("Run", "menu-run",
            item(action("run.command", "Run Command…", "Run", "Shift+F10", window::showRun)),
            item(action("run.current-file", "Run Current File", "Run", "Shortcut+Shift+F10", window::runCurrentFile)));
    }

    private Menu tools() {
        return menu("Tools", "menu-tools",
            item(action("tools.playground", "LLM Playground", "Tools", "Shortcut+Shift+L", window::showPlayground)),
            item(action("tools.admin", "Models, System and Usage", "Tools", "Shortcut+Shift+M", window::showAdmin)));
    }

    private Menu help() {
        action(CommandPalette.FIND_ACTION_ID, "Find Action…", "Help", "Shortcut+Shift+A",
            () -> palette.show(owner()));
        return menu("Help", "menu-help",
            item(actions.find(CommandPalette.FIND_ACTION_ID).orElseThrow()),
            item(action("help.about", "About CyberDevStudio", "Help", null, () -> {
                var alert = new Alert(Alert.AlertType.INFORMATION, VersionInfo.current().describe());
                alert.setHeaderText("CyberDevStudio");
                alert.show();
            })));
    }

    private StudioAction action(String id, String name, String category, String key, Runnable handler) {
        return actions.register(new StudioAction(id, name, category, key, handler));
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

    private MenuItem item(StudioAction action) {
        return item(action, action.name());
    }

    /** A menu item that runs {@code action} and shows its current key; {@code text} may differ from its name. */
    private MenuItem item(StudioAction action, String text) {
        var item = new MenuItem(text);
        item.setId("menu-" + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
        item.acceleratorProperty().bind(actions.shortcut(action.id()));
        item.setOnAction(event -> actions.run(action.id()));
        return item;
    }
}
