package dev.cyberdevstudio.app.editor;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.engine.files.LoadMode;
import dev.cyberdevstudio.engine.files.LoadResult;
import dev.cyberdevstudio.engine.files.TextEncoding;
import dev.cyberdevstudio.engine.files.TextFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that is not valid UTF-8, edited and saved: the bytes the user did not touch stay as they were. */
class InvalidBytesDocumentTest {

    @TempDir
    Path folder;

    private final FakeEditorDialogs dialogs = new FakeEditorDialogs();

    /** "// café\nint x = 1;\n// crème\n" with é and è as single Latin-1 bytes. */
    private static byte[] original() {
        var out = new ByteArrayOutputStream();
        out.writeBytes("// caf".getBytes(UTF_8));
        out.write(0xE9);
        out.writeBytes("\nint x = 1;\n// cr".getBytes(UTF_8));
        out.write(0xE8);
        out.writeBytes("me\n".getBytes(UTF_8));
        return out.toByteArray();
    }

    private DocumentViewModel open(byte[] bytes) throws IOException {
        var file = Files.write(folder.resolve("Old.java"), bytes);
        var loaded = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
        return DocumentViewModel.ofText(loaded, false, new CurrentThreadTaskExecutor(), dialogs);
    }

    @Test
    void showsReplacementCharactersAndANoticeNamingTheFirstBadByte() throws IOException {
        var document = open(original());

        assertThat(document.text()).isEqualTo("// caf\uFFFD\nint x = 1;\n// cr\uFFFDme\n");
        assertThat(document.encodingProperty().get()).isEqualTo("UTF-8");
        assertThat(document.encodingNoticeProperty().get()).isEqualTo("Old.java is not valid UTF-8: byte 0xE9 at "
                + "offset 6 (line 1) and 1 more show as \uFFFD. Saving writes them back as they were unless you edit "
                + "them.");
        assertThat(document.invalidBytesProperty().get().orElseThrow().suggestion())
                .isEqualTo(TextEncoding.WINDOWS_1252);
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void savingAfterAnEditOnAnotherLineKeepsTheBadBytesByteForByte() throws IOException {
        var document = open(original());
        int value = document.text().indexOf('1');

        document.replace(value, value + 1, "42");
        assertThat(document.save().toCompletableFuture().join()).isTrue();

        var expected = new String(original(), ISO_8859_1).replace("= 1;", "= 42;")
                .getBytes(ISO_8859_1);
        assertThat(Files.readAllBytes(document.path())).isEqualTo(expected);
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void aBadCharacterDeletedAndRestoredByUndoIsStillWrittenBackAsItsOriginalByte() throws IOException {
        var document = open(original());
        int bad = document.text().indexOf('\uFFFD');

        document.replace(bad, bad + 1, "");
        assertThat(document.invalidBytesProperty().get()).isPresent();
        document.undo();
        int value = document.text().indexOf('1');
        document.replace(value, value + 1, "2");
        document.save().toCompletableFuture().join();

        var expected = new String(original(), ISO_8859_1).replace("= 1;", "= 2;").getBytes(ISO_8859_1);
        assertThat(Files.readAllBytes(document.path())).isEqualTo(expected);
    }

    @Test
    void theNoticeGoesWhenTheUserHasReplacedEveryBadCharacter() throws IOException {
        var document = open(original());

        for (int i = 0; i < 2; i++) {
            int bad = document.text().indexOf('\uFFFD');
            document.replace(bad, bad + 1, "e");
        }

        assertThat(document.encodingNoticeProperty().get()).isEmpty();
        assertThat(document.invalidBytesProperty().get()).isEmpty();
        document.undo();
        document.undo();
        assertThat(document.isDirty()).isFalse();
        assertThat(document.encodingNoticeProperty().get()).startsWith("Old.java is not valid UTF-8");
    }

    @Test
    void reopensInTheSuggestedEncodingAndSavesInIt() throws IOException {
        var document = open(original());

        assertThat(document.reopenAs(TextEncoding.WINDOWS_1252)).isTrue();

        assertThat(document.text()).isEqualTo("// caf\u00e9\nint x = 1;\n// cr\u00e8me\n");
        assertThat(document.encodingProperty().get()).isEqualTo("Windows-1252");
        assertThat(document.encodingNoticeProperty().get()).isEmpty();
        assertThat(document.isDirty()).isFalse();
        assertThat(document.undoAvailableProperty().getValue()).isFalse();

        document.replace(0, 0, "// \u201cquoted\u201d\n");
        document.save().toCompletableFuture().join();
        var expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {'/', '/', ' ', (byte) 0x93});
        expected.writeBytes("quoted".getBytes(UTF_8));
        expected.writeBytes(new byte[] {(byte) 0x94, '\n'});
        expected.writeBytes(original());
        assertThat(Files.readAllBytes(document.path())).isEqualTo(expected.toByteArray());
    }

    @Test
    void refusesToReopenOverUnsavedChanges() throws IOException {
        var document = open(original());
        document.replace(0, 0, "x");

        assertThat(document.reopenAs(TextEncoding.WINDOWS_1252)).isFalse();

        assertThat(document.noticeProperty().get())
                .isEqualTo("Save or undo your changes before reopening Old.java as Windows-1252.");
        assertThat(document.text()).startsWith("x// caf\uFFFD");
    }
}
