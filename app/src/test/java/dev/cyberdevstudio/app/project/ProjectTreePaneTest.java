package dev.cyberdevstudio.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
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
class ProjectTreePaneTest {

    @TempDir
    Path project;

    private final FakeProjectDialogs dialogs = new FakeProjectDialogs();
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private FxTaskExecutor executor;
    private ProjectTreeViewModel viewModel;

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor();
        viewModel = new ProjectTreeViewModel(executor, dialogs);
        viewModel.setOnOpenFile(opened::add);
        stage.setScene(new Scene(new ProjectTreePane(viewModel), 420, 520));
        stage.show();
    }

    @AfterEach
    void closeProject(FxRobot robot) {
        robot.interact(viewModel::close);
        executor.close();
    }

    @Test
    void showsPlaceholderUntilAFolderIsOpened(FxRobot robot) {
        assertThat(robot.lookup(".project-tree-placeholder").tryQuery()).isPresent();
        assertThat(robot.lookup("#project-tree").tryQuery()).isEmpty();
    }

    @Test
    void showsTheFolderWithItsFilesAndExpandsAFolder(FxRobot robot) throws Exception {
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/Main.java"), "class Main {}");
        Files.createFile(project.resolve("README.md"));
        Files.createDirectories(project.resolve(".git"));

        robot.interact(() -> viewModel.open(project));

        awaitCell(robot, project.getFileName().toString());
        awaitCell(robot, "src");
        awaitCell(robot, "README.md");
        assertThat(visibleNames(robot)).containsExactly(project.getFileName().toString(), "src", "README.md");

        robot.doubleClickOn(cell(robot, "src").orElseThrow());

        awaitCell(robot, "Main.java");
        assertThat(visibleNames(robot)).containsExactly(project.getFileName().toString(), "src", "Main.java",
                "README.md");
        assertThat(cell(robot, "src").orElseThrow().getStyleClass()).contains("project-tree-folder");
        assertThat(cell(robot, "Main.java").orElseThrow().getStyleClass()).contains("project-tree-file");
    }

    @Test
    void aFileCreatedOnDiskAppearsWithoutLosingExpansionOrSelection(FxRobot robot) throws Exception {
        Files.createDirectories(project.resolve("src"));
        Files.createFile(project.resolve("src/App.java"));
        robot.interact(() -> viewModel.open(project));
        robot.doubleClickOn(awaitCell(robot, "src"));
        robot.clickOn(awaitCell(robot, "App.java"));

        Files.createFile(project.resolve("fresh.txt"));
        Files.createFile(project.resolve("src/Other.java"));

        awaitCell(robot, "fresh.txt");
        awaitCell(robot, "Other.java");
        assertThat(selectedName(robot)).isEqualTo("App.java");
        assertThat(visibleNames(robot)).containsExactly(project.getFileName().toString(), "src", "App.java",
                "Other.java", "fresh.txt");
    }

    @Test
    void aFileDeletedOnDiskDisappears(FxRobot robot) throws Exception {
        var doomed = Files.createFile(project.resolve("doomed.txt"));
        robot.interact(() -> viewModel.open(project));
        awaitCell(robot, "doomed.txt");

        Files.delete(doomed);

        await(() -> cell(robot, "doomed.txt").isEmpty());
    }

    @Test
    void newFileThroughTheViewModelAppearsSelected(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.open(project));
        awaitCell(robot, project.getFileName().toString());
        dialogs.answerName("made.txt");

        robot.interact(() -> viewModel.newFile(viewModel.rootProperty().get()));

        awaitCell(robot, "made.txt");
        assertThat(project.resolve("made.txt")).isRegularFile();
        await(() -> "made.txt".equals(selectedName(robot)));
        assertThat(opened).containsExactly(project.resolve("made.txt"));
    }

    @Test
    void doubleClickOnAFileOpensIt(FxRobot robot) throws Exception {
        Files.createFile(project.resolve("open-me.txt"));
        robot.interact(() -> viewModel.open(project));

        robot.doubleClickOn(awaitCell(robot, "open-me.txt"));

        await(() -> opened.contains(project.resolve("open-me.txt")));
        assertThat(opened).containsExactly(project.resolve("open-me.txt"));
    }

    @Test
    void enterOnASelectedFileOpensIt(FxRobot robot) throws Exception {
        Files.createFile(project.resolve("enter.txt"));
        robot.interact(() -> viewModel.open(project));
        robot.clickOn(awaitCell(robot, "enter.txt"));

        robot.type(KeyCode.ENTER);

        await(() -> opened.contains(project.resolve("enter.txt")));
    }

    @Test
    void deleteFromTheContextMenuAsksAndRemovesTheFile(FxRobot robot) throws Exception {
        Files.createFile(project.resolve("bye.txt"));
        robot.interact(() -> viewModel.open(project));

        robot.rightClickOn(awaitCell(robot, "bye.txt"));
        robot.clickOn("Delete");

        await(() -> cell(robot, "bye.txt").isEmpty());
        assertThat(project.resolve("bye.txt")).doesNotExist();
        assertThat(dialogs.deleteRequests).containsExactly(
                new FakeProjectDialogs.DeleteRequest(project.resolve("bye.txt"), false));
    }

    @Test
    void renameWithF2RenamesTheSelectedFile(FxRobot robot) throws Exception {
        Files.createFile(project.resolve("before.txt"));
        robot.interact(() -> viewModel.open(project));
        robot.clickOn(awaitCell(robot, "before.txt"));
        dialogs.answerName("after.txt");

        robot.type(KeyCode.F2);

        awaitCell(robot, "after.txt");
        assertThat(project.resolve("after.txt")).exists();
        await(() -> "after.txt".equals(selectedName(robot)));
    }

    @Test
    void newFolderFromTheContextMenuOfTheRoot(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.open(project));
        dialogs.answerName("made-dir");

        robot.rightClickOn(awaitCell(robot, project.getFileName().toString()));
        assertThat(menuItem(robot, "project-rename").isDisable()).as("the project folder cannot be renamed").isTrue();
        assertThat(menuItem(robot, "project-delete").isDisable()).as("the project folder cannot be deleted").isTrue();
        robot.clickOn("New Folder...");

        awaitCell(robot, "made-dir");
        assertThat(project.resolve("made-dir")).isDirectory();
    }

    private static TreeCell<?> awaitCell(FxRobot robot, String name) throws TimeoutException {
        await(() -> cell(robot, name).isPresent());
        return cell(robot, name).orElseThrow();
    }

    private static Optional<TreeCell<?>> cell(FxRobot robot, String name) {
        return robot.lookup(".tree-cell").<TreeCell<?>>queryAll().stream()
                .filter(cell -> !cell.isEmpty() && name.equals(cell.getText()) && cell.isVisible())
                .findFirst();
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return tree(robot).getContextMenu().getItems().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow();
    }

    private static List<String> visibleNames(FxRobot robot) throws Exception {
        var tree = tree(robot);
        return WaitForAsyncUtils.asyncFx(() -> IntStream.range(0, tree.getExpandedItemCount())
                .mapToObj(row -> tree.getTreeItem(row).getValue().name()).toList()).get(10, TimeUnit.SECONDS);
    }

    private static String selectedName(FxRobot robot) {
        var item = tree(robot).getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue().name();
    }

    @SuppressWarnings("unchecked")
    private static TreeView<ProjectNode> tree(FxRobot robot) {
        return (TreeView<ProjectNode>) robot.lookup("#project-tree").query();
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
