package dev.cyberdevstudio.app.admin;

import static dev.cyberdevstudio.app.admin.AdminFixtures.GIB;
import static dev.cyberdevstudio.app.admin.AdminFixtures.MIB;
import static dev.cyberdevstudio.app.admin.AdminFixtures.entry;
import static dev.cyberdevstudio.app.admin.AdminFixtures.installed;
import static dev.cyberdevstudio.app.admin.AdminFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.engine.system.SystemMonitor;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.MemoryFit;
import dev.cyberdevstudio.llm.RuntimeEvent;
import dev.cyberdevstudio.models.catalog.ModelRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The admin pane in a real window, driven by mouse: background work on virtual threads, results on the FX thread,
 * a real system monitor sampling this machine, and test doubles of the models backend, runtime and ledger.
 */
@ExtendWith(ApplicationExtension.class)
class AdminPaneTest {

    private static final Path FOLDER = Path.of("/data/models");

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final TestModelsBackend backend = new TestModelsBackend();
    private final TestTokenLedger ledger = new TestTokenLedger();
    private final TestAdminDialogs dialogs = new TestAdminDialogs();
    private SystemMonitor monitor;
    private AdminViewModel admin;
    private AdminPane pane;

    @Start
    void start(Stage stage) {
        backend.catalog.add(entry("coder", ModelRole.CODE, "coder.gguf", 1_650 * MIB));
        backend.catalog.add(entry("embed", ModelRole.EMBEDDING, "embed.gguf", 90 * MIB));
        backend.install(installed(FOLDER, "coder.gguf", Optional.of("coder")));
        monitor = SystemMonitor.start(Duration.ofMillis(200), Duration.ofSeconds(10));
        admin = new AdminViewModel(executor, backend, monitor, ledger, dialogs);
        pane = new AdminPane(admin);
        admin.start();
        var theme = ThemeCatalog.load();
        Application.setUserAgentStylesheet(theme.defaultTheme().baseStylesheet());
        var scene = new Scene(pane, 1200, 800);
        scene.getStylesheets().setAll(theme.sharedStylesheet(), theme.defaultTheme().tokensStylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        admin.close();
        monitor.close();
        executor.close();
    }

    @Test
    void downloadShowsProgressAndItsButtonsActOnTheHandle(FxRobot robot) throws Exception {
        await(() -> table(robot, "#admin-catalog").getItems().size() == 2);
        robot.clickOn(robot.lookup("#admin-catalog .table-row-cell").nth(1).queryAs(Node.class));
        robot.clickOn("#admin-download");
        await(() -> backend.downloads.size() == 1);
        var handle = backend.downloads.getFirst();

        handle.running(45 * MIB, 5 * MIB);

        await(() -> robot.lookup(".admin-download-bar").tryQueryAs(ProgressBar.class)
            .map(bar -> bar.getProgress() == 0.5).orElse(false));
        assertThat(fx(() -> robot.lookup(".admin-download-detail").queryAs(Label.class).getText()))
            .isEqualTo("45.0 MB of 90.0 MB · 5.0 MB/s · 9 s left");
        assertThat(fx(() -> robot.lookup(".admin-download-resume").queryAs(Button.class).isDisabled())).isTrue();

        robot.clickOn(".admin-download-pause");
        await(() -> handle.pauses.get() == 1);
        await(() -> !robot.lookup(".admin-download-resume").queryAs(Button.class).isDisabled());
        robot.clickOn(".admin-download-resume");
        await(() -> handle.resumes.get() == 1);
        robot.clickOn(".admin-download-cancel");

        await(() -> handle.cancels.get() == 1);
        await(() -> robot.lookup(".admin-download-row").queryAll().isEmpty());
        assertThat(fx(() -> robot.lookup("#admin-models-message").queryAs(Label.class).getText()))
            .isEqualTo("Cancelled the download of embed.gguf");
    }

    @Test
    void aFailedChecksumShowsTheFileAndTheCauseAndTheStudioCarriesOn(FxRobot robot) throws Exception {
        await(() -> table(robot, "#admin-catalog").getItems().size() == 2);
        robot.clickOn(robot.lookup("#admin-catalog .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#admin-download");
        await(() -> backend.downloads.size() == 1);

        backend.downloads.getFirst().fail("coder.gguf: SHA-256 does not match the published one");

        await(() -> robot.lookup(".admin-download-row.failed").tryQuery().isPresent());
        assertThat(fx(() -> robot.lookup("#admin-models-message").queryAs(Label.class).getText()))
            .isEqualTo("Download of coder.gguf failed: coder.gguf: SHA-256 does not match the published one");
        assertThat(fx(() -> robot.lookup("#admin-models-message").queryAs(Label.class).getStyleClass()))
            .contains("error");
        robot.clickOn(".admin-download-cancel");
        await(() -> robot.lookup(".admin-download-row").queryAll().isEmpty());
    }

    @Test
    void loadingShowsTheModelInMemoryWithItsMemoryLive(FxRobot robot) throws Exception {
        await(() -> table(robot, "#admin-installed").getItems().size() == 1);
        robot.clickOn(robot.lookup("#admin-installed .table-row-cell").nth(0).queryAs(Node.class));
        await(() -> text(robot, "#admin-fit").startsWith("✓ Fits"));

        robot.clickOn("#admin-load");

        await(() -> table(robot, "#admin-loaded").getItems().size() == 1);
        assertThat(fx(() -> cell(robot, "#admin-loaded", "coder.gguf"))).isTrue();
        await(() -> cell(robot, "#admin-loaded", "512 MB"));
        backend.runtime.loadedModel(0).memory.set(700 * MIB);
        backend.runtime.loadedModel(0).generations.set(2);
        await(() -> cell(robot, "#admin-loaded", "700 MB"));
        await(() -> text(robot, "#admin-free-memory").startsWith("Free memory ")
            && text(robot, "#admin-free-memory").endsWith("models hold 700 MB"));

        robot.clickOn(robot.lookup("#admin-loaded .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#admin-unload");
        await(() -> table(robot, "#admin-loaded").getItems().isEmpty());
        assertThat(backend.runtime.loaded()).isEmpty();
    }

    @Test
    void aModelTooBigForMemoryIsRefusedWithTheReason(FxRobot robot) throws Exception {
        backend.runtime.fit = (file, parameters) -> new MemoryFit(MemoryFit.Verdict.TOO_BIG, 40 * GIB, 8 * GIB,
            OptionalInt.empty(), "coder.gguf needs 40 GB; 8 GB are free.");
        await(() -> table(robot, "#admin-installed").getItems().size() == 1);
        robot.clickOn(robot.lookup("#admin-installed .table-row-cell").nth(0).queryAs(Node.class));
        await(() -> text(robot, "#admin-fit").startsWith("✗ Too big"));

        robot.clickOn("#admin-load");

        await(() -> text(robot, "#admin-models-message").equals("Not loading coder.gguf: coder.gguf needs 40 GB; 8 GB "
            + "are free."));
        assertThat(backend.runtime.loads).isEmpty();
        assertThat(fx(() -> robot.lookup("#admin-fit").queryAs(Label.class).getStyleClass())).contains("too-big");
    }

    @Test
    void aFileAddedThroughTheChooserShowsUnderInstalled(FxRobot robot) throws Exception {
        await(() -> table(robot, "#admin-installed").getItems().size() == 1);
        dialogs.chosenFile = Optional.of(Path.of("/home/me/Downloads/picked.gguf"));

        robot.clickOn("#admin-add-file");

        await(() -> cell(robot, "#admin-installed", "picked.gguf"));
        assertThat(backend.addedFiles).containsExactly(Path.of("/home/me/Downloads/picked.gguf"));
        assertThat(fx(() -> table(robot, "#admin-installed").getItems().size())).isEqualTo(2);
        assertThat(text(robot, "#admin-models-message")).isEqualTo("Added picked.gguf to the models folder");
    }

    @Test
    void usageRowsAndTheChartAppearWhenAGenerationEnds(FxRobot robot) throws Exception {
        robot.clickOn("Usage");
        assertThat(fx(() -> table(robot, "#admin-usage-requests").getItems())).isEmpty();
        var record = usage(Instant.now(), "coder.gguf", 120, 48, GenerationOutcome.COMPLETED);
        ledger.record(record);

        backend.runtime.emit(new RuntimeEvent.GenerationEnded("coder.gguf#1", record));

        await(() -> table(robot, "#admin-usage-requests").getItems().size() == 1);
        await(() -> cell(robot, "#admin-usage-requests", "120") && cell(robot, "#admin-usage-requests", "180 ms")
            && cell(robot, "#admin-usage-requests", "completed"));
        @SuppressWarnings("unchecked")
        var chart = (StackedBarChart<String, Number>) robot.lookup("#admin-usage-chart").queryAs(StackedBarChart.class);
        assertThat(fx(() -> chart.getData().size())).isEqualTo(1);
        assertThat(fx(() -> chart.getData().getFirst().getData().getFirst().getYValue().longValue())).isEqualTo(168L);
        assertThat(text(robot, "#admin-usage-summary")).isEqualTo("1 request, 168 tokens in the last 14 days");
    }

    @Test
    void systemChartsFillOncePerSampleWithTheMachinesNumbers(FxRobot robot) throws Exception {
        robot.clickOn("System");

        await(() -> points(robot, "#admin-cpu-chart") >= 3 * 2 && points(robot, "#admin-memory-chart") >= 3 * 2);
        assertThat(text(robot, "#admin-machine-cpu")).matches("\\d+ % of \\d+ CPUs");
        assertThat(text(robot, "#admin-studio-memory")).endsWith(" resident");
        assertThat(text(robot, "#admin-machine-memory")).contains(" used of ", " free");
        await(() -> points(robot, "#admin-cpu-chart") == 2 * monitor.capacity());
        Thread.sleep(600);
        assertThat(points(robot, "#admin-cpu-chart")).isEqualTo(2 * monitor.capacity());
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TableView.class);
    }

    private static boolean cell(FxRobot robot, String table, String text) {
        return robot.lookup(table + " .table-cell").queryAllAs(TableCell.class).stream()
            .anyMatch(cell -> text.equals(cell.getText()));
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private static int points(FxRobot robot, String query) throws Exception {
        return fx(() -> SystemTab.points((XYChart<Number, Number>) robot.lookup(query).queryAs(XYChart.class)));
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(condition));
    }
}
