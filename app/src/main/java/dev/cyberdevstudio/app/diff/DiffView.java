package dev.cyberdevstudio.app.diff;

import atlantafx.base.theme.Styles;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.diff.CharRange;
import dev.cyberdevstudio.engine.diff.DiffHunk;
import dev.cyberdevstudio.engine.diff.InlineRow;
import dev.cyberdevstudio.engine.diff.RowKind;
import dev.cyberdevstudio.engine.diff.SideBySideRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Two texts compared, side by side (two read-only areas that scroll together) or inline (one area, old lines above
 * new ones). Changed rows are tinted, the words that changed inside them more strongly, and a bar beside the line
 * numbers marks each hunk. F7 / Shift+F7 go to the next / previous hunk. In review mode a list of the hunks lets each
 * be accepted or rejected and "Result" shows the text that gives.
 *
 * <pre>{@code
 * var view = DiffView.compare(executor, "App.java", "HEAD", headText, "Editor", editorText);
 * DiffWindow.show(stage, view);
 * }</pre>
 */
public final class DiffView extends BorderPane {

    static final String STYLESHEET = Objects.requireNonNull(DiffView.class.getResource("diff.css")).toExternalForm();
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.F7);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.F7, KeyCombination.SHIFT_DOWN);
    private static final int CONTEXT_ABOVE = 3;

    private final DiffViewModel viewModel;
    private final CodeArea leftArea = readOnlyArea("diff-left");
    private final CodeArea rightArea = readOnlyArea("diff-right");
    private final CodeArea inlineArea = readOnlyArea("diff-inline");
    private final CodeArea resultArea = readOnlyArea("diff-result");
    private final Node sideBySidePane;
    private final Node inlinePane;
    private final Node resultPane;
    private final StackPane centre = new StackPane();
    private final ListView<DiffHunk> hunkList = new ListView<>();
    private final ToggleButton showResult = new ToggleButton("Result");
    private List<SideBySideRow> sideRows = List.of();
    private List<InlineRow> inlineRows = List.of();
    private int[] sideRowOfHunk = new int[0];
    private int[] inlineRowOfHunk = new int[0];

    public DiffView(DiffViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("diff-view");
        getStylesheets().add(STYLESHEET);
        sideBySidePane = sideBySide();
        inlinePane = scrolled(inlineArea);
        resultPane = scrolled(resultArea);
        centre.getChildren().addAll(sideBySidePane, inlinePane, resultPane);
        setTop(toolbar());
        setCenter(centre);
        setRight(reviewPanel());

        resultArea.replaceText(viewModel.result());
        viewModel.resultProperty().addListener((observable, was, text) -> resultArea.replaceText(text));
        viewModel.contentProperty().addListener((observable, was, content) -> show(content));
        viewModel.content().ifPresent(this::show);
        viewModel.modeProperty().addListener((observable, was, mode) -> showMode());
        showResult.selectedProperty().addListener((observable, was, shown) -> showMode());
        viewModel.currentHunkProperty().addListener((observable, was, hunk) -> revealHunk(hunk.intValue()));
        viewModel.accepted().addListener((SetChangeListener<Integer>) change -> {
            refreshGutters();
            hunkList.refresh();
        });
        showMode();
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    /** A view comparing {@code leftText} (old) with {@code rightText} (new); the diff is computed off the FX thread. */
    public static DiffView compare(TaskExecutor executor, String title, String leftLabel, String leftText,
                                   String rightLabel, String rightText) {
        var model = new DiffViewModel(executor);
        model.compare(title, leftLabel, leftText, rightLabel, rightText);
        return new DiffView(model);
    }

    /** Like {@link #compare}, in review mode: each hunk of {@code proposed} against {@code base} can be rejected. */
    public static DiffView review(TaskExecutor executor, String title, String baseLabel, String base,
                                  String proposedLabel, String proposed) {
        var view = compare(executor, title, baseLabel, base, proposedLabel, proposed);
        view.viewModel.reviewProperty().set(true);
        return view;
    }

    public DiffViewModel viewModel() {
        return viewModel;
    }

    CodeArea leftArea() {
        return leftArea;
    }

    CodeArea rightArea() {
        return rightArea;
    }

    CodeArea inlineArea() {
        return inlineArea;
    }

    CodeArea resultArea() {
        return resultArea;
    }

    // ---------------------------------------------------------------- layout

    private Node toolbar() {
        var title = new Label();
        title.getStyleClass().addAll("diff-title", Styles.TEXT_BOLD);
        title.textProperty().bind(viewModel.titleProperty());
        var summary = new Label();
        summary.setId("diff-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());

        var previous = iconButton(Material2AL.ARROW_UPWARD, "Previous change (Shift+F7)", viewModel::previousHunk);
        previous.setId("diff-previous");
        var next = iconButton(Material2AL.ARROW_DOWNWARD, "Next change (F7)", viewModel::nextHunk);
        next.setId("diff-next");
        var position = new Label();
        position.getStyleClass().add(Styles.TEXT_MUTED);
        position.textProperty().bind(Bindings.createStringBinding(() -> {
            int count = viewModel.hunkCount();
            int current = viewModel.currentHunkProperty().get();
            return count == 0 ? "" : (current + 1) + " / " + count;
        }, viewModel.currentHunkProperty(), viewModel.contentProperty()));

        var modes = new ToggleGroup();
        var sideBySide = modeButton("Side by side", DiffViewModel.Mode.SIDE_BY_SIDE, modes);
        sideBySide.setId("diff-mode-side-by-side");
        sideBySide.getStyleClass().add(Styles.LEFT_PILL);
        var inline = modeButton("Inline", DiffViewModel.Mode.INLINE, modes);
        inline.setId("diff-mode-inline");
        inline.getStyleClass().add(Styles.RIGHT_PILL);
        modes.selectedToggleProperty().addListener((observable, was, selected) -> {
            if (selected == null) {
                was.setSelected(true);
            } else {
                viewModel.modeProperty().set((DiffViewModel.Mode) selected.getUserData());
            }
        });
        viewModel.modeProperty().addListener((observable, was, mode) ->
                modes.getToggles().stream().filter(toggle -> toggle.getUserData() == mode).findFirst()
                        .ifPresent(toggle -> toggle.setSelected(true)));

        showResult.setId("diff-show-result");
        showResult.setTooltip(new Tooltip("Show the text the accepted changes give"));
        showResult.visibleProperty().bind(viewModel.reviewProperty());
        showResult.managedProperty().bind(showResult.visibleProperty());

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(8, title, summary, spacer, position, previous, next, new HBox(sideBySide, inline),
                showResult);
        bar.getStyleClass().add("diff-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private ToggleButton modeButton(String text, DiffViewModel.Mode mode, ToggleGroup group) {
        var button = new ToggleButton(text);
        button.setUserData(mode);
        button.setToggleGroup(group);
        button.setSelected(viewModel.modeProperty().get() == mode);
        return button;
    }

    private static Button iconButton(Ikon icon, String tip, Runnable action) {
        var button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        return button;
    }

    private Node sideBySide() {
        leftArea.estimatedScrollYProperty().bindBidirectional(rightArea.estimatedScrollYProperty());
        leftArea.estimatedScrollXProperty().bindBidirectional(rightArea.estimatedScrollXProperty());
        var split = new SplitPane(labelled(viewModel.leftLabelProperty(), leftArea, "diff-left-label"),
                labelled(viewModel.rightLabelProperty(), rightArea, "diff-right-label"));
        split.getStyleClass().add("diff-split");
        return split;
    }

    private static Node labelled(ObservableValue<String> text, CodeArea area, String id) {
        var label = new Label();
        label.setId(id);
        label.getStyleClass().add("diff-side-label");
        label.textProperty().bind(text);
        label.setMaxWidth(Double.MAX_VALUE);
        var scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return new VBox(label, scroll);
    }

    private static Node scrolled(CodeArea area) {
        return new VirtualizedScrollPane<>(area);
    }

    private Node reviewPanel() {
        hunkList.setId("diff-hunks");
        hunkList.getStyleClass().add("diff-hunk-list");
        hunkList.setPrefWidth(250);
        hunkList.setCellFactory(list -> new HunkCell());
        hunkList.getSelectionModel().selectedItemProperty().addListener((observable, was, hunk) -> {
            if (hunk != null) {
                viewModel.goToHunk(hunk.index());
            }
        });
        var accept = new Button("Accept All", new FontIcon(Material2AL.DONE_ALL));
        accept.setId("diff-accept-all");
        accept.setOnAction(event -> viewModel.acceptAll());
        var reject = new Button("Reject All", new FontIcon(Material2AL.CLEAR));
        reject.setId("diff-reject-all");
        reject.setOnAction(event -> viewModel.rejectAll());
        var buttons = new HBox(6, accept, reject);
        buttons.setPadding(new Insets(6));
        var heading = new Label("Changes");
        heading.getStyleClass().addAll("diff-side-label", Styles.TEXT_BOLD);
        heading.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(hunkList, Priority.ALWAYS);
        var panel = new VBox(heading, hunkList, buttons);
        panel.getStyleClass().add("diff-review-panel");
        panel.visibleProperty().bind(viewModel.reviewProperty());
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    /**
     * One hunk in the review list: where it is, what it does, and accept / reject. The controls are made once per
     * cell and only updated, so that a click is never lost to a cell rebuilt under the pointer.
     */
    private final class HunkCell extends ListCell<DiffHunk> {

        private final Label where = new Label();
        private final ToggleButton accept = new ToggleButton(null, new FontIcon(Material2AL.CHECK));
        private final ToggleButton reject = new ToggleButton(null, new FontIcon(Material2MZ.UNDO));
        private final HBox row;

        HunkCell() {
            where.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(where, Priority.ALWAYS);
            accept.setTooltip(new Tooltip("Accept this change"));
            accept.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SMALL, "diff-accept");
            reject.setTooltip(new Tooltip("Reject this change"));
            reject.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.SMALL, "diff-reject");
            accept.setOnAction(event -> decide(true));
            reject.setOnAction(event -> decide(false));
            row = new HBox(6, where, new HBox(accept, reject));
            row.setAlignment(Pos.CENTER_LEFT);
        }

        private void decide(boolean accepted) {
            var hunk = getItem();
            if (hunk != null) {
                viewModel.setAccepted(hunk.index(), accepted);
            }
            showDecision();
        }

        @Override
        protected void updateItem(DiffHunk hunk, boolean empty) {
            super.updateItem(hunk, empty);
            setText(null);
            if (empty || hunk == null) {
                setGraphic(null);
                return;
            }
            where.setText(describe(hunk));
            accept.setId("diff-accept-" + hunk.index());
            reject.setId("diff-reject-" + hunk.index());
            showDecision();
            setGraphic(row);
        }

        private void showDecision() {
            var hunk = getItem();
            boolean accepted = hunk != null && viewModel.isAccepted(hunk.index());
            accept.setSelected(accepted);
            reject.setSelected(!accepted);
            getStyleClass().remove("diff-hunk-rejected");
            if (!accepted) {
                getStyleClass().add("diff-hunk-rejected");
            }
        }
    }

    private static String describe(DiffHunk hunk) {
        int first = (hunk.newCount() == 0 ? hunk.oldStart() : hunk.newStart()) + 1;
        int count = Math.max(hunk.newCount(), hunk.oldCount());
        var lines = count <= 1 ? "Line " + first : "Lines " + first + "\u2013" + (first + count - 1);
        return lines + "  " + hunk.summary();
    }

    // ---------------------------------------------------------------- content

    private void show(DiffViewModel.Content content) {
        if (content == null) {
            return;
        }
        sideRows = content.sideBySide();
        inlineRows = content.inline();
        sideRowOfHunk = firstRows(sideRows.stream().mapToInt(SideBySideRow::hunkIndex).toArray(),
                content.hunks().size());
        inlineRowOfHunk = firstRows(inlineRows.stream().mapToInt(InlineRow::hunkIndex).toArray(),
                content.hunks().size());
        fill(leftArea, sideRows.stream().map(SideBySideRow::leftText).toList(),
                sideRows.stream().map(row -> leftStyle(row)).toList(),
                sideRows.stream().map(SideBySideRow::leftChanges).toList(), "diff-word-deleted");
        fill(rightArea, sideRows.stream().map(SideBySideRow::rightText).toList(),
                sideRows.stream().map(row -> rightStyle(row)).toList(),
                sideRows.stream().map(SideBySideRow::rightChanges).toList(), "diff-word-added");
        fill(inlineArea, inlineRows.stream().map(InlineRow::text).toList(),
                inlineRows.stream().map(row -> rowStyle(row.kind(), true)).toList(),
                inlineRows.stream().map(InlineRow::changes).toList(), null);
        styleInlineWords();
        hunkList.getItems().setAll(content.hunks());
        refreshGutters();
        revealHunk(viewModel.currentHunkProperty().get());
    }

    private static int[] firstRows(int[] hunkOfRow, int hunks) {
        var first = new int[hunks];
        Arrays.fill(first, -1);
        for (int row = 0; row < hunkOfRow.length; row++) {
            int hunk = hunkOfRow[row];
            if (hunk >= 0 && first[hunk] < 0) {
                first[hunk] = row;
            }
        }
        return first;
    }

    private static String leftStyle(SideBySideRow row) {
        return row.hasLeft() ? rowStyle(row.kind(), true) : "diff-row-filler";
    }

    private static String rightStyle(SideBySideRow row) {
        return row.hasRight() ? rowStyle(row.kind(), false) : "diff-row-filler";
    }

    private static String rowStyle(RowKind kind, boolean left) {
        return switch (kind) {
            case EQUAL -> "";
            case ADDED -> "diff-row-added";
            case DELETED -> "diff-row-deleted";
            case CHANGED -> left ? "diff-row-changed-old" : "diff-row-changed-new";
        };
    }

    private static void fill(CodeArea area, List<String> lines, List<String> rowStyles, List<List<CharRange>> words,
                             String wordStyle) {
        area.replaceText(String.join("\n", lines));
        for (int row = 0; row < rowStyles.size(); row++) {
            var style = rowStyles.get(row);
            if (!style.isEmpty()) {
                area.setParagraphStyle(row, List.of(style));
            }
        }
        if (wordStyle != null) {
            area.setStyleSpans(0, wordSpans(lines, words, row -> wordStyle));
        }
        area.moveTo(0);
    }

    private void styleInlineWords() {
        var lines = inlineRows.stream().map(InlineRow::text).toList();
        var words = inlineRows.stream().map(InlineRow::changes).toList();
        inlineArea.setStyleSpans(0, wordSpans(lines, words, row ->
                inlineRows.get(row).kind() == RowKind.DELETED ? "diff-word-deleted" : "diff-word-added"));
    }

    private static StyleSpans<Collection<String>> wordSpans(List<String> lines, List<List<CharRange>> words,
                                                            IntFunction<String> styleOfRow) {
        var spans = new StyleSpansBuilder<Collection<String>>();
        int plain = 0;
        boolean any = false;
        for (int row = 0; row < lines.size(); row++) {
            int position = 0;
            for (var range : words.get(row)) {
                plain += range.start() - position;
                if (plain > 0) {
                    spans.add(List.of(), plain);
                }
                spans.add(List.of(styleOfRow.apply(row)), range.end() - range.start());
                any = true;
                plain = 0;
                position = range.end();
            }
            plain += lines.get(row).length() - position + (row < lines.size() - 1 ? 1 : 0);
        }
        if (plain > 0 || !any) {
            spans.add(List.of(), Math.max(plain, 0));
        }
        return spans.create();
    }

    // ---------------------------------------------------------------- gutters and navigation

    private void refreshGutters() {
        leftArea.setParagraphGraphicFactory(row -> sideGutter(row, true));
        rightArea.setParagraphGraphicFactory(row -> sideGutter(row, false));
        inlineArea.setParagraphGraphicFactory(this::inlineGutter);
    }

    private Node sideGutter(int index, boolean left) {
        if (index >= sideRows.size()) {
            return gutter(List.of(number("")), null, -1);
        }
        var row = sideRows.get(index);
        int line = left ? row.leftLine() : row.rightLine();
        var kind = line < 0 ? null : row.kind() == RowKind.CHANGED && left ? RowKind.DELETED : row.kind();
        return gutter(List.of(number(line < 0 ? "" : String.valueOf(line + 1))), kind, row.hunkIndex());
    }

    private Node inlineGutter(int index) {
        if (index >= inlineRows.size()) {
            return gutter(List.of(number(""), number(""), sign("")), null, -1);
        }
        var row = inlineRows.get(index);
        var sign = switch (row.kind()) {
            case ADDED -> "+";
            case DELETED -> "\u2212";
            default -> " ";
        };
        return gutter(List.of(number(row.oldLine() < 0 ? "" : String.valueOf(row.oldLine() + 1)),
                number(row.newLine() < 0 ? "" : String.valueOf(row.newLine() + 1)), sign(sign)), row.kind(),
                row.hunkIndex());
    }

    private Node gutter(List<Label> labels, RowKind kind, int hunk) {
        var marker = new Region();
        marker.getStyleClass().add("diff-marker");
        marker.setMinWidth(4);
        marker.setPrefWidth(4);
        marker.setMaxHeight(Double.MAX_VALUE);
        if (kind != null && kind != RowKind.EQUAL) {
            marker.getStyleClass().add("diff-marker-" + kind.name().toLowerCase(Locale.ROOT));
            if (hunk == viewModel.currentHunkProperty().get()) {
                marker.getStyleClass().add("diff-marker-current");
            }
            if (viewModel.reviewProperty().get() && !viewModel.isAccepted(hunk)) {
                marker.getStyleClass().add("diff-marker-rejected");
            }
        }
        var box = new HBox();
        box.getChildren().addAll(labels);
        box.getChildren().add(marker);
        box.getStyleClass().add("diff-gutter");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Label number(String text) {
        var label = new Label(text);
        label.getStyleClass().add("lineno");
        int digits = String.valueOf(Math.max(sideRows.size(), inlineRows.size())).length();
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setPrefWidth(Math.max(3, digits) * 8.0 + 14);
        label.setAlignment(Pos.CENTER_RIGHT);
        label.setMaxHeight(Double.MAX_VALUE);
        return label;
    }

    private static Label sign(String text) {
        var label = new Label(text);
        label.getStyleClass().addAll("lineno", "diff-sign");
        label.setMinWidth(18);
        label.setMaxHeight(Double.MAX_VALUE);
        return label;
    }

    private void revealHunk(int hunk) {
        refreshGutters();
        if (hunk < 0) {
            return;
        }
        if (hunk < sideRowOfHunk.length && sideRowOfHunk[hunk] >= 0) {
            int row = sideRowOfHunk[hunk];
            rightArea.moveTo(row, 0);
            leftArea.moveTo(row, 0);
            rightArea.showParagraphAtTop(Math.max(0, row - CONTEXT_ABOVE));
        }
        if (hunk < inlineRowOfHunk.length && inlineRowOfHunk[hunk] >= 0) {
            int row = inlineRowOfHunk[hunk];
            inlineArea.moveTo(row, 0);
            inlineArea.showParagraphAtTop(Math.max(0, row - CONTEXT_ABOVE));
        }
        if (hunk < hunkList.getItems().size()) {
            hunkList.getSelectionModel().select(hunk);
            hunkList.scrollTo(hunk);
        }
    }

    private void showMode() {
        boolean result = showResult.isSelected() && viewModel.reviewProperty().get();
        var mode = viewModel.modeProperty().get();
        sideBySidePane.setVisible(!result && mode == DiffViewModel.Mode.SIDE_BY_SIDE);
        inlinePane.setVisible(!result && mode == DiffViewModel.Mode.INLINE);
        resultPane.setVisible(result);
    }

    private void shortcut(KeyEvent event) {
        if (NEXT.match(event)) {
            viewModel.nextHunk();
        } else if (PREVIOUS.match(event)) {
            viewModel.previousHunk();
        } else {
            return;
        }
        event.consume();
    }

    private static CodeArea readOnlyArea(String styleClass) {
        var area = new CodeArea();
        area.setEditable(false);
        area.getStyleClass().addAll("diff-area", styleClass);
        return area;
    }

    /** For tests and snapshots: the rows now shown side by side. */
    List<SideBySideRow> sideRows() {
        return new ArrayList<>(sideRows);
    }
}
