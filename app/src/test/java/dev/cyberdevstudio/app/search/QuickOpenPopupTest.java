package dev.cyberdevstudio.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.engine.search.FileIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class QuickOpenPopupTest {

    @TempDir
    static Path project;

    private final List<String> opened = new CopyOnWriteArrayList<>();
    private FxTaskExecutor executor;
    private FileIndex index;
    private QuickOpenViewModel viewModel;
    private QuickOpenPopup popup;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        for (var file : List.of("app/src/main/java/dev/studio/MainWindow.java", "app/src/main/java/dev/studio/Menus.java",
                "somewhere/mw/x.txt", "docs/manual.md", "node_modules/mainwin/index.js")) {
            var path = project.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        this.stage = stage;
        executor = new FxTaskExecutor();
        index = FileIndex.build(project);
        viewModel = new QuickOpenViewModel(executor, (file, line, column) ->
                opened.add(project.relativize(file) + "@" + line + ":" + column));
        viewModel.setIndex(index);
        popup = new QuickOpenPopup(viewModel);
        stage.setScene(new Scene(new StackPane(), 900, 600));
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(popup::hide);
        index.close();
        executor.close();
    }

    @Test
    void quickOpenFindsAFileByAFuzzyQueryAndEnterOpensIt(FxRobot robot) throws TimeoutException {
        robot.interact(() -> popup.show(stage));
        robot.clickOn("#quick-open-field").write("mwin");

        awaitFirst(robot, "app/src/main/java/dev/studio/MainWindow.java");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).containsExactly("app/src/main/java/dev/studio/MainWindow.java@0:0");
        assertThat(popup.isShowing()).isFalse();
    }

    @Test
    void aLineSuffixOpensAtThatLineAndArrowsMoveTheSelection(FxRobot robot) throws TimeoutException {
        robot.interact(() -> popup.show(stage));
        robot.clickOn("#quick-open-field").write("mw:12");
        awaitFirst(robot, "app/src/main/java/dev/studio/MainWindow.java");
        assertThat(list(robot).getItems()).extracting(QuickOpenItem::path)
                .containsExactly("app/src/main/java/dev/studio/MainWindow.java", "somewhere/mw/x.txt");

        robot.type(KeyCode.DOWN);
        assertThat(list(robot).getSelectionModel().getSelectedItem().path()).isEqualTo("somewhere/mw/x.txt");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).containsExactly("somewhere/mw/x.txt@12:1");
    }

    @Test
    void escapeClosesWithoutOpeningAndRecentFilesComeFirstNextTime(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            viewModel.noteOpened(project.resolve("docs/manual.md"));
            popup.show(stage);
        });
        awaitFirst(robot, "docs/manual.md");
        assertThat(list(robot).getItems().getFirst().recent()).isTrue();
        assertThat(robot.lookup("#quick-open-status").queryLabeled().getText()).isEqualTo("4 files");

        robot.type(KeyCode.ESCAPE);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !popup.isShowing());
        assertThat(opened).isEmpty();
    }

    private static ListView<QuickOpenItem> list(FxRobot robot) {
        return robot.lookup("#quick-open-list").queryListView();
    }

    private static void awaitFirst(FxRobot robot, String path) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            var items = list(robot).getItems();
            return !items.isEmpty() && items.getFirst().path().equals(path);
        });
    }
}
