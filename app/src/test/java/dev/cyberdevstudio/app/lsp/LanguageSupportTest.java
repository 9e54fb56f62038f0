package dev.cyberdevstudio.app.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.engine.lsp.Diagnostic;
import dev.cyberdevstudio.engine.lsp.FileDiagnostics;
import dev.cyberdevstudio.engine.lsp.ServerStatus;
import dev.cyberdevstudio.engine.lsp.SourceLocation;
import dev.cyberdevstudio.engine.lsp.TextEdit;
import dev.cyberdevstudio.engine.lsp.TextSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's side without a window: reports to the lists, rename's edits to documents and files. */
class LanguageSupportTest {

    @TempDir
    Path folder;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final TestEditorDialogs dialogs = new TestEditorDialogs();
    private final EditorTabsViewModel editors = new EditorTabsViewModel(executor, dialogs);
    private final List<String> opened = new ArrayList<>();
    private final LanguageSupport support = new LanguageSupport(executor, editors::find,
            (file, line, column) -> opened.add(file.getFileName() + ":" + line + ":" + column));

    @Test
    void bringsTheServersProblemsAndStatesToTheLists() {
        var service = new ScriptedLanguageService(".py");
        support.connect(service);
        var file = folder.resolve("main.py");

        service.publish(new FileDiagnostics(file, List.of(ProblemsViewModelTest.problem(2, 0,
                Diagnostic.Severity.ERROR, "bad"))));
        service.status(new ServerStatus("pyright", ServerStatus.State.MISSING, "npm install -g pyright"));

        assertThat(support.problems().titleProperty().get()).isEqualTo("Problems (1)");
        assertThat(support.problems().diagnosticsFor(file)).hasSize(1);
        assertThat(support.status().textProperty().get())
                .isEqualTo("pyright is not installed — npm install -g pyright");
    }

    @Test
    void aNewProjectsServiceReplacesTheOldOnesReports() {
        var old = new ScriptedLanguageService(".py");
        support.connect(old);
        old.publish(new FileDiagnostics(folder.resolve("a.py"), List.of(ProblemsViewModelTest.problem(0, 0,
                Diagnostic.Severity.ERROR, "old"))));

        var fresh = new ScriptedLanguageService(".py");
        support.connect(fresh);
        old.publish(new FileDiagnostics(folder.resolve("b.py"), List.of(ProblemsViewModelTest.problem(0, 0,
                Diagnostic.Severity.ERROR, "late"))));
        old.status(new ServerStatus("pyright", ServerStatus.State.RUNNING, ""));

        assertThat(support.problems().rows()).isEmpty();
        assertThat(support.status().textProperty().get()).isEmpty();
        assertThat(old.closed).as("the service belongs to whoever made it").isFalse();

        fresh.status(new ServerStatus("pyright", ServerStatus.State.RUNNING, ""));
        support.disconnect();
        assertThat(support.status().textProperty().get()).isEmpty();
    }

    @Test
    void renameChangesAnOpenDocumentInOneUndoStepAndKeepsTheCaret() throws IOException {
        var file = Files.writeString(folder.resolve("main.py"), "def greet():\n    pass\n\ngreet()\ngreet()\n");
        editors.open(file);
        var document = editors.documents().getFirst();
        document.select(40, 40);
        var messages = new ArrayList<String>();

        support.applyEdits(Map.of(file, List.of(edit(3, 0, 3, 5, "salute"), edit(0, 4, 0, 9, "salute"),
                edit(4, 0, 4, 5, "salute"))), "Renamed greet to salute", messages::add);

        assertThat(document.text()).isEqualTo("def salute():\n    pass\n\nsalute()\nsalute()\n");
        assertThat(document.selection().caret()).isEqualTo(42);
        assertThat(messages).containsExactly("Renamed greet to salute: 3 places in 1 file");

        document.undo();
        assertThat(document.text()).isEqualTo("def greet():\n    pass\n\ngreet()\ngreet()\n");
    }

    @Test
    void renameRewritesFilesThatAreNotOpenKeepingTheirLineEnds() throws IOException {
        var open = Files.writeString(folder.resolve("main.py"), "from helpers import greet\n");
        var closed = folder.resolve("helpers.py");
        Files.writeString(closed, "def greet():\r\n    return 1\r\n", StandardCharsets.UTF_8);
        editors.open(open);
        var messages = new ArrayList<String>();
        var edits = new LinkedHashMap<Path, List<TextEdit>>();
        edits.put(open, List.of(edit(0, 20, 0, 25, "salute")));
        edits.put(closed, List.of(edit(0, 4, 0, 9, "salute")));

        support.applyEdits(edits, "Renamed greet to salute", messages::add);

        assertThat(editors.documents().getFirst().text()).isEqualTo("from helpers import salute\n");
        assertThat(Files.readString(closed)).isEqualTo("def salute():\r\n    return 1\r\n");
        assertThat(messages).containsExactly(
                "Renamed greet to salute: 2 places in 2 files (1 not open, saved to disk)");
    }

    @Test
    void saysWhichFilesCouldNotBeChanged() throws IOException {
        var open = Files.writeString(folder.resolve("main.py"), "abc\n");
        editors.open(open);
        var missing = folder.resolve("gone.py");
        var messages = new ArrayList<String>();
        var edits = new LinkedHashMap<Path, List<TextEdit>>();
        edits.put(open, List.of(edit(0, 0, 0, 2, "x"), edit(0, 1, 0, 3, "y")));
        edits.put(missing, List.of(edit(0, 0, 0, 1, "z")));

        support.applyEdits(edits, "Renamed a", messages::add);

        assertThat(editors.documents().getFirst().text()).isEqualTo("abc\n");
        assertThat(messages).singleElement().asString()
                .startsWith("Renamed a: 3 places in 2 files; not changed: main.py: The language server sent "
                        + "overlapping edits")
                .contains("gone.py: ");
    }

    @Test
    void referencesListTheLinesOfOpenAndClosedFiles() throws IOException {
        var open = Files.writeString(folder.resolve("main.py"), "greet()\n  greet()  \n");
        var closed = Files.writeString(folder.resolve("other.py"), "x = 1\ny = greet\n");
        editors.open(open);
        editors.documents().getFirst().replace(0, 0, "# edited\n");

        support.references().show("references to greet", List.of(
                new SourceLocation(closed, TextSpan.of(1, 4, 1, 9)),
                new SourceLocation(open, TextSpan.of(2, 2, 2, 7))));

        var rows = support.references().rows();
        assertThat(support.references().titleProperty().get()).isEqualTo("2 references to greet in 2 files");
        assertThat(rows).extracting(LocationRow::where).containsExactly("main.py:3", "other.py:2");
        assertThat(rows).extracting(LocationRow::preview).containsExactly("greet()", "y = greet");

        support.references().open(rows.get(1));
        assertThat(opened).containsExactly("other.py:2:5");

        support.references().show("references to nothing", List.of());
        assertThat(support.references().titleProperty().get()).isEqualTo("No references to nothing");
    }

    private static TextEdit edit(int startLine, int startColumn, int endLine, int endColumn, String text) {
        return new TextEdit(TextSpan.of(startLine, startColumn, endLine, endColumn), text);
    }
}
