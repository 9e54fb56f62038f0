package dev.cyberdevstudio.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.engine.search.FileIndex;
import dev.cyberdevstudio.engine.search.TextMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
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
class SearchInFilesPaneTest {

    @TempDir
    static Path project;

    private final List<String> opened = new CopyOnWriteArrayList<>();
    private FxTaskExecutor executor;
    private FileIndex index;
    private SearchInFilesViewModel viewModel;

    @Start
    void start(Stage stage) throws IOException {
        write("src/App.java", "class App {\n    // TODO wire the menus\n    void run() { /* todo */ }\n}\n");
        write("src/Menu.java", "class Menu {\n}\n");
        write("docs/notes.md", "# Notes\n\nTODO: screenshots\n");
        executor = new FxTaskExecutor();
        index = FileIndex.build(project);
        viewModel = new SearchInFilesViewModel(executor, (file, line, column) ->
                opened.add(project.relativize(file) + "@" + line + ":" + column));
        viewModel.setIndex(index);
        stage.setScene(new Scene(new SearchInFilesPane(viewModel), 800, 500));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        index.close();
        executor.close();
    }

    @Test
    void findsMatchesAndOpeningAResultCallsBackWithFileAndLine(FxRobot robot) throws TimeoutException {
        robot.clickOn("#search-query").write("todo").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> summary(robot).equals("3 matches in 2 files"));
        var tree = tree(robot);
        assertThat(tree.getRoot().getChildren()).hasSize(2);
        var appFile = tree.getRoot().getChildren().stream()
                .filter(item -> ((FileResults) item.getValue()).relativePath().equals("src/App.java"))
                .findFirst().orElseThrow();
        var secondLine = appFile.getChildren().get(1);
        assertThat(((TextMatch) secondLine.getValue()).line()).isEqualTo(3);

        robot.interact(() -> {
            tree.getSelectionModel().select(secondLine);
            tree.requestFocus();
        });
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).containsExactly("src/App.java@3:21");
    }

    @Test
    void doubleClickOnALineOpensIt(FxRobot robot) throws TimeoutException {
        robot.clickOn("#search-match-case");
        robot.clickOn("#search-query").write("TODO").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> summary(robot).equals("2 matches in 2 files"));

        Node notesLine = robot.lookup(".search-line-cell").match((TreeCell<?> cell) -> cell.getItem() instanceof TextMatch
                match && match.relativePath().equals("docs/notes.md")).query();
        robot.doubleClickOn(notesLine);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).containsExactly("docs/notes.md@3:1");
    }

    @Test
    void aBadRegularExpressionShowsItsMessageInline(FxRobot robot) throws TimeoutException {
        robot.clickOn("#search-regex");
        robot.clickOn("#search-query").write("run(");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#search-problem").queryLabeled().isVisible());
        assertThat(robot.lookup("#search-problem").queryLabeled().getText())
                .startsWith("Bad regular expression: Unclosed group");
        robot.type(KeyCode.ENTER);
        assertThat(tree(robot).getRoot().getChildren()).isEmpty();
    }

    private static TreeView<Object> tree(FxRobot robot) {
        return robot.lookup("#search-results").query();
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#search-summary").queryLabeled().getText();
    }

    private static void write(String relative, String text) throws IOException {
        var file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
