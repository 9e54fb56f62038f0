package dev.cyberdevstudio.app.editor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.editor.EditorDialogs.ReloadChoice;
import dev.cyberdevstudio.app.editor.EditorDialogs.UnsavedChoice;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditorTabsViewModelTest {

    @TempDir
    Path folder;

    private FakeEditorDialogs dialogs;
    private EditorTabsViewModel editors;

    @BeforeEach
    void setUp() {
        dialogs = new FakeEditorDialogs();
        editors = new EditorTabsViewModel(new CurrentThreadTaskExecutor(), dialogs);
    }

    @Test
    void opensAFileAsTheActiveDocument() throws IOException {
        var file = Files.writeString(folder.resolve("Main.java"), "class Main {}\n");

        editors.open(file);

        var document = editors.activeDocument().orElseThrow();
        assertThat(editors.documents()).containsExactly(document);
        assertThat(document.path()).isEqualTo(file.toAbsolutePath());
        assertThat(document.pathProperty().get()).isEqualTo(file.toAbsolutePath());
        assertThat(document.text()).isEqualTo("class Main {}\n");
        assertThat(document.titleProperty().get()).isEqualTo("Main.java");
        assertThat(document.tooltip()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(document.isDirty()).isFalse();
        assertThat(document.isReadOnly()).isFalse();
        assertThat(document.languageName()).isEqualTo("Java");
        assertThat(document.languageNameProperty().get()).isEqualTo("Java");
        assertThat(document.encodingProperty().get()).isEqualTo("UTF-8");
        assertThat(document.lineSeparatorProperty().get()).isEqualTo("LF");
        assertThat(document.caretLineProperty().get()).isEqualTo(1);
        assertThat(document.caretColumnProperty().get()).isEqualTo(1);
        assertThat(document.bannerProperty().get()).isEmpty();
    }

    @Test
    void focusesTheTabOfAFileThatIsOpenAlready() throws IOException {
        var first = Files.writeString(folder.resolve("a.txt"), "a");
        var second = Files.writeString(folder.resolve("b.txt"), "b");
        editors.open(first);
        editors.open(second);

        editors.open(folder.resolve("sub/../a.txt"));

        assertThat(editors.documents()).hasSize(2);
        assertThat(editors.activeDocument().orElseThrow().path()).isEqualTo(first.toAbsolutePath());
    }

    @Test
    void namesTheLanguageFromTheExtension() throws IOException {
        for (var name : List.of("a.py", "b.ts", "c.tsx", "d.json", "e.md", "f.sh", "g.yaml", "h.html", "i.css",
                "j.mjs", "Makefile")) {
            editors.open(Files.writeString(folder.resolve(name), "x"));
        }

        assertThat(editors.documents()).extracting(DocumentViewModel::languageName).containsExactly(
                "Python", "TypeScript", "TSX", "JSON", "Markdown", "Bash", "YAML", "HTML", "CSS", "JavaScript",
                "Plain Text");
    }

    @Test
    void marksTheTabDirtyWhileTheTextDiffersFromTheFile() throws IOException {
        var document = open("notes.txt", "hello");

        document.replace(5, 5, "!");

        assertThat(document.isDirty()).isTrue();
        assertThat(document.titleProperty().get()).isEqualTo("● notes.txt");
        assertThat(editors.hasUnsavedChanges()).isTrue();

        document.replace(5, 6, "");

        assertThat(document.isDirty()).isFalse();
        assertThat(document.titleProperty().get()).isEqualTo("notes.txt");
        assertThat(editors.hasUnsavedChanges()).isFalse();
    }

    @Test
    void savesTheActiveDocumentToDiskAndClearsTheMarker() throws IOException {
        var document = open("notes.txt", "hello");
        document.replace(5, 5, " world");

        editors.saveActive();

        assertThat(Files.readString(folder.resolve("notes.txt"))).isEqualTo("hello world");
        assertThat(document.isDirty()).isFalse();
        assertThat(document.titleProperty().get()).isEqualTo("notes.txt");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void savesEveryDirtyDocument() throws IOException {
        var first = open("a.txt", "a");
        var second = open("b.txt", "b");
        open("c.txt", "c");
        first.replace(1, 1, "1");
        second.replace(1, 1, "2");

        editors.saveAll();

        assertThat(Files.readString(folder.resolve("a.txt"))).isEqualTo("a1");
        assertThat(Files.readString(folder.resolve("b.txt"))).isEqualTo("b2");
        assertThat(editors.hasUnsavedChanges()).isFalse();
    }

    @Test
    void keepsACrlfFileCrlfOnSave() throws IOException {
        var file = Files.writeString(folder.resolve("win.txt"), "one\r\ntwo\r\n");
        editors.open(file);
        var document = editors.activeDocument().orElseThrow();
        assertThat(document.text()).isEqualTo("one\ntwo\n");
        assertThat(document.lineSeparatorProperty().get()).isEqualTo("CRLF");

        document.replace(8, 8, "three\n");
        editors.saveActive();

        assertThat(Files.readString(file)).isEqualTo("one\r\ntwo\r\nthree\r\n");
    }

    @Test
    void savingAfterTheFolderWasDeletedReportsItAndKeepsTheText() throws IOException {
        var sub = Files.createDirectory(folder.resolve("sub"));
        var file = Files.writeString(sub.resolve("a.txt"), "old");
        editors.open(file);
        var document = editors.activeDocument().orElseThrow();
        document.replace(3, 3, " and new");
        Files.delete(file);
        Files.delete(sub);

        var saved = document.save().toCompletableFuture().join();

        assertThat(saved).isFalse();
        assertThat(dialogs.errors).containsExactly("Could not save a.txt: Cannot save " + file.toAbsolutePath()
                + ": the folder " + sub.toAbsolutePath() + " does not exist.");
        assertThat(document.text()).isEqualTo("old and new");
        assertThat(document.isDirty()).isTrue();
    }

    @Test
    void undoingBackToTheSavedTextClearsTheMarker() throws IOException {
        var document = open("u.txt", "hello");
        document.replace(5, 5, " world");
        editors.saveActive();
        document.replace(11, 11, "!");
        assertThat(document.isDirty()).isTrue();

        assertThat(document.undo()).isTrue();

        assertThat(document.text()).isEqualTo("hello world");
        assertThat(document.isDirty()).isFalse();
        assertThat(document.selection()).isEqualTo(TextSelection.at(11));

        document.undo();
        assertThat(document.text()).isEqualTo("hello");
        assertThat(document.isDirty()).isTrue();

        document.redo();
        document.redo();
        assertThat(document.text()).isEqualTo("hello world!");
        assertThat(document.redoAvailableProperty().getValue()).isFalse();
        assertThat(document.undoAvailableProperty().getValue()).isTrue();
    }

    @Test
    void closesACleanDocumentWithoutAsking() throws IOException {
        open("a.txt", "a");
        var second = open("b.txt", "b");

        editors.closeActive();

        assertThat(dialogs.asked).isEmpty();
        assertThat(editors.documents()).extracting(DocumentViewModel::path)
                .containsExactly(folder.resolve("a.txt").toAbsolutePath());
        assertThat(editors.activeDocument().orElseThrow().path()).isEqualTo(folder.resolve("a.txt").toAbsolutePath());
        assertThat(editors.close(second)).isTrue();
    }

    @Test
    void cancelInTheUnsavedPromptKeepsTheTab() throws IOException {
        var document = open("a.txt", "a");
        document.replace(1, 1, "b");
        dialogs.unsavedAnswers.add(UnsavedChoice.CANCEL);

        editors.closeActive();

        assertThat(dialogs.asked).containsExactly("unsaved a.txt");
        assertThat(editors.documents()).containsExactly(document);
        assertThat(document.text()).isEqualTo("ab");
        assertThat(Files.readString(folder.resolve("a.txt"))).isEqualTo("a");
    }

    @Test
    void dontSaveClosesTheTabAndLeavesTheFile() throws IOException {
        var document = open("a.txt", "a");
        document.replace(1, 1, "b");
        dialogs.unsavedAnswers.add(UnsavedChoice.DONT_SAVE);

        assertThat(editors.close(document)).isTrue();

        assertThat(editors.documents()).isEmpty();
        assertThat(editors.activeDocument()).isEmpty();
        assertThat(Files.readString(folder.resolve("a.txt"))).isEqualTo("a");
    }

    @Test
    void saveInTheUnsavedPromptWritesTheFileThenCloses() throws IOException {
        var document = open("a.txt", "a");
        document.replace(1, 1, "b");
        dialogs.unsavedAnswers.add(UnsavedChoice.SAVE);

        assertThat(editors.close(document)).isTrue();

        assertThat(editors.documents()).isEmpty();
        assertThat(Files.readString(folder.resolve("a.txt"))).isEqualTo("ab");
    }

    @Test
    void aFailedSaveInTheUnsavedPromptKeepsTheTab() throws IOException {
        var sub = Files.createDirectory(folder.resolve("sub"));
        editors.open(Files.writeString(sub.resolve("a.txt"), "a"));
        var document = editors.activeDocument().orElseThrow();
        document.replace(1, 1, "b");
        Files.delete(sub.resolve("a.txt"));
        Files.delete(sub);
        dialogs.unsavedAnswers.add(UnsavedChoice.SAVE);

        assertThat(editors.close(document)).isFalse();

        assertThat(editors.documents()).containsExactly(document);
        assertThat(dialogs.errors).hasSize(1);
        assertThat(document.text()).isEqualTo("ab");
    }

    @Test
    void closeAllStopsAtTheFirstCancel() throws IOException {
        var first = open("a.txt", "a");
        var second = open("b.txt", "b");
        var third = open("c.txt", "c");
        second.replace(0, 0, "x");
        third.replace(0, 0, "y");
        dialogs.unsavedAnswers.add(UnsavedChoice.CANCEL);

        assertThat(editors.closeAll()).isFalse();

        assertThat(editors.documents()).containsExactly(second, third);
        assertThat(editors.activeDocument()).contains(second);
        assertThat(first.titleProperty().get()).isEqualTo("a.txt");
    }

    @Test
    void closeAllClosesEverythingWhenTheUserAgrees() throws IOException {
        var first = open("a.txt", "a");
        open("b.txt", "b");
        first.replace(0, 0, "x");
        dialogs.unsavedAnswers.add(UnsavedChoice.DONT_SAVE);

        assertThat(editors.closeAll()).isTrue();

        assertThat(editors.documents()).isEmpty();
    }

    @Test
    void showsABinaryFileAsANotice() throws IOException {
        var file = Files.write(folder.resolve("logo.png"), new byte[2048]);

        editors.open(file);

        var document = editors.activeDocument().orElseThrow();
        assertThat(document.binaryNotice()).contains("logo.png is a binary file (2 KB) and is not shown.");
        assertThat(document.isReadOnly()).isTrue();
        assertThat(document.text()).isEmpty();
        assertThat(document.replace(0, 0, "x")).isFalse();
        assertThat(document.save().toCompletableFuture().join()).isFalse();
        assertThat(Files.size(file)).isEqualTo(2048);
        editors.find();
        editors.goToLine();
        assertThat(document.find().visibleProperty().get()).isFalse();
    }

    @Test
    void asksBeforeOpeningALargeFileAndOpensNothingWhenDeclined() throws IOException {
        var file = largeFile("big.log");
        dialogs.largeAnswers.add(false);

        editors.open(file);

        assertThat(dialogs.asked).containsExactly("large big.log " + Files.size(file));
        assertThat(editors.documents()).isEmpty();
    }

    @Test
    void opensALargeFileReadOnlyWithABannerWhenAccepted() throws IOException {
        var file = largeFile("big.log");
        dialogs.largeAnswers.add(true);

        editors.open(file);

        var document = editors.activeDocument().orElseThrow();
        assertThat(document.isReadOnly()).isTrue();
        assertThat(document.bannerProperty().get()).startsWith("big.log is larger than 20.0 MB (")
                .endsWith("): it is open read-only, without syntax highlighting.");
        assertThat(document.replace(0, 0, "x")).isFalse();
        assertThat(document.undo()).isFalse();
        assertThat(document.lineCount()).isGreaterThan(200_000);
    }

    @Test
    void reportsAFileThatCannotBeOpened() {
        var missing = folder.resolve("missing.txt");

        editors.open(missing);

        assertThat(editors.documents()).isEmpty();
        assertThat(dialogs.errors).containsExactly(
                "Could not open missing.txt: Cannot open " + missing.toAbsolutePath() + ": no such file.");
    }

    @Test
    void reloadsACleanDocumentChangedOnDiskAndKeepsTheCaretLine() throws IOException {
        var document = open("a.txt", "one\ntwo\nthree\n");
        document.goToLine("2:3");

        Files.writeString(folder.resolve("a.txt"), "zero\none\ntwo\nthree\n");
        editors.filesChanged(List.of(folder.resolve("a.txt")));

        assertThat(document.text()).isEqualTo("zero\none\ntwo\nthree\n");
        assertThat(document.isDirty()).isFalse();
        assertThat(document.caretLineProperty().get()).isEqualTo(2);
        assertThat(document.caretColumnProperty().get()).isEqualTo(3);
        assertThat(dialogs.asked).isEmpty();
        assertThat(document.undo()).isFalse();
    }

    @Test
    void noticesAChangeUnderAChangedFolder() throws IOException {
        var sub = Files.createDirectory(folder.resolve("sub"));
        editors.open(Files.writeString(sub.resolve("a.txt"), "old"));
        var document = editors.activeDocument().orElseThrow();

        Files.writeString(sub.resolve("a.txt"), "newer");
        editors.filesChanged(List.of(sub));

        assertThat(document.text()).isEqualTo("newer");
    }

    @Test
    void asksAboutADirtyDocumentChangedOnDiskAndKeepsMineWhenAsked() throws IOException {
        var document = open("a.txt", "disk");
        document.replace(4, 4, " mine");
        Files.writeString(folder.resolve("a.txt"), "changed on disk");
        dialogs.reloadAnswers.add(ReloadChoice.KEEP_MINE);

        editors.filesChanged(List.of(folder.resolve("a.txt")));

        assertThat(dialogs.asked).containsExactly("reload a.txt");
        assertThat(document.text()).isEqualTo("disk mine");
        assertThat(document.isDirty()).isTrue();

        editors.filesChanged(List.of(folder.resolve("a.txt")));
        assertThat(dialogs.asked).as("the same version on disk is not asked about twice").hasSize(1);
    }

    @Test
    void reloadsADirtyDocumentWhenTheUserChoosesReload() throws IOException {
        var document = open("a.txt", "disk");
        document.replace(4, 4, " mine");
        Files.writeString(folder.resolve("a.txt"), "changed on disk");
        dialogs.reloadAnswers.add(ReloadChoice.RELOAD);

        editors.filesChanged(List.of(folder.resolve("a.txt")));

        assertThat(document.text()).isEqualTo("changed on disk");
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void marksADeletedFileAndKeepsItsText() throws IOException {
        var document = open("a.txt", "keep me");

        Files.delete(folder.resolve("a.txt"));
        editors.filesChanged(List.of(folder.resolve("a.txt")));

        assertThat(document.titleProperty().get()).isEqualTo("a.txt (deleted)");
        assertThat(document.deletedProperty().get()).isTrue();
        assertThat(document.text()).isEqualTo("keep me");
        assertThat(editors.documents()).containsExactly(document);

        editors.saveActive();
        assertThat(Files.readString(folder.resolve("a.txt"))).isEqualTo("keep me");
        assertThat(document.titleProperty().get()).isEqualTo("a.txt");
    }

    @Test
    void aFileThatComesBackAfterBeingDeletedIsReloaded() throws IOException {
        var document = open("a.txt", "first");
        Files.delete(folder.resolve("a.txt"));
        editors.filesChanged(List.of(folder.resolve("a.txt")));

        Files.writeString(folder.resolve("a.txt"), "second");
        editors.filesChanged(List.of(folder.resolve("a.txt")));

        assertThat(document.titleProperty().get()).isEqualTo("a.txt");
        assertThat(document.text()).isEqualTo("second");
    }

    @Test
    void ourOwnSaveIsNotTakenForAChangeOnDisk() throws IOException {
        var document = open("a.txt", "a");
        document.replace(1, 1, "b");
        editors.saveActive();
        document.replace(2, 2, "c");

        editors.filesChanged(List.of(folder.resolve("a.txt")));

        assertThat(dialogs.asked).isEmpty();
        assertThat(document.text()).isEqualTo("abc");
    }

    @Test
    void aChangeThatKeepsTheSizeIsFoundByItsTime() throws IOException {
        var file = Files.writeString(folder.resolve("a.txt"), "aaaa");
        editors.open(file);
        var document = editors.activeDocument().orElseThrow();

        Files.writeString(file, "bbbb");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        editors.filesChanged(List.of(file));

        assertThat(document.text()).isEqualTo("bbbb");
    }

    @Test
    void ignoresChangesToFilesThatAreNotOpen() throws IOException {
        var document = open("a.txt", "a");

        Files.writeString(folder.resolve("other.txt"), "x");
        editors.filesChanged(List.of(folder.resolve("other.txt")));

        assertThat(document.text()).isEqualTo("a");
        assertThat(dialogs.asked).isEmpty();
    }

    @Test
    void menuActionsReachTheActiveDocument() throws IOException {
        var document = open("a.txt", "one\ntwo\n");
        dialogs.lineAnswers.add(Optional.of("2"));

        editors.goToLine();
        editors.find();
        assertThat(document.find().visibleProperty().get()).isTrue();
        assertThat(document.find().replaceVisibleProperty().get()).isFalse();
        editors.replace();
        assertThat(document.find().replaceVisibleProperty().get()).isTrue();
        document.replace(0, 0, "zero\n");
        editors.undo();
        assertThat(document.text()).isEqualTo("one\ntwo\n");
        editors.redo();
        assertThat(document.text()).isEqualTo("zero\none\ntwo\n");

        assertThat(dialogs.asked).containsExactly("line 1/3");
    }

    @Test
    void actionsWithoutAnOpenDocumentDoNothing() {
        editors.find();
        editors.replace();
        editors.goToLine();
        editors.undo();
        editors.redo();
        editors.saveActive();
        editors.closeActive();

        assertThat(editors.closeAll()).isTrue();
        assertThat(dialogs.asked).isEmpty();
    }

    private DocumentViewModel open(String name, String text) throws IOException {
        editors.open(Files.writeString(folder.resolve(name), text, UTF_8));
        return editors.activeDocument().orElseThrow();
    }

    private Path largeFile(String name) throws IOException {
        var file = folder.resolve(name);
        var line = "a log line with some words in it, long enough to fill the file quickly\n".getBytes(UTF_8);
        try (var out = new RandomAccessFile(file.toFile(), "rw")) {
            var block = new byte[line.length * 1024];
            for (int i = 0; i < 1024; i++) {
                System.arraycopy(line, 0, block, i * line.length, line.length);
            }
            while (out.length() <= 20L * 1024 * 1024) {
                out.write(block);
            }
        }
        return file;
    }
}
