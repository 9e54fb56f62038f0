package dev.cyberdevstudio.app.shell;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The strip at the bottom: a message on the left, facts about the editor and the studio on the right. */
final class StatusBar extends HBox {

    private final Label message = new Label();
    private final Label storeWarning = new Label();
    private final HBox facts = new HBox(16);

    StatusBar(MainWindowViewModel viewModel) {
        getStyleClass().add("studio-status-bar");
        setAlignment(Pos.CENTER_LEFT);
        message.setId("status-message");
        message.textProperty().bind(viewModel.statusProperty());
        message.setMinWidth(0);
        storeWarning.setId("status-store-warning");
        storeWarning.getStyleClass().add("studio-status-warning");
        storeWarning.setText("⚠ Settings not saved");
        storeWarning.visibleProperty().bind(viewModel.storeWarningProperty().isNotEmpty());
        storeWarning.managedProperty().bind(storeWarning.visibleProperty());
        var tooltip = new Tooltip();
        tooltip.textProperty().bind(viewModel.storeWarningProperty());
        storeWarning.setTooltip(tooltip);
        facts.setAlignment(Pos.CENTER_RIGHT);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(message, spacer, facts, storeWarning);
    }

    /** Adds a label on the right showing {@code text}; hidden while the text is empty. */
    Label addFact(String id, ObservableValue<String> text) {
        var label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        facts.getChildren().add(label);
        return label;
    }
}
