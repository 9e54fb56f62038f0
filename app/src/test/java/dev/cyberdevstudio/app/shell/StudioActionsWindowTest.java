package dev.cyberdevstudio.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.actions.StudioAction;
import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.home.StudioHome;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.fxmisc.richtext.CodeArea;
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
 * The actions wired into the whole window over a real engine: Ctrl+Shift+P opens the palette and Enter runs the
 * chosen action; a key recorded in the keymap dialog shows in the menu at once and is still there after a restart
 * over the same store; breadcrumbs and Go to Symbol on a real file. Each view is also written to
 * {@code target/screenshots/palette-symbols/} in both themes, to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StudioActionsWindowTest {

    private static final KeyCodeCombination PALETTE =
            new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCodeCombination GO_TO_SYMBOL =
            new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final Path SHOTS = Path.of("target", "screenshots", "palette-symbols");
    private static final String SHOP = """
            package shop;

            /** A shop that sells things. */
            public class Shop {
                private int count = 10;

                public void sell(int amount) {
                    if (amount > count) {
                        throw new IllegalArgumentException("not enough");
                    }
                    count -= amount;
                }

                record Receipt(int amount) {
                    static Receipt of(int amount) {
                        return new Receipt(amount);
                    }
                }

                enum Size { SMALL, LARGE }
            }
            """;

    @TempDir
    static Path temp;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private LocalEngine engine;
    private MainWindowViewModel viewModel;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        engine = LocalEngine.start(new StudioHome(Files.createDirectories(temp.resolve("home"))).ensureCreated());
        window = build(stage);
        window.show();
    }

    private MainWindow build(Stage target) {
        var catalog = ThemeCatalog.load();
        viewModel = new MainWindowViewModel(engine.settings(), engine.recentProjects(), executor, catalog,
            engine.storeProblem());
        var themes = new ThemeManager(catalog, viewModel.themeProperty().get());
        themes.install();
        return new MainWindow(target, viewModel, themes, executor, TestShells.inTemporaryHome(temp), engine);
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        robot.interact(() -> window.closeWithoutAsking());
        window.dispose();
        executor.close();
        engine.close();
    }

    @Test
    void ctrlShiftPOpensThePaletteAndEnterRunsTheChosenAction(FxRobot robot) {
        robot.clickOn("#menu-bar");
        robot.push(KeyCode.ESCAPE);
        robot.push(PALETTE);
        var list = waitFor(() -> robot.lookup("#command-palette-list").<ListView<StudioAction>>tryQuery());
        assertThat(list.getItems()).extracting(StudioAction::id)
            .contains("file.save", "view.toggle-terminal", "navigate.go-to-symbol", "preferences.keymap");

        robot.write("steel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems().getFirst().id()).isEqualTo("view.theme.serial-steel");
        robot.push(KeyCode.ENTER);

        waitUntil(() -> stage.getScene().getStylesheets().stream().anyMatch(sheet -> sheet.contains("serial-steel")));
        assertThat(robot.lookup("#command-palette").tryQuery()).isEmpty();
    }

    @Test
    void aKeyRecordedInTheKeymapShowsInTheMenuAndSurvivesARestart(FxRobot robot) {
        var save = menuItem(robot, "menu-file", "menu-save");
        assertThat(save.getAccelerator()).isEqualTo(KeyCombination.keyCombination("Shortcut+S"));

        robot.interact(() -> subMenuItem(robot, "menu-file", "menu-settings", "menu-keymap").fire());
        robot.clickOn("#keymap-search").write("save all");
        robot.clickOn("Save All");
        robot.push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        robot.clickOn("#keymap-reassign");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(save.getAccelerator()).isNull();
        assertThat(menuItem(robot, "menu-file", "menu-save-all").getAccelerator())
            .isEqualTo(KeyCombination.keyCombination("Shortcut+S"));
        waitUntil(() -> engine.settings().get("ui.keymap").orElse("").contains("file.save-all\t"));

        robot.interact(() -> {
            robot.lookup("#keymap-dialog").query().getScene().getWindow().hide();
            window.closeWithoutAsking();
            var again = new Stage();
            window = build(again);
            window.show();
        });
        var restarted = robot.lookup("#menu-bar").match((MenuBar bar) -> bar.getScene().getWindow() != stage)
            .queryAs(MenuBar.class);
        var saveAll = restarted.getMenus().stream().filter(menu -> "menu-file".equals(menu.getId())).findFirst()
            .orElseThrow().getItems().stream().filter(item -> "menu-save-all".equals(item.getId())).findFirst()
            .orElseThrow();
        assertThat(saveAll.getAccelerator()).isEqualTo(KeyCombination.keyCombination("Shortcut+S"));
    }

    @Test
    void breadcrumbsGoToSymbolThePaletteAndTheKeymapInBothThemes(FxRobot robot) throws Exception {
        var project = Files.createDirectories(temp.resolve("shop-project"));
        Files.writeString(Files.createDirectories(project.resolve("src/shop")).resolve("Shop.java"), SHOP);
        robot.interact(() -> viewModel.openProject(project));
        for (var name : List.of("src", "shop", "Shop.java")) {
            var cell = waitFor(() -> robot.lookup(".tree-cell").match((TreeCell<?> c) -> name.equals(c.getText()))
                .tryQuery());
            if (name.endsWith(".java")) {
                robot.doubleClickOn(cell, MouseButton.PRIMARY);
            } else {
                robot.clickOn(cell).push(KeyCode.RIGHT);
            }
        }
        var area = waitFor(() -> robot.lookup(".code-area").match((CodeArea a) -> a.getScene() != null
            && a.getText().startsWith("package shop")).<CodeArea>tryQuery());
        var caret = SHOP.indexOf("count -=") + 3;
        robot.clickOn(area);
        robot.interact(() -> area.moveTo(caret));
        waitUntil(() -> crumbs(robot).equals(List.of("src", "shop", "Shop.java", "Shop", "sell")));

        Files.createDirectories(SHOTS);
        for (var theme : List.of("neon-cyber-night", "serial-steel")) {
            robot.interact(() -> viewModel.chooseTheme(viewModel.themes().stream()
                .filter(candidate -> candidate.id().equals(theme)).findFirst().orElseThrow()));
            WaitForAsyncUtils.waitForFxEvents();
            capture(robot, stage, "breadcrumbs-" + theme);

            robot.clickOn(area);
            robot.push(PALETTE);
            waitFor(() -> robot.lookup("#command-palette-list").tryQuery());
            robot.write("go");
            WaitForAsyncUtils.waitForFxEvents();
            capture(robot, stage, "palette-" + theme);
            robot.push(KeyCode.ESCAPE);

            robot.clickOn(area);
            robot.push(GO_TO_SYMBOL);
            var symbols = waitFor(() -> robot.lookup("#go-to-symbol-list").<ListView<?>>tryQuery());
            waitUntil(() -> symbols.getItems().size() == 8);
            capture(robot, stage, "go-to-symbol-" + theme);
            robot.push(KeyCode.ESCAPE);

            robot.interact(() -> subMenuItem(robot, "menu-file", "menu-settings", "menu-keymap").fire());
            var dialogRoot = waitFor(() -> robot.lookup("#keymap-dialog").match(javafx.scene.Node::isVisible)
                .tryQuery());
            var dialog = dialogRoot.getScene().getWindow();
            // Every feature's actions are in the table now: filter it to the row, as a person would (the dialog
            // keeps its filter between openings, so the field is set rather than typed into).
            var search = robot.from(dialogRoot).lookup("#keymap-search").queryAs(javafx.scene.control.TextField.class);
            robot.interact(() -> search.setText("Find"));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(robot.from(dialogRoot).lookup("Find…").queryAs(javafx.scene.Node.class));
            robot.push(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN));
            WaitForAsyncUtils.waitForFxEvents();
            capture(robot, dialog, "keymap-" + theme);
            robot.clickOn("#keymap-cancel");
            robot.interact(dialog::hide);
        }

        robot.clickOn(area);
        robot.push(GO_TO_SYMBOL);
        waitFor(() -> robot.lookup("#go-to-symbol-list").tryQuery());
        robot.write("of");
        robot.push(KeyCode.ENTER);
        waitUntil(() -> area.getCurrentParagraph() == SHOP.lines().toList().indexOf(
            "        static Receipt of(int amount) {"));
        waitUntil(() -> crumbs(robot).equals(List.of("src", "shop", "Shop.java", "Shop", "Receipt", "of")));
    }

    private static List<String> crumbs(FxRobot robot) {
        return robot.lookup("#breadcrumbs").tryQueryAs(HBox.class).map(bar -> bar.getChildren().stream()
            .filter(node -> node.getStyleClass().contains("breadcrumb"))
            .map(node -> ((Label) node).getText())
            .toList()).orElse(List.of());
    }

    private static MenuItem menuItem(FxRobot robot, String menuId, String itemId) {
        return menu(robot, menuId).getItems().stream().filter(item -> itemId.equals(item.getId())).findFirst()
            .orElseThrow();
    }

    private static MenuItem subMenuItem(FxRobot robot, String menuId, String subMenuId, String itemId) {
        return ((Menu) menuItem(robot, menuId, subMenuId)).getItems().stream()
            .filter(item -> itemId.equals(item.getId())).findFirst().orElseThrow();
    }

    private static Menu menu(FxRobot robot, String id) {
        return robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
            .filter(menu -> id.equals(menu.getId())).findFirst().orElseThrow();
    }

    /** The screen where {@code window} is, popups over it included. */
    private static void capture(FxRobot robot, Window window, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        var bounds = new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight());
        Image image = robot.capture(bounds).getImage();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        var pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        var awt = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        awt.setRGB(0, 0, width, height, pixels, 0, width);
        ImageIO.write(awt, "png", SHOTS.resolve(name + ".png").toFile());
    }

    private static <T> T waitFor(Supplier<Optional<T>> lookup) {
        waitUntil(() -> lookup.get().isPresent());
        return lookup.get().orElseThrow();
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }
}
