package dev.cyberdevstudio.app.admin;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The admin pane: Models (catalog, installed files, downloads, loading), System (CPU and memory, live charts) and
 * Usage (request log, tokens per day). It only binds to its {@link AdminViewModel}; start the view model once.
 */
public final class AdminPane extends BorderPane {

    private final TabPane tabs = new TabPane();

    public AdminPane(AdminViewModel viewModel) {
        Objects.requireNonNull(viewModel, "viewModel");
        setId("admin-pane");
        getStyleClass().add("admin-pane");
        var stylesheet = AdminPane.class.getResource("admin.css");
        if (stylesheet != null) {
            getStylesheets().add(stylesheet.toExternalForm());
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(
            tab("admin-tab-models", "Models", new ModelsTab(viewModel.models())),
            tab("admin-tab-system", "System", new SystemTab(viewModel.system(), viewModel.models().loaded(),
                viewModel.system().origin())),
            tab("admin-tab-usage", "Usage", new UsageTab(viewModel.usage())));
        setCenter(tabs);
    }

    public TabPane tabs() {
        return tabs;
    }

    private static Tab tab(String id, String title, Node content) {
        var tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }
}
