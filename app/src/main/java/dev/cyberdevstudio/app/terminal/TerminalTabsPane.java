package dev.cyberdevstudio.app.terminal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Terminals as tabs: one JediTermFX terminal per {@link TerminalTab} of the view model, a "+" button that opens
 * another, copy and paste on Ctrl+Shift+C / Ctrl+Shift+V (Cmd+C / Cmd+V on macOS).
 *
 * <p>The pane only mirrors the view model: closing a tab asks the view model, whose tab list then drops it.
 */
public final class TerminalTabsPane extends BorderPane {

    private static final String HEADER_ROOM = "data:text/css;base64," + Base64.getEncoder().encodeToString(
            ".terminal-tab-pane > .tab-header-area { -fx-padding: 0 40 0 0; }".getBytes(StandardCharsets.UTF_8));

    private final TerminalTabsViewModel viewModel;
    private final PaletteSettingsProvider settings;
    private final TabPane tabPane = new TabPane();
    private final Map<TerminalTab, Tab> tabsByModel = new IdentityHashMap<>();
    private final Map<TerminalTab, StudioTerminalWidget> widgets = new IdentityHashMap<>();
    private final Label placeholderText = new Label();
    private final VBox placeholder;
    private boolean focusOpened;

    public TerminalTabsPane(TerminalTabsViewModel viewModel) {
        this.viewModel = viewModel;
        this.settings = new PaletteSettingsProvider(viewModel.paletteProperty().get());
        getStyleClass().add("terminal-tabs");
        tabPane.getStyleClass().add("terminal-tab-pane");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);

        var openButton = new Button();
        openButton.setGraphic(new FontIcon(Material2AL.ADD));
        openButton.setTooltip(new Tooltip("New terminal"));
        openButton.getStyleClass().addAll("flat", "terminal-new");
        openButton.setFocusTraversable(false);
        openButton.setOnAction(event -> openAnotherAndFocusIt());
        StackPane.setAlignment(openButton, Pos.TOP_RIGHT);
        // The button sits over the right end of the tab headers, which leave it room.
        tabPane.getStylesheets().add(HEADER_ROOM);

        var openFirst = new Button("Open terminal");
        openFirst.setOnAction(event -> openAnotherAndFocusIt());
        placeholderText.setWrapText(true);
        placeholder = new VBox(8, placeholderText, openFirst);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.getStyleClass().add("terminal-placeholder");
        placeholderText.textProperty().bind(viewModel.messageProperty().map(
                message -> message.isEmpty() ? "No terminal open." : message));
        setCenter(new StackPane(tabPane, placeholder, openButton));

        viewModel.tabs().forEach(this::addTab);
        viewModel.tabs().addListener(this::tabsChanged);
        tabPane.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> {
            var model = selected == null ? null : (TerminalTab) selected.getUserData();
            if (viewModel.selectedTabProperty().get() != model) {
                viewModel.selectedTabProperty().set(model);
            }
            focus(model);
        });
        viewModel.selectedTabProperty().addListener((observable, old, selected) -> select(selected));
        viewModel.paletteProperty().addListener((observable, old, palette) -> repaint(palette));
        select(viewModel.selectedTabProperty().get());
        updatePlaceholder();
    }

    /** Paints every open terminal, and every terminal opened later, with {@code palette}. Call on the FX thread. */
    public void applyPalette(TerminalPalette palette) {
        viewModel.paletteProperty().set(palette);
    }

    /**
     * Gives the selected terminal the keyboard, for when the user asked for a terminal from elsewhere (a menu):
     * {@code terminals.openTerminal(folder).thenRun(pane::focusSelectedTerminal)}. A terminal the studio opens on
     * its own does not take the keyboard from the editor.
     */
    public void focusSelectedTerminal() {
        var selected = viewModel.selectedTabProperty().get();
        var widget = selected == null ? null : widgets.get(selected);
        if (widget != null) {
            // Later, once the tab pane's skin shows the selected tab: a hidden node does not take the focus.
            Platform.runLater(() -> widget.keyboardTarget().requestFocus());
        }
    }

    public TerminalTabsViewModel viewModel() {
        return viewModel;
    }

    TabPane tabPane() {
        return tabPane;
    }

    Optional<StudioTerminalWidget> widgetOf(TerminalTab tab) {
        return Optional.ofNullable(widgets.get(tab));
    }

    private void tabsChanged(ListChangeListener.Change<? extends TerminalTab> change) {
        while (change.next()) {
            change.getRemoved().forEach(this::removeTab);
            change.getAddedSubList().forEach(this::addTab);
        }
        updatePlaceholder();
    }

    private void addTab(TerminalTab model) {
        var widget = new StudioTerminalWidget(settings);
        widget.getPane().setStyle(backgroundStyle(settings.palette()));
        widget.setTtyConnector(model.session().connector());
        startWhenSized(widget);
        var tab = new Tab();
        tab.textProperty().bind(model.titleProperty());
        tab.setTooltip(new Tooltip(model.folder().toString()));
        tab.setContent(widget.getPane());
        tab.setUserData(model);
        tab.setOnCloseRequest(event -> {
            // The view model decides; its list change removes the tab.
            event.consume();
            viewModel.close(model);
        });
        tabsByModel.put(model, tab);
        widgets.put(model, widget);
        tabPane.getTabs().add(Math.min(viewModel.tabs().indexOf(model), tabPane.getTabs().size()), tab);
    }

    /**
     * Starts reading the shell once the terminal has its real size. Started earlier, the emulator draws the shell's
     * first output (the prompt) into a zero-sized screen and loses it when the tab is laid out; meanwhile the
     * output waits in the pseudo-terminal.
     */
    private static void startWhenSized(StudioTerminalWidget widget) {
        var pane = widget.getPane();
        if (pane.getWidth() > 0 && pane.getHeight() > 0) {
            widget.start();
            return;
        }
        pane.layoutBoundsProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Bounds> property, Bounds before, Bounds after) {
                if (after.getWidth() > 0 && after.getHeight() > 0) {
                    pane.layoutBoundsProperty().removeListener(this);
                    widget.start();
                }
            }
        });
    }

    private void removeTab(TerminalTab model) {
        var tab = tabsByModel.remove(model);
        var widget = widgets.remove(model);
        if (tab != null) {
            tabPane.getTabs().remove(tab);
        }
        if (widget != null) {
            widget.close();
        }
    }

    private void select(TerminalTab model) {
        var tab = model == null ? null : tabsByModel.get(model);
        if (tab != null && tabPane.getSelectionModel().getSelectedItem() != tab) {
            tabPane.getSelectionModel().select(tab);
        }
        focus(model);
    }

    private void openAnotherAndFocusIt() {
        focusOpened = true;
        viewModel.openAnother().thenAccept(opening -> focusOpened = false);
    }

    /** Follows a change of tab with the keyboard while the user works in this pane or asked for the terminal. */
    private void focus(TerminalTab model) {
        if (focusOpened || isFocusWithin()) {
            focusSelectedTerminal();
        }
    }

    private void repaint(TerminalPalette palette) {
        settings.setPalette(palette);
        var background = backgroundStyle(palette);
        widgets.values().forEach(widget -> {
            widget.getPane().setStyle(background);
            widget.paletteChanged();
        });
    }

    private void updatePlaceholder() {
        var empty = viewModel.tabs().isEmpty();
        placeholder.setVisible(empty);
        placeholder.setManaged(empty);
        tabPane.setVisible(!empty);
    }

    private static String backgroundStyle(TerminalPalette palette) {
        return "-fx-background-color: " + TerminalPalette.hex(palette.background()) + ";";
    }
}
