package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.download.DownloadState;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Models tab: catalog | installed, downloads, load parameters with the fit verdict, loaded models. */
final class ModelsTab extends VBox {

    private final ModelsViewModel viewModel;
    private final VBox downloadRows = new VBox(6);
    /** The spinners' value properties are bound to these adapters; kept here so the bindings are not collected. */
    private final List<ObjectProperty<Integer>> adapters = new ArrayList<>();

    ModelsTab(ModelsViewModel viewModel) {
        super(8);
        this.viewModel = viewModel;
        getStyleClass().add("admin-tab-content");
        setPadding(new Insets(10));

        var message = new Label();
        message.setId("admin-models-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.getStyleClass().add("admin-message");
        viewModel.messageIsErrorProperty().addListener((observable, before, error) -> styleError(message, error));
        styleError(message, viewModel.messageIsErrorProperty().get());

        var memory = new Label();
        memory.setId("admin-free-memory");
        memory.getStyleClass().add("admin-memory");
        memory.textProperty().bind(viewModel.memoryTextProperty());

        var sides = new SplitPane(catalogSide(), installedSide());
        sides.setDividerPositions(0.5);
        sides.setPrefHeight(260);
        VBox.setVgrow(sides, Priority.ALWAYS);

        getChildren().addAll(message, memory, sides, downloads(), loadSection(), loadedSection());
    }

    private Node catalogSide() {
        TableView<CatalogEntry> table = Tables.table("admin-catalog", "No catalog entries");
        table.getColumns().setAll(List.of(
            Tables.column("Name", 170, CatalogEntry::name),
            Tables.column("Role", 90, entry -> Roles.label(entry.role())),
            Tables.column("Params", 64, CatalogEntry::parameters),
            Tables.column("Size", 70, entry -> entry.sizeBytes().map(Formats::bytes).orElse("?")),
            Tables.column("Quant", 64, CatalogEntry::quantisation),
            Tables.column("Licence", 90, CatalogEntry::licence),
            Tables.column("Checksum", 80, entry -> entry.sha256().isPresent() ? "SHA-256" : "none")));
        table.setItems(viewModel.catalog());
        viewModel.selectedEntryProperty().bind(table.getSelectionModel().selectedItemProperty());
        var download = new Button("Download");
        download.setId("admin-download");
        download.getStyleClass().add("accent");
        download.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        download.setOnAction(event -> viewModel.download(table.getSelectionModel().getSelectedItem()));
        var addUrl = new Button("Add by URL…");
        addUrl.setId("admin-add-url");
        addUrl.setOnAction(event -> viewModel.addByUrl());
        var remove = new Button("Remove");
        remove.setId("admin-remove-entry");
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            var entry = table.getSelectionModel().getSelectedItem();
            return entry == null || !entry.userAdded();
        }, table.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(event -> viewModel.removeEntry(table.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(table, Priority.ALWAYS);
        var side = new VBox(6, header(Tables.title("Catalog"), addUrl, remove, download), table);
        side.setPadding(new Insets(0, 6, 0, 0));
        return side;
    }

    private Node installedSide() {
        TableView<InstalledRow> table = Tables.table("admin-installed", "No models in the models folder yet");
        table.getColumns().setAll(List.of(
            Tables.column("Name", 170, InstalledRow::name),
            Tables.column("Role", 80, InstalledRow::role),
            Tables.column("Params", 64, InstalledRow::parameters),
            Tables.column("Size", 70, InstalledRow::size),
            Tables.column("Quant", 64, InstalledRow::quantisation),
            Tables.column("Licence", 80, InstalledRow::licence),
            Tables.column("State", 110, InstalledRow::verification)));
        table.setItems(viewModel.installed());
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null || !viewModel.installed().contains(viewModel.selectedInstalledProperty().get())) {
                viewModel.selectedInstalledProperty().set(after);
            }
        });
        viewModel.selectedInstalledProperty().addListener((observable, before, after) -> {
            if (after != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(after);
            }
        });
        var none = viewModel.selectedInstalledProperty().isNull();
        var verify = new Button("Verify");
        verify.setId("admin-verify");
        verify.disableProperty().bind(none);
        verify.setOnAction(event -> viewModel.verify(viewModel.selectedInstalledProperty().get()));
        var delete = new Button("Delete…");
        delete.setId("admin-delete");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(none);
        delete.setOnAction(event -> viewModel.delete(viewModel.selectedInstalledProperty().get()));
        var addFile = new Button("Add file…");
        addFile.setId("admin-add-file");
        addFile.setOnAction(event -> viewModel.addFile());
        VBox.setVgrow(table, Priority.ALWAYS);
        var side = new VBox(6, header(Tables.title("Installed"), addFile, verify, delete), table);
        side.setPadding(new Insets(0, 0, 0, 6));
        return side;
    }

    private Node downloads() {
        downloadRows.setId("admin-downloads");
        var box = new VBox(4, Tables.title("Downloads"), downloadRows);
        box.visibleProperty().bind(Bindings.isNotEmpty(viewModel.downloads()));
        box.managedProperty().bind(box.visibleProperty());
        viewModel.downloads().addListener((ListChangeListener<DownloadRow>) change -> showDownloads());
        showDownloads();
        return box;
    }

    private void showDownloads() {
        downloadRows.getChildren().setAll(viewModel.downloads().stream().map(this::downloadRow).toList());
    }

    private Node downloadRow(DownloadRow row) {
        var name = new Label(row.fileName());
        name.getStyleClass().add("admin-download-name");
        name.setMinWidth(180);
        var bar = new ProgressBar();
        bar.getStyleClass().add("admin-download-bar");
        bar.setPrefWidth(260);
        bar.setMinWidth(200);
        bar.progressProperty().bind(row.fractionProperty());
        var detail = new Label();
        detail.getStyleClass().add("admin-download-detail");
        detail.textProperty().bind(row.detailProperty());
        detail.setMaxWidth(Double.MAX_VALUE);
        detail.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(detail, Priority.ALWAYS);
        var pause = new Button("Pause");
        pause.getStyleClass().add("admin-download-pause");
        pause.disableProperty().bind(row.canPauseProperty().not());
        pause.setOnAction(event -> row.pause());
        var resume = new Button("Resume");
        resume.getStyleClass().add("admin-download-resume");
        resume.disableProperty().bind(row.canResumeProperty().not());
        resume.setOnAction(event -> row.resume());
        var cancel = new Button();
        cancel.getStyleClass().add("admin-download-cancel");
        cancel.textProperty().bind(Bindings.when(row.finishedProperty()).then("Dismiss").otherwise("Cancel"));
        cancel.setOnAction(event -> viewModel.cancel(row));
        var line = new HBox(8, name, bar, detail, pause, resume, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("admin-download-row");
        row.stateProperty().addListener((observable, before, state) -> styleFailed(line, row));
        styleFailed(line, row);
        return line;
    }

    private static void styleFailed(Node line, DownloadRow row) {
        line.getStyleClass().remove("failed");
        if (row.stateProperty().get() == DownloadState.FAILED) {
            line.getStyleClass().add("failed");
        }
    }

    private Node loadSection() {
        var threads = spinner("admin-threads", viewModel.threadsProperty(), 1, 256, 1);
        var context = spinner("admin-context", viewModel.contextSizeProperty(), 16, 1 << 20, 512);
        var batch = spinner("admin-batch", viewModel.batchSizeProperty(), 1, 1 << 16, 64);
        var gpu = spinner("admin-gpu-layers", viewModel.gpuLayersProperty(), 0, 999, 1);
        var slots = spinner("admin-slots", viewModel.parallelSlotsProperty(), 1, 64, 1);
        var load = new Button("Load");
        load.setId("admin-load");
        load.getStyleClass().add("accent");
        load.disableProperty().bind(viewModel.selectedInstalledProperty().isNull().or(viewModel.loadingProperty()));
        load.setOnAction(event -> viewModel.load());
        var parameters = new HBox(10, labelled("Threads", threads), labelled("Context", context),
            labelled("Batch", batch), labelled("GPU layers", gpu), labelled("Slots", slots), load);
        parameters.setAlignment(Pos.BOTTOM_LEFT);
        var fit = new Label();
        fit.setId("admin-fit");
        fit.setWrapText(true);
        fit.getStyleClass().add("admin-fit");
        fit.textProperty().bind(viewModel.fitTextProperty());
        viewModel.fitProperty().addListener((observable, before, verdict) -> {
            fit.getStyleClass().removeAll("fits", "shrink", "too-big");
            if (verdict != null) {
                fit.getStyleClass().add(switch (verdict.verdict()) {
                    case FITS -> "fits";
                    case SHRINK_CONTEXT -> "shrink";
                    case TOO_BIG -> "too-big";
                });
            }
        });
        var selected = new Label();
        selected.getStyleClass().add("admin-selected-model");
        selected.textProperty().bind(Bindings.createStringBinding(() -> {
            var row = viewModel.selectedInstalledProperty().get();
            return row == null ? "Load a model: select it under Installed" : "Load " + row.fileName();
        }, viewModel.selectedInstalledProperty()));
        return new VBox(6, Tables.title("Load"), selected, parameters, fit);
    }

    private Node loadedSection() {
        TableView<LoadedModelRow> table = Tables.table("admin-loaded", "No model in memory");
        table.getColumns().setAll(List.of(
            Tables.column("Model", 200, LoadedModelRow::fileName),
            Tables.column("Parameters", 260, LoadedModelRow::parameters),
            Tables.liveColumn("Memory", 90, row -> Bindings.createStringBinding(
                () -> Formats.bytes(row.memoryBytesProperty().get()), row.memoryBytesProperty())),
            Tables.liveColumn("Generations", 90, row -> row.activeGenerationsProperty().asString())));
        table.setItems(viewModel.loaded());
        table.setPrefHeight(120);
        table.setMinHeight(90);
        var unload = new Button("Unload");
        unload.setId("admin-unload");
        unload.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        unload.setOnAction(event -> viewModel.unload(table.getSelectionModel().getSelectedItem()));
        return new VBox(6, header(Tables.title("In memory"), unload), table);
    }

    private Spinner<Integer> spinner(String id, IntegerProperty property, int min, int max, int step) {
        var spinner = new Spinner<Integer>();
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, property.get(), step);
        spinner.setValueFactory(factory);
        var adapter = property.asObject();
        adapters.add(adapter);
        factory.valueProperty().bindBidirectional(adapter);
        return spinner;
    }

    private static Node labelled(String text, Node field) {
        var label = new Label(text);
        label.getStyleClass().add("admin-field-label");
        return new VBox(2, label, field);
    }

    private static HBox header(Label title, Node... actions) {
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(6);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().add(title);
        header.getChildren().add(spacer);
        header.getChildren().addAll(actions);
        return header;
    }

    private static void styleError(Label message, boolean error) {
        message.getStyleClass().remove("error");
        if (error) {
            message.getStyleClass().add("error");
        }
    }
}
