package dev.cyberdevstudio.app.lsp;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The Problems list: every file with problems as a heading, its problems under it by line, each with its severity,
 * message, source and place. Enter or a double click opens the file at the problem.
 *
 * <pre>{@code
 * var problemsTab = new Tab(null, new ProblemsPane(languages.problems()));
 * problemsTab.textProperty().bind(languages.problems().titleProperty());
 * }</pre>
 */
public final class ProblemsPane extends BorderPane {

    private final ProblemsViewModel viewModel;
    private final ListView<ProblemRow> list = new ListView<>();

    public ProblemsPane(ProblemsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("problems-pane");
        getStyleClass().add("lsp-problems");
        getStylesheets().add(LanguageFeatures.STYLESHEET);
        list.setId("problems-list");
        list.getStyleClass().addAll("lsp-problems-list", Styles.DENSE);
        list.setItems(viewModel.rows());
        list.setCellFactory(view -> new RowCell());
        var empty = new Label("No problems found in the open files.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected();
            }
        });
        setCenter(list);
    }

    /** The list, for tests and focus. */
    public ListView<ProblemRow> list() {
        return list;
    }

    private void openSelected() {
        var selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.open(selected);
        }
    }

    /** A heading row (file name, folder, counts) or a problem row (icon, message, source, line). */
    private static final class RowCell extends ListCell<ProblemRow> {

        @Override
        protected void updateItem(ProblemRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("lsp-problem-file", "lsp-problem-row");
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            switch (row) {
                case ProblemRow.FileHeading heading -> {
                    getStyleClass().add("lsp-problem-file");
                    setGraphic(heading(heading));
                }
                case ProblemRow.Problem problem -> {
                    getStyleClass().add("lsp-problem-row");
                    setGraphic(problem(problem));
                }
            }
        }

        private static HBox heading(ProblemRow.FileHeading heading) {
            var name = new Label(LanguageSupport.fileName(heading.file()), new FontIcon(Material2AL.DESCRIPTION));
            name.getStyleClass().add("lsp-problem-file-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            var folder = new Label(folderOf(heading.file()));
            folder.getStyleClass().addAll("lsp-problem-folder", Styles.TEXT_MUTED);
            var count = new Label(String.valueOf(heading.total()));
            count.getStyleClass().add("lsp-problem-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            var row = new HBox(8, name, folder, count);
            row.setAlignment(Pos.CENTER_LEFT);
            return row;
        }

        private static HBox problem(ProblemRow.Problem problem) {
            var diagnostic = problem.diagnostic();
            var icon = new FontIcon(Severities.icon(diagnostic.severity()));
            icon.getStyleClass().addAll("lsp-problem-icon", Severities.styleClass(diagnostic.severity()));
            var message = new Label(firstLine(diagnostic.message()));
            message.getStyleClass().add("lsp-problem-message");
            message.setMaxWidth(Double.MAX_VALUE);
            message.setMinWidth(80);
            HBox.setHgrow(message, Priority.ALWAYS);
            var source = new Label(diagnostic.source() + (diagnostic.code().isBlank() ? "" : "(" + diagnostic.code()
                    + ")"));
            source.getStyleClass().addAll("lsp-problem-source", Styles.TEXT_MUTED);
            source.setMinWidth(Region.USE_PREF_SIZE);
            var where = new Label(problem.where() + ":" + problem.column());
            where.getStyleClass().addAll("lsp-problem-where", Styles.TEXT_MUTED);
            where.setMinWidth(Region.USE_PREF_SIZE);
            var row = new HBox(8, icon, message, source, where);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setPadding(new Insets(0, 0, 0, 18));
            return row;
        }

        private static String folderOf(Path file) {
            return file.getParent() == null ? "" : file.getParent().toString();
        }

        private static String firstLine(String text) {
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline) + " …";
        }
    }
}
