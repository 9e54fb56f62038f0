package dev.cyberdevstudio.app.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.theme.ThemeCatalog;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.fxmisc.richtext.CaretNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders a split editor with two carets and a matched bracket in each theme to
 * {@code target/screenshots/editing-split-THEME.png}, for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EditingScreenshotTest {

    private static final String SAMPLE = """
            package demo;

            /** A sample. */
            class Greeter {
                private final String name = "world (not a bracket)";

                String greet(int times) {
                    var text = new StringBuilder();
                    for (int i = 0; i < times; i++) {
                        text.append("Hello, ").append(name);
                    }
                    return text.toString();
                }
            }
            """;

    @TempDir
    Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void rendersTheSplitEditorInBothThemes(FxRobot robot) throws Exception {
        var file = Files.writeString(folder.resolve("Greeter.java"), SAMPLE);
        var out = Files.createDirectories(Path.of("target", "screenshots"));
        for (var theme : ThemeCatalog.load().themes()) {
            var window = EditorWindow.fx(() -> new EditorWindow(stage, theme, 1100, 420));
            var document = window.open(robot, file);
            var left = window.editor(document);
            int string = SAMPLE.indexOf("world");
            EditorWindow.waitForStyle(left, string, "string");
            int loop = SAMPLE.indexOf("for (") + 4;
            int append = SAMPLE.indexOf("text.append");
            int returns = SAMPLE.indexOf("return text");
            robot.interact(window.pane::splitRight);
            var right = window.pane.editorsFor(document).get(1);
            robot.interact(() -> {
                left.area().requestFocus();
                left.area().moveTo(append);
                EditorWindow.commands(left).toggleCaretAt(returns);
                right.area().moveTo(loop);
                robot.lookup(".caret").queryAllAs(CaretNode.class).forEach(caret -> caret.setBlinkRate(Duration.ZERO));
            });
            EditorWindow.waitUntil(() -> EditorWindow.commands(right).bracketMatch().isPresent());
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(EditorWindow.commands(right).bracketMatch().orElseThrow().matched()).isTrue();
            assertThat(EditorWindow.commands(left).carets()).hasSize(2);
            var image = EditorWindow.fx(() -> window.scene.snapshot(null));
            write(image, out.resolve("editing-split-" + theme.id() + ".png"));
            window.close(robot);
        }
    }

    private static void write(WritableImage image, Path file) throws Exception {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        var pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        var awt = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        awt.setRGB(0, 0, width, height, pixels, 0, width);
        ImageIO.write(awt, "png", file.toFile());
    }
}
