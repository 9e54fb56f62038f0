package dev.cyberdevstudio.app.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.engine.syntax.Language;
import dev.cyberdevstudio.engine.syntax.SyntaxDocument;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Highlighting a real CodeArea in a real window: first styles, typed tokens, a busy large file, closing. */
@ExtendWith(ApplicationExtension.class)
class SyntaxHighlightingTest {

    private static final String GREETER = """
            public class Greeter {
                String name = "studio";
            }
            """;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private CodeArea area;
    private SyntaxHighlighting highlighting;

    @Start
    void start(Stage stage) {
        area = new CodeArea(GREETER);
        stage.setScene(new Scene(new VirtualizedScrollPane<>(area), 640, 480));
        stage.show();
    }

    @AfterEach
    void closeHighlighting() {
        if (highlighting != null) {
            onFx(() -> {
                highlighting.close();
                return null;
            });
        }
        executor.close();
    }

    @Test
    void theKeywordClassTakesItsStyleOnceTheParseLands(FxRobot robot) throws TimeoutException {
        robot.interact(() -> highlighting = SyntaxHighlighting.attach(area, Language.JAVA, executor));
        String shown = onFx(area::getText);
        assertThat(shown).isEqualTo(GREETER);

        waitUntilStyled("class", "keyword");
        assertThat(styleOf("public")).containsExactly("keyword");
        assertThat(styleOf("\"studio\"")).containsExactly("string");
        assertThat(styleOf("String")).containsExactly("type");
        assertThat(highlighting.language()).isEqualTo(Language.JAVA);
    }

    @Test
    void typedAndInsertedTokensAreStyled(FxRobot robot) throws TimeoutException {
        robot.interact(() -> highlighting = SyntaxHighlighting.attach(area, Language.JAVA, executor));
        waitUntilStyled("class", "keyword");

        robot.interact(() -> {
            area.requestFocus();
            area.moveTo(GREETER.indexOf("String"));
        });
        robot.write("int n; ");
        waitUntilStyled("int", "type");

        robot.interact(() -> area.insertText(GREETER.indexOf("class"), "final "));
        waitUntilStyled("final", "keyword");
        robot.interact(() -> area.appendText("// done\n"));
        waitUntilStyled("// done", "comment");
        assertThat(styleOf("class")).containsExactly("keyword");
    }

    @Test
    void aLargeFileEditedWhileItIsStyledEndsStyledLikeAFreshParse(FxRobot robot) throws TimeoutException {
        var method = """
                    /** Counts é, 日本, 😀. */
                    int count(String text) { // %d
                        return text == null ? 0 : text.length() + 0x1F;
                    }
                """;
        var source = new StringBuilder("class Big {\n");
        for (int i = 0; i < 1_500; i++) {
            source.append(method.formatted(i));
        }
        source.append("}\n");
        robot.interact(() -> {
            area.replaceText(source.toString());
            highlighting = SyntaxHighlighting.attach(area, Language.JAVA, executor);
        });
        for (int i = 0; i < 12; i++) {
            var at = (i * 7_919) % source.length();
            robot.interact(() -> {
                var caret = Character.isLowSurrogate(area.getText().charAt(at)) ? at - 1 : at;
                area.insertText(caret, "/*" + caret + "*/ ");
            });
            if (i == 6) {
                robot.interact(() -> area.insertText(0, "/* opens a comment\n"));
            }
            if (i == 9) {
                robot.interact(() -> area.insertText(0, "*/\n"));
            }
            WaitForAsyncUtils.sleep(15, TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(this::stylesMatchAFreshParse));
    }

    @Test
    void editsReparseTheEditedTreeAndSetOnlyTheStylesThatChanged(FxRobot robot) throws TimeoutException {
        var source = new StringBuilder("class Many {\n");
        for (int i = 0; i < 300; i++) {
            source.append("    int field").append(i).append(" = ").append(i).append("; // note\n");
        }
        source.append("}\n");
        robot.interact(() -> {
            area.replaceText(source.toString());
            highlighting = SyntaxHighlighting.attach(area, Language.JAVA, executor);
        });
        waitUntilStyled("// note", "comment");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> styleOf("field299")).contains("property")
                || onFx(() -> area.getStyleOfChar(area.getText().lastIndexOf("// note"))).contains("comment"));
        long before = onFx(highlighting::stylesApplied);

        var line = "    int field7 = 7; // note";
        robot.interact(() -> area.insertText(area.getText().indexOf(line) + "    int field7".length(), ", other"));
        robot.interact(() -> area.insertText(area.getText().indexOf("    int field9 "),
                "    String s = \"quoted\";\n"));
        waitUntilStyled("\"quoted\"", "string");

        assertThat(highlighting.fullParses()).isEqualTo(1);
        // Only the lines from the first edit to the last (some 90 chars) are restyled, not the ~2,700 chars of the
        // viewport and its margin that were styled again.
        assertThat(onFx(highlighting::stylesApplied) - before).isLessThan(200);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(this::stylesMatchAFreshParse));
    }

    @Test
    void anAreaNotYetShownIsStyledToo(FxRobot robot) throws TimeoutException {
        var hidden = new CodeArea("# Title\n\nSome `code`.\n");
        robot.interact(() -> highlighting = SyntaxHighlighting.attach(hidden, Language.MARKDOWN, executor));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> hidden.getStyleOfChar(3)).contains("heading"));
        assertThat(onFx(() -> hidden.getStyleOfChar(hidden.getText().indexOf('`') + 1))).containsExactly("string");
    }

    @Test
    void afterCloseNewTextIsLeftAlone(FxRobot robot) throws TimeoutException {
        robot.interact(() -> highlighting = SyntaxHighlighting.attach(area, Language.JAVA, executor));
        waitUntilStyled("class", "keyword");
        robot.interact(() -> {
            highlighting.close();
            highlighting.close();
            area.appendText("interface Later {}\n");
        });
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        assertThat(styleOf("interface")).doesNotContain("keyword");
        assertThat(styleOf("class")).containsExactly("keyword");
    }

    private boolean stylesMatchAFreshParse() {
        var text = area.getText();
        var expected = new String[text.length()];
        Arrays.fill(expected, "");
        try (var fresh = SyntaxDocument.open(Language.JAVA, text)) {
            for (var span : fresh.spans(0, text.length())) {
                Arrays.fill(expected, span.start(), span.end(), span.styleClass());
            }
        }
        var position = 0;
        for (var span : area.getStyleSpans(0, text.length())) {
            var actual = String.join(" ", span.getStyle());
            for (int i = position; i < position + span.getLength(); i++) {
                // A paragraph holds no style for its line break: RichTextFX reports its last style there.
                if (text.charAt(i) != '\n' && !expected[i].equals(actual)) {
                    return false;
                }
            }
            position += span.getLength();
        }
        return true;
    }

    private void waitUntilStyled(String token, String styleClass) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> styleOf(token).contains(styleClass));
    }

    /** The style classes over {@code token}'s first appearance, when they are the same all along it. */
    private Collection<String> styleOf(String token) {
        return onFx(() -> {
            var start = area.getText().indexOf(token);
            var spans = area.getStyleSpans(start, start + token.length());
            return spans.getSpanCount() == 1 ? spans.getStyleSpan(0).getStyle() : List.of("(mixed)");
        });
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
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException | TimeoutException error) {
            throw new IllegalStateException(error);
        }
    }
}
