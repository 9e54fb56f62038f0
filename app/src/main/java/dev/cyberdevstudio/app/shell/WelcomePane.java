package dev.cyberdevstudio.app.shell;

import dev.cyberdevstudio.engine.store.RecentProject;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** Shown in place of the editor while no project is open: open a folder, or pick a recent project. */
final class WelcomePane extends VBox {

    private final VBox recentList = new VBox(4);
    private final Label recentTitle = new Label("Recent projects");

    WelcomePane(MainWindowViewModel viewModel, Runnable openFolder, Consumer<RecentProject> openRecent) {
        getStyleClass().add("studio-welcome");
        setId("welcome");
        setAlignment(Pos.TOP_LEFT);
        var title = new Label("CyberDevStudio");
        title.getStyleClass().add("studio-welcome-title");
        var subtitle = new Label("Offline-first. Your code, your models, your machine.");
        subtitle.getStyleClass().add("studio-welcome-subtitle");
        var open = new Button("Open Folder…");
        open.setId("welcome-open-folder");
        open.getStyleClass().add("accent");
        open.setOnAction(event -> openFolder.run());
        recentTitle.getStyleClass().add("studio-welcome-section");
        getChildren().addAll(title, subtitle, open, recentTitle, recentList);
        viewModel.recentProjects().addListener((ListChangeListener<RecentProject>) change ->
            show(viewModel, openRecent));
        show(viewModel, openRecent);
    }

    private void show(MainWindowViewModel viewModel, Consumer<RecentProject> openRecent) {
        recentList.getChildren().setAll(viewModel.recentProjects().stream().map(recent -> {
            var name = recent.folder().getFileName() == null ? recent.folder().toString()
                : recent.folder().getFileName().toString();
            var link = new Hyperlink(name + "   " + recent.folder());
            link.setTooltip(new Tooltip(recent.folder().toString()));
            link.setOnAction(event -> openRecent.accept(recent));
            return link;
        }).toList());
        recentTitle.setVisible(!viewModel.recentProjects().isEmpty());
    }
}
