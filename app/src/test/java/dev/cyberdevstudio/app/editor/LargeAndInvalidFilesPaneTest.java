package dev.cyberdevstudio.app.editor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.editor.encoding.EncodingNoticeBar;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * In a real window: a 25 MB file opens read-only without highlighting while the window keeps serving other work,
 * and a file that is not valid UTF-8 shows the encoding notice, whose button reopens it in the suggested encoding.
 * Screenshots go to {@code target/editor-screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LargeAndInvalidFilesPaneTest {

    @TempDir
    Path folder;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final FakeEditorDialogs dialogs = new FakeEditorDialogs();
    private final List<Path> highlighted = new CopyOnWriteArrayList<>();
    private EditorTabsViewModel editors;
    private EditorTabsPane pane;

    @Start
    void start(Stage stage) {
        editors = new EditorTabsViewModel(executor, dialogs);
        pane = new EditorTabsPane(editors);
        pane.setHighlighting((path, area) -> {
            highlighted.add(path.getFileName());
            return () -> { };
        });
        pane.addEditorFeature(EncodingNoticeBar::attach);
        var catalog = ThemeCatalog.load();
        var scene = new Scene(pane, 1000, 500);
        scene.getStylesheets().setAll(catalog.sharedStylesheet(), catalog.defaultTheme().tokensStylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    @Test
    void a25MegabyteFileOpensReadOnlyWithoutHighlightingWhileTheWindowKeepsWorking(FxRobot robot) throws Exception {
        var line = "2026-11-22 13:46:21.123 INFO  [worker-7] request served in 12 ms\n";
        var big = Files.writeString(folder.resolve("server.log"), line.repeat(25 * 1024 * 1024 / line.length() + 1));
        var small = Files.writeString(folder.resolve("Small.java"), "class Small {}\n");
        dialogs.largeAnswers.add(true);

        robot.interact(() -> editors.open(big));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> editors.find(big).isPresent()));
        var document = editors.find(big).orElseThrow();

        // Other work on the FX thread while the rest of the file goes in: count the tasks that ran mid-load, and open
        // another file from one of them.
        var ranWhileLoading = new AtomicInteger();
        var bannersWhileLoading = new CopyOnWriteArrayList<String>();
        while (onFx(document::isLoading)) {
            onFx(() -> {
                if (document.isLoading()) {
                    if (ranWhileLoading.getAndIncrement() == 0) {
                        editors.open(small);
                    }
                    robot.lookup(".editor-banner").queryAllAs(Label.class).stream()
                            .filter(Label::isVisible).map(Label::getText).forEach(bannersWhileLoading::add);
                }
                return null;
            });
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> editors.find(small).isPresent()));

        assertThat(ranWhileLoading.get()).isPositive();
        assertThat(bannersWhileLoading).anyMatch(text -> text.matches(".*Loading… \\d+%"));
        assertThat(dialogs.asked).singleElement().asString().startsWith("large server.log ");
        assertThat(document.isLargeFile()).isTrue();
        assertThat(document.isReadOnly()).isTrue();
        assertThat(document.length()).isEqualTo((int) Files.size(big));
        var editor = onFx(() -> pane.editorFor(document).orElseThrow());
        assertThat(onFx(() -> editor.area().getLength())).isEqualTo(document.length());
        assertThat(onFx(() -> editor.area().isEditable())).isFalse();
        assertThat(highlighted).containsExactly(Path.of("Small.java"));
        assertThat(document.bannerProperty().get()).isEqualTo("server.log is larger than 20.0 MB (25.0 MB): it is "
                + "open read-only, without syntax highlighting.");
        robot.interact(() -> editors.activate(document));
        snapshot("large-file-read-only.png");
    }

    @Test
    void invalidUtf8ShowsTheNoticeAndItsButtonReopensTheFileAsWindows1252(FxRobot robot) throws Exception {
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes("// Caf".getBytes(UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes(" cr".getBytes(UTF_8));
        bytes.write(0xE8);
        bytes.writeBytes("me, written by an old editor\nclass Menu {}\n".getBytes(UTF_8));
        var file = Files.write(folder.resolve("Menu.java"), bytes.toByteArray());

        robot.interact(() -> editors.open(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> editors.find(file).isPresent()));
        var document = editors.find(file).orElseThrow();
        var editor = onFx(() -> pane.editorFor(document).orElseThrow());
        assertThat(onFx(() -> editor.area().getText())).startsWith("// Caf\uFFFD cr\uFFFDme");

        var notice = robot.lookup(".encoding-notice-text").queryAs(Label.class);
        assertThat(onFx(notice::isVisible)).isTrue();
        assertThat(onFx(notice::getText)).isEqualTo("Menu.java is not valid UTF-8: byte 0xE9 at offset 6 (line 1) and "
                + "1 more show as \uFFFD. Saving writes them back as they were unless you edit them.");
        var reopen = robot.lookup(".encoding-notice-reopen").queryAs(Button.class);
        assertThat(onFx(reopen::getText)).isEqualTo("Reopen as Windows-1252");
        snapshot("invalid-utf8-notice.png");

        robot.clickOn(reopen);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> onFx(() -> editor.area().getText()).startsWith("// Caf\u00e9 cr\u00e8me"));
        assertThat(onFx(() -> robot.lookup(".encoding-notice").query().isVisible())).isFalse();
        assertThat(document.encodingProperty().get()).isEqualTo("Windows-1252");
        assertThat(document.isDirty()).isFalse();
    }

    private void snapshot(String name) throws IOException {
        var image = onFx(() -> pane.getScene().snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        var pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        var awt = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        awt.setRGB(0, 0, width, height, pixels, 0, width);
        var folder = Files.createDirectories(Path.of("target", "editor-screenshots"));
        ImageIO.write(awt, "png", folder.resolve(name).toFile());
    }

    private static <T> T onFx(Supplier<T> read) {
        if (Platform.isFxApplicationThread()) {
            return read.get();
        }
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(read.get());
            } catch (RuntimeException error) {
                result.completeExceptionally(error);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception error) {
            throw new IllegalStateException(error);
        }
    }
}
