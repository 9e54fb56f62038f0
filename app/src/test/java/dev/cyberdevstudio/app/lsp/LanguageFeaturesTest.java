package dev.cyberdevstudio.app.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.actions.ActionRegistry;
import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.app.editor.EditorTabsPane;
import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.lsp.CompletionItem;
import dev.cyberdevstudio.engine.lsp.Diagnostic;
import dev.cyberdevstudio.engine.lsp.FileDiagnostics;
import dev.cyberdevstudio.engine.lsp.SignatureHelp;
import dev.cyberdevstudio.engine.lsp.SourceLocation;
import dev.cyberdevstudio.engine.lsp.TextEdit;
import dev.cyberdevstudio.engine.lsp.TextSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
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

/** The language features in a real window, over a scripted language service. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LanguageFeaturesTest {

    private static final KeyCodeCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCodeCombination COMPLETE =
            new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCodeCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    @TempDir
    java.nio.file.Path folder;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final TestEditorDialogs dialogs = new TestEditorDialogs();
    private final ScriptedLanguageService service = new ScriptedLanguageService(".py");
    private final List<String> navigations = new CopyOnWriteArrayList<>();
    private final StackPane root = new StackPane();
    private EditorTabsViewModel editors;
    private EditorTabsPane editorPane;
    private LanguageSupport support;
    private ProblemsPane problemsPane;
    private LocationsPane referencesPane;

    @Start
    void start(Stage stage) {
        var catalog = ThemeCatalog.load();
        Application.setUserAgentStylesheet(catalog.defaultTheme().baseStylesheet());
        var scene = new Scene(root, 900, 560);
        new ThemeManager(catalog, catalog.defaultTheme()).style(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        editors = new EditorTabsViewModel(executor, dialogs);
        editorPane = new EditorTabsPane(editors);
        support = new LanguageSupport(executor, editors::find, (file, line, column) -> {
            navigations.add(file.getFileName() + ":" + line + ":" + column);
            editors.openAt(file, line, column);
        });
        editorPane.addEditorFeature(support::attach);
        support.connect(service);
        problemsPane = new ProblemsPane(support.problems());
        referencesPane = new LocationsPane(support.references());
        var split = new SplitPane(editorPane, problemsPane, referencesPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6, 0.8);
        root.getChildren().setAll(split);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            editors.closeAll();
            support.close();
        });
        executor.close();
        assertThat(dialogs.errors).isEmpty();
    }

    // ---------------------------------------------------------------- keeping the server told

    @Test
    void tellsTheServerWhenAFileOpensChangesIsSavedAndCloses(FxRobot robot) throws Exception {
        var editor = open(robot, "main.py", "x = 1\n");
        waitUntil(() -> !service.calls("opened").isEmpty());
        assertThat(service.calls("opened").getFirst().detail()).isEqualTo("x = 1\n");

        typeAtEnd(robot, editor, "y");
        waitUntil(() -> service.calls("changed").stream().anyMatch(call -> call.detail().equals("x = 1\ny")));

        robot.push(SAVE);
        waitUntil(() -> !service.calls("saved").isEmpty());

        robot.interact(() -> editors.close(editor.document()));
        waitUntil(() -> !service.calls("closed").isEmpty());
        assertThat(service.calls.stream().map(ScriptedLanguageService.Call::name)
                .filter(name -> List.of("opened", "changed", "saved", "closed").contains(name)).distinct())
                .containsExactly("opened", "changed", "saved", "closed");
    }

    @Test
    void leavesFilesNoServerServesAlone(FxRobot robot) throws Exception {
        var editor = open(robot, "notes.txt", "gr\n");

        typeAtEnd(robot, editor, "ab.");
        robot.push(COMPLETE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(service.calls).isEmpty();
        assertThat(features(editor).completion().isShowing()).isFalse();
        assertThat(features(editor).messageProperty().get()).isEqualTo("No language server is set up for notes.txt");
        assertThat(editor.area().getText()).isEqualTo("gr\nab.");
    }

    // ---------------------------------------------------------------- completion

    @Test
    void completionAppearsWhileTypingNarrowsAndEnterInsertsTheChosenItem(FxRobot robot) throws Exception {
        service.completions = List.of(item("greet", "function"), item("green", "variable"), item("grab", "function"));
        var editor = open(robot, "main.py", "def greet():\n    pass\n\n");
        var completion = features(editor).completion();

        typeAtEnd(robot, editor, "gr");
        waitUntil(() -> completion.isShowing() && completion.popup().items().size() == 3);

        robot.write("e");
        waitUntil(() -> completion.popup().items().size() == 2);
        assertThat(completion.popup().items()).extracting(CompletionItem::label).containsExactly("greet", "green");
        assertThat(robot.lookup(".lsp-completion-name").queryAll()).isNotEmpty();

        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);

        waitUntil(() -> !completion.isShowing());
        assertThat(editor.area().getText()).isEqualTo("def greet():\n    pass\n\ngreen");
        assertThat(editor.area().getCaretPosition()).isEqualTo(editor.area().getLength());
        assertThat(service.asked("completion")).as("one question, narrowed as the user typed").containsExactly("3:1");
    }

    @Test
    void insertsWithTheItemsEditAndItsAdditionalEditsAsOneUndoStep(FxRobot robot) throws Exception {
        service.completions = List.of(new CompletionItem("path", "module", "os.path", "", Optional.of(
                new TextEdit(TextSpan.of(1, 0, 1, 1), "os.path")), "path",
                List.of(new TextEdit(TextSpan.of(0, 0, 0, 0), "import os"))));
        var editor = open(robot, "main.py", "\n");
        var completion = features(editor).completion();

        typeAtEnd(robot, editor, "pa");
        waitUntil(completion::isShowing);
        robot.type(KeyCode.TAB);

        waitUntil(() -> editor.area().getText().equals("import os\nos.path"));
        assertThat(editor.area().getCaretPosition()).isEqualTo("import os\nos.path".length());

        robot.push(UNDO);
        assertThat(editor.area().getText()).isEqualTo("\npa");
    }

    @Test
    void ctrlSpaceShowsTheListAndEscapeClosesIt(FxRobot robot) throws Exception {
        service.completions = List.of(item("greet", "function"));
        var editor = open(robot, "main.py", "gre");
        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().moveTo(3));
        var completion = features(editor).completion();

        robot.push(COMPLETE);
        waitUntil(completion::isShowing);
        // A slow machine may repeat the held key: every question is about the same place.
        assertThat(service.asked("completion")).isNotEmpty().allMatch("0:3"::equals);

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !completion.isShowing());
        assertThat(editor.area().getText()).isEqualTo("gre");
    }

    @Test
    void anAnswerThatComesAfterTheTextMovedOnIsDropped(FxRobot robot) throws Exception {
        service.completions = List.of(item("greet", "function"));
        service.mode = ScriptedLanguageService.Mode.LATE;
        service.lateMillis = 1500;
        var editor = open(robot, "main.py", "\n");
        var completion = features(editor).completion();

        typeAtEnd(robot, editor, "g ");
        waitUntil(() -> !service.asked("completion").isEmpty());
        waitUntil(() -> service.answered.stream().allMatch(java.util.concurrent.Future::isDone));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(completion.isShowing()).isFalse();
        assertThat(editor.area().getText()).isEqualTo("\ng ");
    }

    @Test
    void aServerThatNeverAnswersLeavesTypingResponsive(FxRobot robot) throws Exception {
        service.completions = List.of(item("greet", "function"));
        service.mode = ScriptedLanguageService.Mode.HANG;
        var editor = open(robot, "main.py", "\n");
        var features = features(editor);

        typeAtEnd(robot, editor, "gre.x(y");
        robot.interact(features::goToDefinition);
        robot.write("z");

        assertThat(editor.area().getText()).isEqualTo("\ngre.x(yz");
        assertThat(service.asked("completion")).isNotEmpty();
        assertThat(service.hanging).isNotEmpty();
        assertThat(features.completion().isShowing()).isFalse();
        assertThat(features.signature().isShowing()).isFalse();
        assertThat(navigations).isEmpty();
    }

    // ---------------------------------------------------------------- problems

    @Test
    void aProblemDrawsASquiggleAndARowThatOpensTheFileAtItsLine(FxRobot robot) throws Exception {
        var editor = open(robot, "main.py", "import os\nvalue = os.nothing\n");
        waitUntil(() -> !service.calls("opened").isEmpty());
        var file = editor.document().path();

        service.publish(new FileDiagnostics(file, List.of(new Diagnostic(TextSpan.of(1, 11, 1, 18),
                Diagnostic.Severity.ERROR, "\"nothing\" is not a known attribute of module \"os\"", "Pyright",
                "reportAttributeAccessIssue"))));

        waitUntil(() -> features(editor).squiggles().squiggles().size() == 1);
        javafx.scene.shape.Path squiggle = features(editor).squiggles().squiggles().getFirst();
        assertThat(squiggle.getStyleClass()).contains("lsp-squiggle", "lsp-severity-error");
        assertThat(editor.overlay().getChildren()).isNotEmpty();
        var under = onFx(() -> editor.area().getCharacterBoundsOnScreen(editor.area().getAbsolutePosition(1, 11),
                editor.area().getAbsolutePosition(1, 18)).orElseThrow());
        var drawn = onFx(() -> squiggle.localToScreen(squiggle.getBoundsInLocal()));
        assertThat(drawn.getMinX()).isCloseTo(under.getMinX(), org.assertj.core.data.Offset.offset(1.5));
        assertThat(drawn.getMaxX()).isCloseTo(under.getMaxX(), org.assertj.core.data.Offset.offset(2.5));
        assertThat(drawn.getMaxY()).isBetween(under.getMinY(), under.getMaxY() + 1.5);

        waitUntil(() -> problemsPane.list().getItems().size() == 2);
        assertThat(support.problems().titleProperty().get()).isEqualTo("Problems (1)");
        var row = robot.lookup(".lsp-problem-row").query();
        robot.doubleClickOn(row, MouseButton.PRIMARY);

        waitUntil(() -> navigations.contains("main.py:2:12"));
        waitUntil(() -> editor.document().caretLineProperty().get() == 2
                && editor.document().caretColumnProperty().get() == 12);

        service.publish(new FileDiagnostics(file, List.of()));
        waitUntil(() -> features(editor).squiggles().squiggles().isEmpty());
        assertThat(problemsPane.list().getItems()).isEmpty();
    }

    @Test
    void restingTheMouseOnAProblemShowsItAndTheHoverText(FxRobot robot) throws Exception {
        service.hover = Optional.of("```python\n(variable) value: int\n```");
        var editor = open(robot, "main.py", "value = 1 + ''\n");
        waitUntil(() -> !service.calls("opened").isEmpty());
        service.publish(new FileDiagnostics(editor.document().path(), List.of(new Diagnostic(TextSpan.of(0, 8, 0, 14),
                Diagnostic.Severity.WARNING, "Operator + not supported", "Pyright", ""))));
        var hover = features(editor).hover();

        var bounds = onFx(() -> editor.area().getCharacterBoundsOnScreen(9, 10).orElseThrow());
        robot.moveTo(new Point2D(bounds.getCenterX(), bounds.getCenterY()));

        waitUntil(() -> hover.isShowing() && hover.shownTexts().size() == 2);
        assertThat(hover.shownTexts().getFirst()).isEqualTo("Operator + not supported  (Pyright)");
        assertThat(hover.shownTexts().get(1)).isEqualTo("(variable) value: int");

        robot.moveTo(problemsPane);
        waitUntil(() -> !hover.isShowing());

        robot.interact(() -> editor.area().moveTo(2));
        robot.interact(features(editor)::showHover);
        waitUntil(() -> hover.isShowing() && hover.shownTexts().equals(List.of("(variable) value: int")));
    }

    // ---------------------------------------------------------------- signature help

    @Test
    void parameterInfoShowsAfterAnOpeningParenthesisWithTheActiveParameterBold(FxRobot robot) throws Exception {
        service.signature = Optional.of(new SignatureHelp("greet(name: str, times: int) -> str",
                List.of("name: str", "times: int"), 0, "Says hello."));
        var editor = open(robot, "main.py", "\n");
        var signature = features(editor).signature();

        typeAtEnd(robot, editor, "greet(");
        waitUntil(signature::isShowing);
        assertThat(signature.shownText()).isEqualTo("greet(name: str, times: int) -> str");
        assertThat(signature.activeText()).contains("name: str");

        service.signature = Optional.of(new SignatureHelp("greet(name: str, times: int) -> str",
                List.of("name: str", "times: int"), 1, ""));
        robot.write("1,");
        waitUntil(() -> signature.activeText().equals(Optional.of("times: int")));

        robot.write(")");
        waitUntil(() -> !signature.isShowing());
    }

    // ---------------------------------------------------------------- commands

    @Test
    void goToDefinitionCallsBackWithTheLocation(FxRobot robot) throws Exception {
        var other = Files.writeString(folder.resolve("helpers.py"), "\n\n\ndef greet():\n    pass\n");
        service.definitions = List.of(new SourceLocation(other, TextSpan.of(3, 4, 3, 9)));
        var editor = open(robot, "main.py", "greet()\n");
        var registry = new ActionRegistry();
        LanguageActions.register(registry, () -> editorPane.activeEditor());
        robot.interact(() -> editor.area().moveTo(2));

        robot.interact(() -> registry.run(LanguageActions.GO_TO_DEFINITION));

        waitUntil(() -> navigations.equals(List.of("helpers.py:4:5")));
        assertThat(service.asked("definition")).containsExactly("0:2");
        waitUntil(() -> editors.activeDocument().map(DocumentViewModel::path).orElseThrow().endsWith("helpers.py"));
        assertThat(editors.activeDocument().orElseThrow().caretLineProperty().get()).isEqualTo(4);
    }

    @Test
    void severalDefinitionsLetTheUserChoose(FxRobot robot) throws Exception {
        var first = Files.writeString(folder.resolve("a.py"), "x\n");
        var second = Files.writeString(folder.resolve("b.py"), "\nx\n");
        service.definitions = List.of(new SourceLocation(first, TextSpan.of(0, 0, 0, 1)),
                new SourceLocation(second, TextSpan.of(1, 0, 1, 1)));
        var editor = open(robot, "main.py", "x\n");
        var features = features(editor);

        robot.interact(features::goToDefinition);
        waitUntil(() -> features.chooser().isShowing());
        assertThat(features.chooser().items()).hasSize(2);
        assertThat(features.chooser().items().get(1).getText()).startsWith("b.py:2");

        robot.interact(() -> features.chooser().items().get(1).fire());
        waitUntil(() -> navigations.equals(List.of("b.py:2:1")));
    }

    @Test
    void saysWhenThereIsNoDefinition(FxRobot robot) throws Exception {
        var editor = open(robot, "main.py", "nothing_here\n");
        var features = features(editor);
        robot.interact(() -> editor.area().moveTo(3));

        robot.interact(features::goToDefinition);

        waitUntil(() -> features.messageProperty().get().equals("No definition found for nothing_here"));
    }

    @Test
    void findReferencesFillsTheReferencesList(FxRobot robot) throws Exception {
        var editor = open(robot, "main.py", "def greet():\n    pass\ngreet()\n");
        var file = editor.document().path();
        service.references = List.of(new SourceLocation(file, TextSpan.of(2, 0, 2, 5)),
                new SourceLocation(file, TextSpan.of(0, 4, 0, 9)));
        var shown = new AtomicInteger();
        support.setOnReferencesShown(shown::incrementAndGet);
        robot.interact(() -> editor.area().moveTo(5));

        robot.interact(features(editor)::findReferences);

        waitUntil(() -> support.references().rows().size() == 2
                && support.references().rows().getFirst().preview().equals("def greet():"));
        assertThat(support.references().titleProperty().get()).isEqualTo("2 references to greet in 1 file");
        assertThat(shown.get()).isEqualTo(1);
        waitUntil(() -> robot.lookup(".lsp-location-where").queryAll().size() == 2);

        javafx.scene.Node second = robot.lookup(".lsp-location-where").nth(1).query();
        robot.doubleClickOn(second, MouseButton.PRIMARY);
        waitUntil(() -> navigations.equals(List.of("main.py:3:1")));
    }

    @Test
    void renameAsksTheNewNameAndAppliesTheEditsToTheDocument(FxRobot robot) throws Exception {
        var editor = open(robot, "main.py", "def greet():\n    pass\ngreet()\n");
        var file = editor.document().path();
        var asked = new AtomicReference<String>();
        support.setRenamePrompt((owner, current) -> {
            asked.set(current);
            return Optional.of("salute");
        });
        service.renameEdits = Map.of(file, List.of(new TextEdit(TextSpan.of(2, 0, 2, 5), "salute"),
                new TextEdit(TextSpan.of(0, 4, 0, 9), "salute")));
        robot.interact(() -> editor.area().moveTo(6));

        robot.interact(features(editor)::renameSymbol);

        waitUntil(() -> editor.area().getText().equals("def salute():\n    pass\nsalute()\n"));
        assertThat(asked.get()).isEqualTo("greet");
        assertThat(service.asked("rename salute")).containsExactly("0:6");
        assertThat(features(editor).messageProperty().get())
                .isEqualTo("Renamed greet to salute: 2 places in 1 file");

        robot.interact(() -> editor.document().undo());
        assertThat(editor.area().getText()).isEqualTo("def greet():\n    pass\ngreet()\n");
    }

    @Test
    void formatAppliesTheServersEdits(FxRobot robot) throws Exception {
        var editor = open(robot, "main.py", "x=1\ny=[1,2]\n");
        service.formatEdits = List.of(new TextEdit(TextSpan.of(0, 1, 0, 2), " = "),
                new TextEdit(TextSpan.of(1, 1, 1, 2), " = "), new TextEdit(TextSpan.of(1, 5, 1, 5), " "));

        robot.interact(features(editor)::formatDocument);

        waitUntil(() -> editor.area().getText().equals("x = 1\ny = [1, 2]\n"));
        robot.interact(() -> editor.document().undo());
        assertThat(editor.area().getText()).isEqualTo("x=1\ny=[1,2]\n");
    }

    @Test
    void formatDropsAnAnswerForTextThatChangedMeanwhile(FxRobot robot) throws Exception {
        var editor = open(robot, "main.py", "x=1\n");
        service.formatEdits = List.of(new TextEdit(TextSpan.of(0, 1, 0, 2), " = "));
        service.mode = ScriptedLanguageService.Mode.LATE;
        service.lateMillis = 800;

        robot.interact(features(editor)::formatDocument);
        typeAtEnd(robot, editor, "z");

        waitUntil(() -> features(editor).messageProperty().get()
                .equals("The text changed while formatting; format again"));
        assertThat(editor.area().getText()).isEqualTo("x=1\nz");
    }

    @Test
    void theRenameDialogStartsWithTheCurrentNameAndReturnsTheNewOne(FxRobot robot) throws Exception {
        var answer = new AtomicReference<Optional<String>>();
        robot.interact(() -> javafx.application.Platform.runLater(
                () -> answer.set(new FxRenamePrompt().askNewName(null, "greet"))));
        WaitForAsyncUtils.waitForFxEvents();
        var field = robot.lookup(".lsp-rename-dialog .text-field").queryAs(javafx.scene.control.TextField.class);
        waitUntil(() -> field.getSelectedText().equals("greet"));

        robot.write("salute");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> answer.get() != null);
        assertThat(answer.get()).contains("salute");
    }

    @Test
    void focusMovingToAnotherControlClosesThePopups(FxRobot robot) throws Exception {
        service.completions = List.of(item("greet", "function"));
        var editor = open(robot, "main.py", "\n");
        var completion = features(editor).completion();
        typeAtEnd(robot, editor, "g");
        waitUntil(completion::isShowing);

        robot.interact(() -> problemsPane.list().requestFocus());

        waitUntil(() -> !completion.isShowing());
    }

    // ---------------------------------------------------------------- helpers

    private CodeEditor open(FxRobot robot, String name, String text) throws IOException, TimeoutException {
        var file = Files.writeString(folder.resolve(name), text);
        robot.interact(() -> editors.open(file));
        var editor = new AtomicReference<CodeEditor>();
        waitUntil(() -> {
            editor.set(editors.find(file).flatMap(editorPane::editorFor).orElse(null));
            return editor.get() != null && editor.get().feature(LanguageFeatures.class).isPresent();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return editor.get();
    }

    private static LanguageFeatures features(CodeEditor editor) {
        return editor.feature(LanguageFeatures.class).orElseThrow();
    }

    private static void typeAtEnd(FxRobot robot, CodeEditor editor, String text) {
        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().moveTo(editor.area().getLength()));
        robot.write(text);
    }

    private static CompletionItem item(String label, String kind) {
        return new CompletionItem(label, kind, kind.equals("function") ? "(name: str) -> str" : "", "",
                Optional.empty(), label, List.of());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
