package dev.cyberdevstudio.app.editor;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The find and replace bar above the text; it only binds to a {@link FindReplaceViewModel}. */
public final class FindReplaceBar extends VBox {

    private final TextField query = new TextField();

    public FindReplaceBar(FindReplaceViewModel find, Runnable backToText) {
        getStyleClass().add("find-replace-bar");
        setSpacing(4);
        setPadding(new Insets(4, 6, 4, 6));
        visibleProperty().bind(find.visibleProperty());
        managedProperty().bind(visibleProperty());

        query.setId("find-query");
        query.setPromptText("Find");
        query.textProperty().bindBidirectional(find.queryProperty());
        HBox.setHgrow(query, Priority.ALWAYS);
        query.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                if (event.isShiftDown()) {
                    find.previous();
                } else {
                    find.next();
                }
                event.consume();
            }
        });

        var matchCase = toggle("Aa", "Match case", "find-match-case");
        matchCase.selectedProperty().bindBidirectional(find.matchCaseProperty());
        var wholeWord = toggle("W", "Whole word", "find-whole-word");
        wholeWord.selectedProperty().bindBidirectional(find.wholeWordProperty());
        var regex = toggle(".*", "Regular expression", "find-regex");
        regex.selectedProperty().bindBidirectional(find.regexProperty());

        var status = new Label();
        status.setId("find-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(find.statusProperty());
        status.setMinWidth(90);

        var previous = iconButton(Material2AL.ARROW_UPWARD, "Previous match (Shift+F3)", find::previous);
        var next = iconButton(Material2AL.ARROW_DOWNWARD, "Next match (F3)", find::next);
        var close = iconButton(Material2AL.CLOSE, "Close (Esc)", () -> {
            find.close();
            backToText.run();
        });
        var findRow = new HBox(4, query, matchCase, wholeWord, regex, status, previous, next, close);
        findRow.setAlignment(Pos.CENTER_LEFT);

        var replacement = new TextField();
        replacement.setId("find-replacement");
        replacement.setPromptText("Replace");
        replacement.textProperty().bindBidirectional(find.replacementProperty());
        replacement.setOnAction(event -> find.replaceOne());
        HBox.setHgrow(replacement, Priority.ALWAYS);
        var replaceOne = new Button("Replace");
        replaceOne.setId("replace-one");
        replaceOne.getStyleClass().add(Styles.SMALL);
        replaceOne.setOnAction(event -> find.replaceOne());
        var replaceAll = new Button("Replace All");
        replaceAll.setId("replace-all");
        replaceAll.getStyleClass().add(Styles.SMALL);
        replaceAll.setOnAction(event -> find.replaceAll());
        var replaceRow = new HBox(4, replacement, replaceOne, replaceAll);
        replaceRow.setAlignment(Pos.CENTER_LEFT);
        replaceRow.visibleProperty().bind(find.replaceVisibleProperty());
        replaceRow.managedProperty().bind(replaceRow.visibleProperty());

        getChildren().addAll(findRow, replaceRow);
    }

    /** Puts the focus in the query field with its text selected, ready to type over. */
    public void focusQuery() {
        query.requestFocus();
        query.selectAll();
    }

    private static ToggleButton toggle(String text, String tooltip, String id) {
        var toggle = new ToggleButton(text);
        toggle.setId(id);
        toggle.setTooltip(new Tooltip(tooltip));
        toggle.getStyleClass().add(Styles.SMALL);
        toggle.setFocusTraversable(false);
        return toggle;
    }

    private static Button iconButton(Material2AL icon, String tooltip, Runnable action) {
        var button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }
}
