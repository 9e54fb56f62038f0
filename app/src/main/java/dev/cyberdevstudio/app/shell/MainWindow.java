package dev.cyberdevstudio.app.shell;

import dev.cyberdevstudio.app.actions.ActionRegistry;
import dev.cyberdevstudio.app.actions.KeyBindings;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.app.diff.DiffCommands;
import dev.cyberdevstudio.app.diff.DiffWindow;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.app.editor.EditorTabsPane;
import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.app.editor.FxEditorDialogs;
import dev.cyberdevstudio.app.editor.editing.EditingActions;
import dev.cyberdevstudio.app.editor.encoding.EncodingNoticeBar;
import dev.cyberdevstudio.app.editor.editing.EditingFeature;
import dev.cyberdevstudio.app.editor.highlight.SyntaxHighlighting;
import dev.cyberdevstudio.app.git.GitGutter;
import dev.cyberdevstudio.app.git.GitGutters;
import dev.cyberdevstudio.app.git.GitStatusViewModel;
import dev.cyberdevstudio.app.lsp.LanguageActions;
import dev.cyberdevstudio.app.lsp.LanguageSupport;
import dev.cyberdevstudio.app.lsp.LocationsPane;
import dev.cyberdevstudio.app.lsp.ProblemsPane;
import dev.cyberdevstudio.app.project.FxProjectDialogs;
import dev.cyberdevstudio.app.project.ProjectTreePane;
import dev.cyberdevstudio.app.project.ProjectTreeViewModel;
import dev.cyberdevstudio.app.run.FxHostKeyPrompt;
import dev.cyberdevstudio.app.search.FileOpener;
import dev.cyberdevstudio.app.search.QuickOpenPopup;
import dev.cyberdevstudio.app.search.QuickOpenViewModel;
import dev.cyberdevstudio.app.search.SearchInFilesPane;
import dev.cyberdevstudio.app.search.SearchInFilesViewModel;
import dev.cyberdevstudio.app.run.RunPane;
import dev.cyberdevstudio.app.run.RunViewModel;
import dev.cyberdevstudio.app.symbols.EditorSymbols;
import dev.cyberdevstudio.app.terminal.ShellLauncher;
import dev.cyberdevstudio.app.terminal.TerminalPalette;
import dev.cyberdevstudio.app.terminal.TerminalTabsPane;
import dev.cyberdevstudio.app.terminal.TerminalTabsViewModel;
import dev.cyberdevstudio.app.theme.StudioTheme;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.git.GitRepositories;
import dev.cyberdevstudio.engine.lsp.LanguageService;
import dev.cyberdevstudio.engine.lsp.LanguageServices;
import dev.cyberdevstudio.engine.search.FileIndex;
import dev.cyberdevstudio.engine.syntax.Language;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.fxmisc.richtext.CodeArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's window: project tree on the left, editor tabs in the centre, terminals below, status bar at the
 * bottom. It wires the panes' view models together; each pane only binds to its own view model.
 * The terminal is built after the first frame: starting a PTY is the slowest part of the window.
 */
final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private static final long TERMINAL_SHUTDOWN_SECONDS = 3;

    private final Stage stage;
    private final MainWindowViewModel viewModel;
    private final ThemeManager themes;
    private final TaskExecutor executor;
    private final ShellLauncher shells;

    private final ProjectTreeViewModel tree;
    private final EditorTabsViewModel editors;
    private final StackPane terminalSlot = new StackPane();
    private final SplitPane sideSplit = new SplitPane();
    private final SplitPane centreSplit = new SplitPane();
    private final WelcomePane welcome;
    private final StatusBar statusBar;
    private TerminalTabsViewModel terminals;
    private TerminalTabsPane terminalPane;
    private final ToolWindows tools;
    private final LocalEngine engine;
    /** The panel under the editor: the terminals and the execution view, shown and hidden together. */
    private final TabPane bottomTabs = new TabPane();
    private final Tab terminalTab = new Tab("Terminal");
    private final Tab runTab = new Tab("Run");
    private final Tab searchTab = new Tab("Search");
    private final QuickOpenViewModel quickOpen;
    private final QuickOpenPopup quickOpenPopup;
    private final SearchInFilesViewModel search;
    private final SearchInFilesPane searchPane;
    private final GitRepositories repositories = new GitRepositories();
    private final GitStatusViewModel gitStatus;
    private final DiffCommands diffs;
    private EditorTabsPane editorPane;
    private final LanguageSupport languages;
    private final Tab problemsTab = new Tab();
    private final Tab referencesTab = new Tab("References");
    /** The open project's language servers; null while no project is open. */
    private LanguageService languageService;
    /** The open project's files, for quick open and search in files; null while no project is open. */
    private FileIndex searchIndex;
    private RunViewModel runs;
    private RunPane runPane;
    private CompletableFuture<RunViewModel> runsOpening;
    private CompletableFuture<?> firstTerminal;
    private boolean closingWithoutAsking;
    /** Where the editor/terminal divider was last: kept while the terminal is hidden, restored when it returns. */
    private double terminalDivider;

    MainWindow(Stage stage, MainWindowViewModel viewModel, ThemeManager themes, TaskExecutor executor,
               ShellLauncher shells, LocalEngine engine) {
        this.stage = stage;
        this.tools = new ToolWindows(stage, engine, executor);
        this.engine = engine;
        this.shells = shells;
        this.viewModel = viewModel;
        this.themes = themes;
        this.executor = executor;
        this.tree = new ProjectTreeViewModel(executor, new FxProjectDialogs(stage));
        this.editors = new EditorTabsViewModel(executor, new FxEditorDialogs(() -> stage));
        this.welcome = new WelcomePane(viewModel, this::chooseFolder, viewModel::openRecent);
        this.statusBar = new StatusBar(viewModel);

        var opener = FileOpener.into(editors);
        this.quickOpen = new QuickOpenViewModel(executor, opener);
        this.quickOpenPopup = new QuickOpenPopup(quickOpen);
        this.search = new SearchInFilesViewModel(executor, opener);
        this.searchPane = new SearchInFilesPane(search);

        tree.setOnOpenFile(editors::open);
        this.gitStatus = new GitStatusViewModel(executor, repositories);
        this.diffs = new DiffCommands(executor, repositories, view -> DiffWindow.show(stage, view),
            () -> Optional.ofNullable(new FileChooser().showOpenDialog(stage)).map(File::toPath),
            viewModel::showStatus);
        tree.setOnFilesChanged(paths -> {
            editors.filesChanged(paths);
            gitStatus.refresh();
            if (searchIndex != null) {
                searchIndex.pathsChanged(paths);
            }
        });
        editors.activeDocumentProperty().addListener((observable, before, document) -> {
            if (document != null && document.path() != null) {
                quickOpen.noteOpened(document.path());
            }
        });

        editorPane = new EditorTabsPane(editors);
        var gitGutters = new GitGutters(executor, repositories);
        editorPane.addEditorFeature(gitGutters);
        editorPane.addEditorFeature(EncodingNoticeBar::attach);
        languages = new LanguageSupport(executor, editors::find, editors::openAt);
        editorPane.addEditorFeature(languages::attach);
        gitStatus.headCommitProperty().addListener((observable, was, is) -> gitGutters.refreshAll());
        gitStatus.setProject(viewModel.project().orElse(null));
        gitStatus.startPolling(javafx.util.Duration.seconds(5));
        editorPane.setHighlighting(this::highlight);
        var editorArea = new StackPane(editorPane, welcome);
        welcome.visibleProperty().bind(viewModel.projectProperty().isNull());
        centreSplit.setOrientation(Orientation.VERTICAL);
        centreSplit.getItems().add(editorArea);
        terminalSlot.getStyleClass().add("studio-panel");
        terminalTab.setId("bottom-terminal");
        terminalTab.setClosable(false);
        terminalTab.setContent(terminalSlot);
        runTab.setId("bottom-run");
        runTab.setClosable(false);
        runTab.setContent(new StackPane(new Label("Starting the sandbox…")));
        searchTab.setId("bottom-search");
        searchTab.setClosable(false);
        searchTab.setContent(searchPane);
        problemsTab.setId("bottom-problems");
        problemsTab.setClosable(false);
        problemsTab.setContent(new ProblemsPane(languages.problems()));
        problemsTab.textProperty().bind(languages.problems().titleProperty());
        referencesTab.setId("bottom-references");
        referencesTab.setClosable(false);
        referencesTab.setContent(new LocationsPane(languages.references()));
        languages.setOnReferencesShown(() -> showBottom(referencesTab));
        bottomTabs.getTabs().addAll(terminalTab, runTab, searchTab, problemsTab, referencesTab);
        bottomTabs.setId("bottom-panel");
        bottomTabs.getStyleClass().addAll("studio-panel", "bottom-panel");
        bottomTabs.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after == runTab) {
                runs();
            } else if (after == terminalTab && centreSplit.getItems().contains(bottomTabs)) {
                ensureTerminal();
            }
        });
        sideSplit.getItems().addAll(new ProjectTreePane(tree), centreSplit);
        SplitPane.setResizableWithParent(sideSplit.getItems().getFirst(), false);

        var root = new BorderPane(sideSplit);
        var actions = new ActionRegistry(engine.settings(), executor);
        EditingActions.registerAll(actions, editorPane);
        LanguageActions.register(actions, editorPane::activeEditor);
        editorPane.addEditorFeature(new EditingFeature(id -> actions.shortcut(id).get())::attach);
        var symbols = EditorSymbols.install(editorPane, executor, viewModel::project);
        root.setTop(new StudioMenus(viewModel, editors, this, actions, symbols).menuBar());
        root.setBottom(statusBar);
        statusBar.addFact("status-language-server", languages.status().textProperty());
        statusBar.addFact("status-problems", languages.problems().summaryProperty());
        statusBar.addFact("status-git-branch", gitStatus.branchTextProperty());
        statusBar.addFact("status-caret", editors.activeDocumentProperty().flatMap(document ->
            Bindings.format("Ln %d, Col %d", document.caretLineProperty(), document.caretColumnProperty())));
        statusBar.addFact("status-language", editors.activeDocumentProperty().flatMap(document ->
            readOnlyMarked(document.languageNameProperty(), document.readOnlyProperty())));
        statusBar.addFact("status-theme", viewModel.themeProperty().map(StudioTheme::name));

        var layout = viewModel.savedLayout();
        var scene = new Scene(root, layout.width(), layout.height());
        themes.style(scene);
        KeyBindings.install(scene, actions);
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        if (layout.hasPosition()) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        stage.setMaximized(layout.maximized());
        sideSplit.setDividerPositions(layout.sidebarDivider());
        terminalDivider = layout.terminalDivider();
        centreSplit.setDividerPositions(terminalDivider);
        viewModel.terminalVisibleProperty().set(layout.terminalVisible());

        viewModel.projectProperty().addListener((observable, before, after) -> projectChanged(after));
        viewModel.themeProperty().addListener((observable, before, after) -> applyTheme(after));
        viewModel.terminalVisibleProperty().addListener((observable, before, after) -> showTerminal(after));
        stage.setOnCloseRequest(this::onCloseRequest);
    }

    void show() {
        stage.show();
    }

    /** Work that need not delay the first frame. */
    void afterFirstFrame() {
        showTerminal(viewModel.terminalVisibleProperty().get());
    }

    void warnAboutStore(String problem) {
        var alert = new Alert(Alert.AlertType.WARNING, problem
            + "\n\nThe studio works normally, but settings and recent projects are kept only until it closes.");
        alert.setHeaderText("Settings cannot be saved");
        alert.initOwner(stage);
        alert.show();
    }

    void chooseFolder() {
        var chooser = new DirectoryChooser();
        chooser.setTitle("Open Folder");
        viewModel.project().map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        Optional.ofNullable(chooser.showDialog(stage)).map(File::toPath).ifPresent(this::openProject);
    }

    void openProject(Path folder) {
        if (editors.closeAll()) {
            viewModel.openProject(folder);
        }
    }

    void closeProject() {
        if (editors.closeAll()) {
            viewModel.closeProject();
        }
    }

    void newTerminal() {
        boolean first = terminals().isEmpty();
        showBottom(terminalTab);
        // Showing an empty terminal tab starts the first shell; any later one is opened here.
        var opened = first ? ensureTerminal() : terminals.openTerminal(terminalFolder());
        opened.thenRun(terminalPane::focusSelectedTerminal);
    }

    /** Shows the execution view with the cursor in its command field. */
    void showRun() {
        showBottom(runTab);
        runs().thenRun(() -> Optional.ofNullable(runPane).map(pane -> pane.lookup("#run-command"))
            .ifPresent(Node::requestFocus));
    }

    /** Runs the file of the editor tab in front: Python, shell, JavaScript, Java's single-file sources, WASM. */
    void runCurrentFile() {
        showBottom(runTab);
        runs().thenRun(() -> runs.runCurrentFile());
    }

    /** Quick open (Ctrl+P): fuzzy search over the project's files. */
    void showQuickOpen() {
        quickOpenPopup.show(stage);
    }

    /** Search in files (Ctrl+Shift+F), in the bottom panel. */
    void showSearchInFiles() {
        showBottom(searchTab);
        searchPane.focusQuery();
    }

    void compareWithHead() {
        editors.activeDocument().ifPresent(diffs::compareWithHead);
    }

    void compareWithSaved() {
        editors.activeDocument().ifPresent(diffs::compareWithSaved);
    }

    void compareWithFile() {
        editors.activeDocument().ifPresent(diffs::compareWithChosenFile);
    }

    void revertChangeAtCaret() {
        editorPane.activeEditor().flatMap(editor -> editor.feature(GitGutter.class))
            .ifPresent(GitGutter::revertHunkAtCaret);
    }

    void showPlayground() {
        tools.showPlayground();
    }

    void showAdmin() {
        tools.showAdmin();
    }

    ToolWindows tools() {
        return tools;
    }

    void toggleTerminal() {
        viewModel.terminalVisibleProperty().set(!viewModel.terminalVisibleProperty().get());
    }

    void quit() {
        stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    void closeWithoutAsking() {
        closingWithoutAsking = true;
        saveLayout();
        stage.close();
    }

    void dispose() {
        engine.hostKeyPrompts().reset();
        tree.close();
        useIndex(null);
        if (languageService != null) {
            // The servers must be gone before the JVM exits; closing waits a few seconds at most.
            languageService.close();
            languageService = null;
        }
        gitStatus.close();
        repositories.close();
        tools.close();
        if (terminals != null) {
            try {
                // The shells must be gone before the JVM exits, or their PTY threads keep it alive.
                terminals.closeAll().get(TERMINAL_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Terminals did not close within {} s", TERMINAL_SHUTDOWN_SECONDS, e);
            }
        }
    }

    private void onCloseRequest(WindowEvent event) {
        if (closingWithoutAsking) {
            return;
        }
        if (!editors.closeAll()) {
            event.consume();
            return;
        }
        saveLayout();
    }

    private void saveLayout() {
        var dividers = sideSplit.getDividerPositions();
        rememberTerminalDivider();
        viewModel.saveLayout(new WindowLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
            stage.isMaximized(), dividers.length > 0 ? dividers[0] : Double.NaN,
            terminalDivider,
            viewModel.terminalVisibleProperty().get()));
    }

    private void projectChanged(Path folder) {
        useIndex(folder == null ? null : FileIndex.open(folder));
        gitStatus.setProject(folder);
        useLanguageService(folder);
        if (folder == null) {
            tree.close();
            return;
        }
        tree.open(folder);
        if (terminals != null && terminals.isEmpty()) {
            terminals.openTerminal(folder);
        }
    }

    /** Stops the previous project's language servers (in the background: a server may take a moment) and starts
     *  the next project's, lazily: nothing runs until a file a server serves is opened. */
    private void useLanguageService(Path folder) {
        languages.disconnect();
        var previous = languageService;
        languageService = null;
        if (previous != null) {
            executor.submit(() -> {
                previous.close();
                return null;
            });
        }
        if (folder != null) {
            var settings = engine.languageServerSettings();
            settings.problem().ifPresent(viewModel::showStatus);
            languageService = LanguageServices.forProject(folder, settings);
            languages.connect(languageService);
        }
    }

    private void useIndex(FileIndex index) {
        if (searchIndex != null) {
            searchIndex.close();
        }
        searchIndex = index;
        quickOpen.setIndex(index);
        search.setIndex(index);
    }

    private void applyTheme(StudioTheme theme) {
        themes.apply(theme);
        if (terminalPane != null) {
            terminalPane.applyPalette(TerminalPalette.fromProperties(theme.terminal()));
        }
        if (runPane != null) {
            runPane.applyPalette(TerminalPalette.fromProperties(theme.terminal()));
        }
    }

    private void showTerminal(boolean visible) {
        var items = centreSplit.getItems();
        if (visible && !items.contains(bottomTabs)) {
            items.add(bottomTabs);
            centreSplit.setDividerPositions(terminalDivider);
        } else if (!visible) {
            rememberTerminalDivider();
            items.remove(bottomTabs);
        }
        if (visible && bottomTabs.getSelectionModel().getSelectedItem() == terminalTab) {
            ensureTerminal();
        }
    }

    /** The terminal tab is never empty while shown: it starts a shell in the project. */
    private CompletableFuture<?> ensureTerminal() {
        if (terminals().isEmpty() && (firstTerminal == null || firstTerminal.isDone())) {
            firstTerminal = terminals.openTerminal(terminalFolder());
        }
        return firstTerminal == null ? CompletableFuture.completedFuture(null) : firstTerminal;
    }

    /** Shows the bottom panel on {@code tab}. */
    private void showBottom(Tab tab) {
        bottomTabs.getSelectionModel().select(tab);
        viewModel.terminalVisibleProperty().set(true);
        showTerminal(true);
    }

    private void rememberTerminalDivider() {
        var dividers = centreSplit.getDividerPositions();
        if (dividers.length > 0) {
            terminalDivider = dividers[0];
        }
    }

    private TerminalTabsViewModel terminals() {
        if (terminals == null) {
            terminals = new TerminalTabsViewModel(executor, shells, Path.of(System.getProperty("user.home")));
            terminalPane = new TerminalTabsPane(terminals);
            terminalPane.applyPalette(TerminalPalette.fromProperties(themes.current().terminal()));
            terminalSlot.getChildren().setAll(terminalPane);
        }
        return terminals;
    }

    /** The execution view, built once: the engine's run service probes the sandbox, so it starts off the FX thread. */
    private CompletableFuture<RunViewModel> runs() {
        if (runsOpening == null) {
            runsOpening = new CompletableFuture<>();
            executor.submit(engine::runs, service -> {
                runs = new RunViewModel(service, executor, terminalFolder());
                runs.setSshTargetSettings(engine.sshTargets());
                engine.hostKeyPrompts().set(new FxHostKeyPrompt(() -> stage));
                runs.projectRootProperty().bind(viewModel.projectProperty()
                    .orElse(Path.of(System.getProperty("user.home"))));
                runs.currentFileProperty().bind(editors.activeDocumentProperty()
                    .flatMap(DocumentViewModel::pathProperty));
                runPane = new RunPane(runs, TerminalPalette.fromProperties(themes.current().terminal()), null);
                runTab.setContent(runPane);
                runsOpening.complete(runs);
            }, failure -> {
                LOG.warn("The execution view cannot start", failure);
                runTab.setContent(new StackPane(new Label("Runs are not available: " + failure.getMessage())));
                runsOpening.completeExceptionally(failure);
            });
        }
        return runsOpening;
    }

    private AutoCloseable highlight(Path file, CodeArea area) {
        var name = file.getFileName() == null ? "" : file.getFileName().toString();
        return Language.forFileName(name).<AutoCloseable>map(language ->
            SyntaxHighlighting.attach(area, language, executor)).orElse(() -> { });
    }

    private static ObservableValue<String> readOnlyMarked(ObservableValue<String> language,
                                                         ObservableValue<Boolean> readOnly) {
        return Bindings.createStringBinding(() -> readOnly.getValue() ? language.getValue() + " (read-only)"
            : language.getValue(), language, readOnly);
    }

    private Path terminalFolder() {
        return viewModel.project().orElse(Path.of(System.getProperty("user.home")));
    }
}
