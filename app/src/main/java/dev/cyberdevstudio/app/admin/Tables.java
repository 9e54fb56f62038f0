package dev.cyberdevstudio.app.admin;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small builders shared by the admin tabs. */
final class Tables {

    private Tables() {
    }

    /** A column of fixed text per row. */
    static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        var column = new TableColumn<T, String>(title);
        column.setPrefWidth(width);
        // Short columns (params, quantisation) keep their header readable when the table is narrow.
        column.setMinWidth(Math.min(width, 64));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }

    /** A column that follows a property of the row (memory that changes every second). */
    static <T> TableColumn<T, String> liveColumn(String title, double width,
                                                 Function<T, ObservableValue<String>> text) {
        var column = new TableColumn<T, String>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> text.apply(cell.getValue()));
        return column;
    }

    static <T> TableView<T> table(String id, String placeholder) {
        var table = new TableView<T>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var empty = new Label(placeholder);
        empty.getStyleClass().add("admin-placeholder");
        table.setPlaceholder(empty);
        return table;
    }

    static Label title(String text) {
        var label = new Label(text);
        label.getStyleClass().add("admin-section-title");
        return label;
    }
}
