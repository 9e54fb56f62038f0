package dev.cyberdevstudio.app.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.diff.Snapshots;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.app.editor.EditorTabsPane;
import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.engine.git.GitRepositories;
import dev.cyberdevstudio.engine.git.LineChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The git gutter in real editors over a repository made by JGit: markers as the user types, revert. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GitGutterTest {

    private static final String COMMITTED = """
            package demo;

            class Counter {
                private int count;

                void increment() {
                    count++;
                }

                int count() {
                    return count;
                }
            }
            """;

    @TempDir
    Path folder;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final GitRepositories repositories = new GitRepositories();
    private EditorTabsViewModel editors;
    private EditorTabsPane pane;
    private Scene scene;
    private Git git;

    @Start
    void start(Stage stage) {
        editors = new EditorTabsViewModel(executor, new QuietDialogs());
        pane = new EditorTabsPane(editors);
        pane.addEditorFeature(new GitGutters(executor, repositories));
        scene = new Scene(pane, 760, 420);
        stage.setScene(scene);
        // The primary stage is shared by every test class; earlier ones resize and move it.
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.centerOnScreen();
        stage.show();
    }

    @BeforeEach
    void commitAFile() throws Exception {
        git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call();
        Files.writeString(folder.resolve("Counter.java"), COMMITTED);
        git.add().addFilepattern("Counter.java").call();
        git.commit().setMessage("counter").setSign(false).call();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> editors.closeAll());
        executor.close();
        repositories.close();
        git.close();
    }

    @Test
    void anEditedLineGetsAMarkerAndRevertingItRestoresHead(FxRobot robot) throws Exception {
        var editor = open(robot, "Counter.java");
        var gutter = editor.feature(GitGutter.class).orElseThrow();
        assertThat(gutter.changesProperty().get()).isEmpty();

        replaceLine(robot, editor.document(), 6, "        count += 2;");

        waitUntil(() -> gutter.changesProperty().get().size() == 1);
        var change = gutter.changesProperty().get().getFirst();
        assertThat(change.kind()).isEqualTo(LineChange.Kind.MODIFIED);
        assertThat(change.line()).isEqualTo(6);
        waitUntil(() -> markerOn(robot, editor, 6, ".git-gutter-modified"));
        assertThat(markerOn(robot, editor, 5, ".git-gutter-modified")).isFalse();

        robot.clickOn(marker(robot, editor, 6));
        waitUntil(() -> gutter.popup().isPresent());
        assertThat(robot.lookup("#git-popup-old-lines").queryLabeled().getText()).isEqualTo("        count++;");
        robot.clickOn("#git-revert-hunk");

        waitUntil(() -> editor.document().text().equals(COMMITTED));
        waitUntil(() -> gutter.changesProperty().get().isEmpty());
        waitUntil(() -> !markerOn(robot, editor, 6, ".git-gutter-modified"));
        assertThat(editor.document().isDirty()).isFalse();
        robot.interact(() -> editor.document().undo());
        assertThat(editor.document().text()).contains("count += 2;");
    }

    @Test
    void revertHunkAtCaretPutsBackDeletedLines(FxRobot robot) throws Exception {
        var editor = open(robot, "Counter.java");
        var gutter = editor.feature(GitGutter.class).orElseThrow();
        var document = editor.document();
        var text = document.text();
        int start = text.indexOf("    int count() {");
        int end = text.indexOf("    }\n", start) + "    }\n".length();
        robot.interact(() -> document.replace(start, end, ""));

        waitUntil(() -> gutter.changesProperty().get().stream()
                .anyMatch(change -> change.kind() == LineChange.Kind.DELETED));
        waitUntil(() -> markerOn(robot, editor, 9, ".git-gutter-deleted"));
        robot.interact(() -> document.goTo(10, 1));

        robot.interact(() -> assertThat(gutter.revertHunkAtCaret()).isTrue());

        waitUntil(() -> document.text().equals(COMMITTED));
        waitUntil(() -> gutter.changesProperty().get().isEmpty());
    }

    @Test
    void typingAddsMarkersAfterAPauseEvenBeforeSaving(FxRobot robot) throws Exception {
        var editor = open(robot, "Counter.java");
        var gutter = editor.feature(GitGutter.class).orElseThrow();
        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().moveTo(1, 0));

        robot.type(KeyCode.ENTER);
        robot.write("// x");

        waitUntil(() -> gutter.changesProperty().get().stream()
                .anyMatch(change -> change.kind() == LineChange.Kind.ADDED));
        var added = gutter.changesProperty().get().getFirst();
        assertThat(added.count()).isEqualTo(1);
        assertThat(editor.area().getParagraph(added.line()).getText()).isIn("// x", "");
        waitUntil(() -> markerOn(robot, editor, added.line(), ".git-gutter-added"));
    }

    @Test
    void anUntrackedFileHasNoMarkersAndSaysWhy(FxRobot robot) throws Exception {
        Files.writeString(folder.resolve("scratch.txt"), "notes\n");
        var editor = open(robot, "scratch.txt");
        var gutter = editor.feature(GitGutter.class).orElseThrow();

        waitUntil(() -> !gutter.unavailableProperty().get().isEmpty());

        assertThat(gutter.unavailableProperty().get()).isEqualTo("scratch.txt is not tracked by git.");
        assertThat(gutter.changesProperty().get()).isEmpty();
        assertThat(gutter.revertHunkAtCaret()).isFalse();
    }

    @Test
    void aCommitMadeMeanwhileClearsTheMarkersOnRefresh(FxRobot robot) throws Exception {
        var editor = open(robot, "Counter.java");
        var gutter = editor.feature(GitGutter.class).orElseThrow();
        replaceLine(robot, editor.document(), 3, "    private long count;");
        waitUntil(() -> gutter.changesProperty().get().size() == 1);
        robot.interact(() -> editor.document().save());
        waitUntil(() -> !editor.document().isDirty());

        git.add().addFilepattern("Counter.java").call();
        git.commit().setMessage("long").setSign(false).call();
        robot.interact(gutter::refresh);

        waitUntil(() -> gutter.changesProperty().get().isEmpty());
    }

    @Test
    void closingTheTabDetachesTheGutter(FxRobot robot) throws Exception {
        var editor = open(robot, "Counter.java");
        var gutter = editor.feature(GitGutter.class).orElseThrow();

        robot.interact(() -> editors.close(editor.document()));
        robot.interact(gutter::refresh);
        robot.interact(gutter::close);

        assertThat(editor.feature(GitGutter.class)).isEmpty();
    }

    @Test
    void rendersTheMarkersInBothThemes(FxRobot robot) throws Exception {
        var editor = open(robot, "Counter.java");
        var gutter = editor.feature(GitGutter.class).orElseThrow();
        var document = editor.document();
        robot.interact(() -> {
            var text = document.text();
            int removeFrom = text.indexOf("    int count() {");
            int removeTo = text.indexOf("    }\n", removeFrom) + "    }\n".length();
            document.replace(removeFrom, removeTo, "");
        });
        replaceLine(robot, document, 6, "        count += 2;");
        robot.interact(() -> document.replace(0, 0, "// Counts.\n"));
        waitUntil(() -> gutter.changesProperty().get().size() == 3);
        for (var theme : Snapshots.THEMES) {
            robot.interact(() -> Snapshots.theme(scene, theme));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Snapshots.save(scene, "git-gutter-" + theme));
        }
        robot.clickOn(marker(robot, editor, 7));
        waitUntil(() -> gutter.popup().isPresent());
        robot.interact(() -> Snapshots.save(gutter.popup().orElseThrow().getScene(), "git-gutter-popup"));
        robot.interact(() -> Snapshots.save(scene, "git-gutter-with-popup"));
        robot.interact(() -> Snapshots.resetTheme(scene));
        assertThat(Files.exists(Path.of("target/shots/git-gutter-serial-steel.png"))).isTrue();
    }

    private CodeEditor open(FxRobot robot, String name) throws Exception {
        var file = folder.resolve(name);
        robot.interact(() -> editors.open(file));
        waitUntil(() -> editors.activeDocument().isPresent() && pane.activeEditor().isPresent());
        var editor = pane.activeEditor().orElseThrow();
        WaitForAsyncUtils.waitForFxEvents();
        return editor;
    }

    private static void replaceLine(FxRobot robot, DocumentViewModel document, int line, String replacement) {
        robot.interact(() -> {
            var lines = List.of(document.text().split("\n", -1));
            int start = 0;
            for (int i = 0; i < line; i++) {
                start += lines.get(i).length() + 1;
            }
            document.replace(start, start + lines.get(line).length(), replacement);
        });
    }

    private static boolean markerOn(FxRobot robot, CodeEditor editor, int paragraph, String style) {
        var found = new boolean[1];
        robot.interact(() -> found[0] = paragraphGraphic(editor, paragraph) != null
                && !paragraphGraphic(editor, paragraph).lookupAll(style).isEmpty());
        return found[0];
    }

    private static Node marker(FxRobot robot, CodeEditor editor, int paragraph) {
        var found = new Node[1];
        robot.interact(() -> found[0] = paragraphGraphic(editor, paragraph).lookup(".git-gutter-marked"));
        assertThat(found[0]).as("marker on paragraph " + paragraph).isNotNull();
        return found[0];
    }

    // The graphic the area shows beside a visible paragraph: the gutter row of line number and columns.
    private static Node paragraphGraphic(CodeEditor editor, int paragraph) {
        var area = editor.area();
        if (paragraph < area.firstVisibleParToAllParIndex() || paragraph > area.lastVisibleParToAllParIndex()) {
            return null;
        }
        var box = area.getParagraphGraphic(paragraph);
        return box;
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
