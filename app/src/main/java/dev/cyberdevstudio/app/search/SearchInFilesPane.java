package dev.cyberdevstudio.app.search;

import atlantafx.base.theme.Styles;
import dev.cyberdevstudio.engine.search.MatchRange;
import dev.cyberdevstudio.engine.search.TextMatch;
import java.util.ArrayList;
import java.util.Objects;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Search in files: the query with its regex, match case and whole word toggles, include and exclude globs, and the
 * results grouped by file with each line's matches highlighted. Enter in the query searches, Esc stops; Enter or a
 * double-click on a result opens it at its line and column. It only binds to its {@link SearchInFilesViewModel}.
 *
 * <pre>{@code
 * var pane = new SearchInFilesPane(search);
 * bottomTabs.getTabs().add(new Tab("Search", pane));
 * pane.focusQuery();
 * }</pre>
 */
public final class SearchInFilesPane extends BorderPane {

    private static final String STYLESHEET = Objects.requireNonNull(
            SearchInFilesPane.class.getResource("search.css"), "search.css").toExternalForm();

    private final SearchInFilesViewModel viewModel;
    private final TextField query = new TextField();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("results"));

    public SearchInFilesPane(SearchInFilesViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        setId("search-in-files");
        getStyleClass().add("search-in-files");
        getStylesheets().add(STYLESHEET);

        query.setId("search-query");
        query.setPromptText("Search in files");
        query.textProperty().bindBidirectional(viewModel.queryProperty());
        query.setOnAction(event -> viewModel.search());
        HBox.setHgrow(query, Priority.ALWAYS);
        var regex = toggle(".*", "Regular expression", "search-regex");
        regex.selectedProperty().bindBidirectional(viewModel.regexProperty());
        var matchCase = toggle("Aa", "Match case", "search-match-case");
        matchCase.selectedProperty().bindBidirectional(viewModel.matchCaseProperty());
        var wholeWord = toggle("W", "Whole word", "search-whole-word");
        wholeWord.selectedProperty().bindBidirectional(viewModel.wholeWordProperty());

        var searchButton = new Button(null, new FontIcon(Material2MZ.SEARCH));
        searchButton.setId("search-start");
        searchButton.setTooltip(new Tooltip("Search (Enter)"));
        searchButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        searchButton.setOnAction(event -> viewModel.search());
        var stopButton = new Button(null, new FontIcon(Material2AL.CLOSE));
        stopButton.setId("search-stop");
        stopButton.setTooltip(new Tooltip("Stop (Esc)"));
        stopButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        stopButton.setOnAction(event -> viewModel.stop());
        stopButton.disableProperty().bind(viewModel.runningProperty().not());

        var queryRow = new HBox(4, query, regex, matchCase, wholeWord, searchButton, stopButton);
        queryRow.setAlignment(Pos.CENTER_LEFT);

        var include = globField("search-include", "Files to include (e.g. src/**, *.py)", viewModel.includeProperty());
        var exclude = globField("search-exclude", "Files to exclude (e.g. **/test/**, *.min.js)",
                viewModel.excludeProperty());
        var globRow = new HBox(4, include, exclude);

        var problem = new Label();
        problem.setId("search-problem");
        problem.getStyleClass().add("search-problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);
        viewModel.problemProperty().addListener((property, before, after) -> {
            query.getStyleClass().remove("search-problem-field");
            if (!after.isEmpty()) {
                query.getStyleClass().add("search-problem-field");
            }
        });

        var summary = new Label();
        summary.setId("search-summary");
        summary.getStyleClass().add("search-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setMaxWidth(Double.MAX_VALUE);

        var fields = new VBox(4, queryRow, globRow, problem, summary);
        fields.getStyleClass().add("search-fields");
        setTop(fields);

        tree.setId("search-results");
        tree.getStyleClass().add("search-results");
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new ResultCell());
        tree.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
        tree.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected();
            }
        });
        setCenter(tree);
        setPadding(Insets.EMPTY);

        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && viewModel.runningProperty().get()) {
                viewModel.stop();
                event.consume();
            }
        });
        viewModel.results().addListener((ListChangeListener<FileResults>) this::resultsChanged);
        viewModel.results().forEach(this::addFile);
    }

    /** Puts the cursor in the query field with its text selected, e.g. for Ctrl+Shift+F. */
    public void focusQuery() {
        query.requestFocus();
        query.selectAll();
    }

    private void resultsChanged(ListChangeListener.Change<? extends FileResults> change) {
        while (change.next()) {
            if (change.wasRemoved() && change.getList().isEmpty()) {
                tree.getRoot().getChildren().clear();
            } else if (change.wasRemoved()) {
                rebuild();
                return;
            }
            if (change.wasAdded()) {
                change.getAddedSubList().forEach(this::addFile);
            }
        }
    }

    private void rebuild() {
        tree.getRoot().getChildren().clear();
        viewModel.results().forEach(this::addFile);
    }

    private void addFile(FileResults file) {
        var fileItem = new TreeItem<Object>(file);
        var lines = new ArrayList<TreeItem<Object>>(file.lines().size());
        file.lines().forEach(line -> lines.add(new TreeItem<>(line)));
        fileItem.getChildren().setAll(lines);
        fileItem.setExpanded(true);
        tree.getRoot().getChildren().add(fileItem);
    }

    private void openSelected() {
        var selected = tree.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        switch (selected.getValue()) {
            case TextMatch line -> viewModel.open(line);
            case FileResults file -> viewModel.open(file);
            default -> {
                // The hidden root holds no result.
            }
        }
    }

    private static TextField globField(String id, String prompt, StringProperty property) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static ToggleButton toggle(String text, String tooltip, String id) {
        var toggle = new ToggleButton(text);
        toggle.setId(id);
        toggle.setTooltip(new Tooltip(tooltip));
        toggle.getStyleClass().add(Styles.SMALL);
        toggle.setFocusTraversable(false);
        return toggle;
    }

    /** The line text with leading blanks dropped (keeping the ranges in place) and its matches highlighted. */
    static HighlightedText lineText(TextMatch line) {
        var text = line.lineText();
        var cut = 0;
        var limit = line.ranges().isEmpty() ? text.length() : line.ranges().getFirst().start();
        while (cut < limit && Character.isWhitespace(text.charAt(cut))) {
            cut++;
        }
        var ranges = new ArrayList<int[]>(line.ranges().size());
        for (MatchRange range : line.ranges()) {
            ranges.add(new int[] {range.start() - cut, range.end() - cut});
        }
        return HighlightedText.ofRanges(text.substring(cut), ranges);
    }

    /** A file (name, folder, count) or one of its lines (number, text with the matches highlighted). */
    private static final class ResultCell extends TreeCell<Object> {

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            getStyleClass().removeAll("search-file-cell", "search-line-cell");
            switch (empty ? null : item) {
                case FileResults file -> {
                    getStyleClass().add("search-file-cell");
                    var name = new Text(file.name());
                    name.getStyleClass().add("search-file-name");
                    var folder = new Text(file.folder());
                    folder.getStyleClass().add("search-file-folder");
                    var count = new Label(String.valueOf(file.matchCount()));
                    count.getStyleClass().add("search-file-count");
                    var row = new HBox(8, name, folder, count);
                    row.setAlignment(Pos.CENTER_LEFT);
                    setGraphic(row);
                }
                case TextMatch line -> {
                    getStyleClass().add("search-line-cell");
                    var number = new Label(line.line() + ":");
                    number.getStyleClass().add("search-line-number");
                    number.setMinWidth(44);
                    var text = Highlights.flow(lineText(line), "search-line-text", "search-match-text");
                    var row = new HBox(4, number, text);
                    row.setAlignment(Pos.CENTER_LEFT);
                    setGraphic(row);
                }
                case null, default -> setGraphic(null);
            }
        }
    }
}
