package dev.cyberdevstudio.app.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.actions.TestThemes;
import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.app.editor.EditorTabsPane;
import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.app.editor.FxEditorDialogs;
import dev.cyberdevstudio.engine.syntax.OutlineSymbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Breadcrumbs and Go to Symbol on real editors over real files, the outline read by tree-sitter in the background:
 * the bar shows the path and the method around the caret and follows edits; the symbol list moves the caret.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EditorSymbolsTest {

    static final String SHOP = """
            package shop;

            public class Shop {
                private int count;

                public void sell(int amount) {
                    count -= amount;
                }

                static class Till {
                    void open() {
                    }
                }
            }
            """;

    @TempDir
    Path project;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private EditorTabsViewModel editors;
    private EditorTabsPane pane;
    private EditorSymbols symbols;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        editors = new EditorTabsViewModel(executor, new FxEditorDialogs(() -> stage));
        pane = new EditorTabsPane(editors);
        symbols = EditorSymbols.install(pane, executor, () -> Optional.of(project));
        var scene = new Scene(pane, 900, 520);
        TestThemes.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void breadcrumbsShowThePathAndTheMethodAroundTheCaretAndFollowEdits(FxRobot robot) throws Exception {
        var document = open(robot, "src/shop/Shop.java", SHOP);
        robot.interact(() -> document.select(SHOP.indexOf("count -=") + 2, SHOP.indexOf("count -=") + 2));

        waitUntil(() -> crumbs(robot).equals(List.of("src", "shop", "Shop.java", "Shop", "sell")));

        var end = SHOP.lastIndexOf("}");
        robot.interact(() -> document.replace(end, end, "    void refund() {\n        count++;\n    }\n"));
        var inside = document.text().indexOf("count++");
        robot.interact(() -> document.select(inside, inside));
        waitUntil(() -> crumbs(robot).equals(List.of("src", "shop", "Shop.java", "Shop", "refund")));

        robot.interact(() -> document.select(0, 0));
        waitUntil(() -> crumbs(robot).equals(List.of("src", "shop", "Shop.java")));
    }

    @Test
    void clickingASymbolCrumbPutsTheCaretOnItsName(FxRobot robot) throws Exception {
        var document = open(robot, "Shop.java", SHOP);
        var inOpen = SHOP.indexOf("void open") + 12;
        robot.interact(() -> document.select(inOpen, inOpen));
        waitUntil(() -> crumbs(robot).contains("Till"));

        robot.clickOn(robot.lookup(".breadcrumb.symbol").match((Label label) -> "Till".equals(label.getText()))
                .queryAs(Label.class));

        waitUntil(() -> document.caretLineProperty().get() == 10 && document.caretColumnProperty().get() == 18);
    }

    @Test
    void goToSymbolListsTheSymbolsFiltersThemAndEnterMovesTheCaret(FxRobot robot) throws Exception {
        var document = open(robot, "Shop.java", SHOP);
        var editor = pane.editorFor(document).orElseThrow();
        waitUntil(() -> editor.feature(EditorOutline.class).flatMap(EditorOutline::outline).isPresent());

        robot.interact(() -> assertThat(symbols.goToSymbol(stage)).isTrue());
        ListView<OutlineSymbol> list = robot.lookup("#go-to-symbol-list").query();
        assertThat(list.getItems()).extracting(OutlineSymbol::name)
                .containsExactly("Shop", "count", "sell", "Till", "open");

        robot.write("sel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(OutlineSymbol::name).first().isEqualTo("sell");
        robot.push(KeyCode.ENTER);

        waitUntil(() -> document.caretLineProperty().get() == 6 && document.caretColumnProperty().get() == 17);
        assertThat(robot.lookup("#go-to-symbol").tryQuery()).isEmpty();
    }

    @Test
    void aFileWithoutAGrammarShowsItsPathAndHasNoSymbolList(FxRobot robot) throws Exception {
        open(robot, "notes/todo.txt", "buy milk\n");

        waitUntil(() -> crumbs(robot).equals(List.of("notes", "todo.txt")));
        robot.interact(() -> assertThat(symbols.goToSymbol(stage)).isFalse());
    }

    private DocumentViewModel open(FxRobot robot, String relative, String text) throws IOException, TimeoutException {
        var file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        robot.interact(() -> editors.open(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> editors.find(file).isPresent()
                && pane.editorFor(editors.find(file).get()).isPresent());
        return editors.find(file).orElseThrow();
    }

    private static List<String> crumbs(FxRobot robot) {
        return robot.lookup("#breadcrumbs").tryQueryAs(HBox.class).map(bar -> bar.getChildren().stream()
                .filter(node -> node.getStyleClass().contains("breadcrumb"))
                .map(node -> ((Label) node).getText())
                .toList()).orElse(List.of());
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }
}
