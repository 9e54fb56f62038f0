package dev.cyberdevstudio.app.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.engine.diff.RowKind;
import dev.cyberdevstudio.engine.diff.SideBySideRow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The diff view in a real window: rows side by side and inline, navigation, review. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DiffViewTest {

    private static final String HEAD = """
            import java.util.List;

            class Greeter {
                private final String name;

                Greeter(String name) {
                    this.name = name;
                }

                String greet() {
                    return "Hello, " + name;
                }

                void unused() {
                }
            }
            """;
    private static final String EDITED = """
            import java.util.List;
            import java.util.Objects;

            class Greeter {
                private final String name;

                Greeter(String name) {
                    this.name = Objects.requireNonNull(name);
                }

                String greet() {
                    return "Hello, " + name + "!";
                }
            }
            """;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final StackPane root = new StackPane();
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(root, 1100, 520);
        stage.setScene(scene);
        // The primary stage is shared by every test class; earlier ones resize and move it.
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.centerOnScreen();
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    @Test
    void showsTheRowsSideBySideWithFillersAndMarkers(FxRobot robot) throws Exception {
        var view = show(robot, DiffView.compare(executor, "Greeter.java", "HEAD", HEAD, "Editor", EDITED));

        var rows = view.sideRows();
        assertThat(rows).extracting(SideBySideRow::kind).contains(RowKind.ADDED, RowKind.CHANGED, RowKind.DELETED);
        assertThat(view.leftArea().getParagraphs()).hasSameSizeAs(rows);
        assertThat(view.rightArea().getParagraphs()).hasSameSizeAs(rows);
        int added = indexOf(rows, RowKind.ADDED);
        assertThat(view.rightArea().getParagraph(added).getText()).isEqualTo("import java.util.Objects;");
        assertThat(view.leftArea().getParagraph(added).getText()).isEmpty();
        assertThat(view.leftArea().getParagraph(added).getParagraphStyle()).containsExactly("diff-row-filler");
        assertThat(view.rightArea().getParagraph(added).getParagraphStyle()).containsExactly("diff-row-added");
        int changed = indexOf(rows, RowKind.CHANGED);
        assertThat(view.rightArea().getStyleOfChar(changed, 30)).contains("diff-word-added");
        assertThat(robot.lookup(".diff-marker-added").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#diff-summary").queryAs(Label.class).getText()).isEqualTo("3 changes (+3 \u22125)");
        assertThat(view.leftArea().isEditable()).isFalse();
    }

    @Test
    void nextAndPreviousMoveBetweenHunksWithF7(FxRobot robot) throws Exception {
        var view = show(robot, DiffView.compare(executor, "Greeter.java", "HEAD", HEAD, "Editor", EDITED));
        robot.clickOn(view.rightArea());

        robot.type(KeyCode.F7);
        robot.type(KeyCode.F7);
        assertThat(view.viewModel().currentHunkProperty().get()).isEqualTo(2);
        int row = view.sideRows().stream().filter(r -> r.hunkIndex() == 2).findFirst().orElseThrow().rightLine();
        assertThat(view.rightArea().getCurrentParagraph()).isGreaterThanOrEqualTo(row);

        robot.press(KeyCode.SHIFT).type(KeyCode.F7).release(KeyCode.SHIFT);
        assertThat(view.viewModel().currentHunkProperty().get()).isEqualTo(1);
        robot.clickOn("#diff-next");
        assertThat(view.viewModel().currentHunkProperty().get()).isEqualTo(2);
        robot.clickOn("#diff-previous");
        assertThat(view.viewModel().currentHunkProperty().get()).isEqualTo(1);
    }

    @Test
    void theInlineModeShowsOldLinesAboveNewOnes(FxRobot robot) throws Exception {
        var view = show(robot, DiffView.compare(executor, "f", "L", "a\nold line\nz\n", "R", "a\nnew line\nz\n"));

        robot.clickOn("#diff-mode-inline");

        assertThat(view.viewModel().modeProperty().get()).isEqualTo(DiffViewModel.Mode.INLINE);
        assertThat(view.inlineArea().getText()).isEqualTo("a\nold line\nnew line\nz");
        assertThat(view.inlineArea().getParagraph(1).getParagraphStyle()).containsExactly("diff-row-deleted");
        assertThat(view.inlineArea().getParagraph(2).getParagraphStyle()).containsExactly("diff-row-added");
        assertThat(view.inlineArea().getStyleOfChar(1, 1)).contains("diff-word-deleted");
        assertThat(view.inlineArea().getParent().isVisible()).isTrue();
        robot.clickOn("#diff-mode-side-by-side");
        assertThat(view.viewModel().modeProperty().get()).isEqualTo(DiffViewModel.Mode.SIDE_BY_SIDE);
    }

    @Test
    void reviewAcceptsAndRejectsHunksAndShowsTheResult(FxRobot robot) throws Exception {
        var base = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n";
        var proposed = "one\nTWO\nthree\nfour\nfive\nsix\nSEVEN\neight\n";
        var view = show(robot, DiffView.review(executor, "change set", "Base", base, "Proposed", proposed));
        assertThat(view.viewModel().result()).isEqualTo(proposed);

        robot.clickOn("#diff-reject-0");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.viewModel().isAccepted(0));
        assertThat(view.viewModel().result()).isEqualTo("one\ntwo\nthree\nfour\nfive\nsix\nSEVEN\neight\n");
        robot.clickOn("#diff-show-result");
        assertThat(view.resultArea().getText()).isEqualTo(view.viewModel().result());
        assertThat(view.resultArea().getParent().isVisible()).isTrue();

        robot.clickOn("#diff-reject-all");
        assertThat(view.resultArea().getText()).isEqualTo(base);
        robot.clickOn("#diff-accept-1");
        assertThat(view.resultArea().getText()).isEqualTo("one\ntwo\nthree\nfour\nfive\nsix\nSEVEN\neight\n");
        robot.clickOn("#diff-accept-all");
        assertThat(view.resultArea().getText()).isEqualTo(proposed);
    }

    @Test
    void rendersInBothThemes(FxRobot robot) throws Exception {
        for (var theme : Snapshots.THEMES) {
            var view = show(robot, DiffView.compare(executor, "Greeter.java", "HEAD", HEAD, "Editor", EDITED));
            robot.interact(() -> Snapshots.theme(scene, theme));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Snapshots.save(scene, "diff-side-by-side-" + theme));
            robot.interact(() -> view.viewModel().modeProperty().set(DiffViewModel.Mode.INLINE));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Snapshots.save(scene, "diff-inline-" + theme));
            var review = show(robot, DiffView.review(executor, "Greeter.java", "Base", HEAD, "Proposed", EDITED));
            robot.interact(() -> review.viewModel().setAccepted(1, false));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Snapshots.save(scene, "diff-review-" + theme));
        }
        robot.interact(() -> Snapshots.resetTheme(scene));
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("target/shots/diff-review-serial-steel.png")))
                .isTrue();
    }

    private DiffView show(FxRobot robot, DiffView view) throws Exception {
        var shown = new AtomicReference<DiffView>();
        robot.interact(() -> {
            root.getChildren().setAll(view);
            shown.set(view);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.viewModel().content().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return shown.get();
    }

    private static int indexOf(java.util.List<SideBySideRow> rows, RowKind kind) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() == kind) {
                return i;
            }
        }
        throw new AssertionError("no " + kind + " row");
    }
}
