package dev.cyberdevstudio.engine.files;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not valid UTF-8: read with U+FFFD, and their bad bytes kept when the user edits elsewhere. */
class InvalidUtf8Test {

    @TempDir
    Path folder;

    /** "line one\ncafé crème\nend\n" with é and è as single Latin-1 bytes, the way an old editor wrote it. */
    private static byte[] latin1Bytes(String separator) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("line one" + separator + "caf").getBytes(UTF_8));
        out.write(0xE9);
        out.writeBytes(" cr".getBytes(UTF_8));
        out.write(0xE8);
        out.writeBytes(("me" + separator + "end" + separator).getBytes(UTF_8));
        return out.toByteArray();
    }

    @Test
    void readsInvalidUtf8AsUtf8WithReplacementCharactersAndNamesTheFirstBadByte() throws IOException {
        var file = Files.write(folder.resolve("old.txt"), latin1Bytes("\n"));

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);

        assertThat(text.encoding()).isEqualTo(TextEncoding.UTF_8);
        assertThat(text.text()).isEqualTo("line one\ncaf\uFFFD cr\uFFFDme\nend\n");
        var invalid = text.invalidBytes().orElseThrow();
        assertThat(invalid.count()).isEqualTo(2);
        assertThat(invalid.firstByte()).isEqualTo("0xE9");
        assertThat(invalid.firstByteOffset()).isEqualTo(12);
        assertThat(invalid.firstLine()).isEqualTo(2);
        assertThat(invalid.charOffsets()).containsExactly(12, 16);
        assertThat(invalid.suggestion()).isEqualTo(TextEncoding.WINDOWS_1252);
    }

    @Test
    void savesUntouchedBadBytesBackByteForByteAfterAnEditOnAnotherLine() throws IOException {
        for (var separator : new String[] {"\n", "\r\n"}) {
            var original = latin1Bytes(separator);
            var file = Files.write(folder.resolve("old.txt"), original);
            var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
            var kept = KeptBytes.of(text.invalidBytes().orElseThrow());

            // The user types "!" at the end of the last line and deletes the "l" of "line", away from the bad bytes.
            int endOfLast = text.text().length() - 1;
            var edited = new StringBuilder(text.text()).insert(endOfLast, "!").deleteCharAt(0).toString();
            kept.edited(endOfLast, 0, 1);
            kept.edited(0, 1, 0);
            var saved = TextFiles.save(file, edited, text.encoding(), text.lineSeparator(), kept.snapshot());

            assertThat(saved).isInstanceOf(SaveResult.Saved.class);
            var expected = new String(original, ISO_8859_1)
                    .substring(1).replace("end" + separator, "end!" + separator)
                    .getBytes(ISO_8859_1);
            assertThat(Files.readAllBytes(file)).as("separator %s", separator.length()).isEqualTo(expected);
        }
    }

    @Test
    void savesTheUneditedFileIdentically() throws IOException {
        var original = latin1Bytes("\r\n");
        var file = Files.write(folder.resolve("old.txt"), original);
        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);

        TextFiles.save(file, text.text(), text.encoding(), text.lineSeparator(),
                KeptBytes.of(text.invalidBytes().orElseThrow()).snapshot());

        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void aDeletedBadByteIsGoneAndAReplacementCharacterTheUserTypedIsWrittenAsUtf8() throws IOException {
        var file = Files.write(folder.resolve("old.txt"), latin1Bytes("\n"));
        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
        var kept = KeptBytes.of(text.invalidBytes().orElseThrow());

        // "caf\uFFFD" -> "café" (the user fixes the first one), then types a U+FFFD at the start of the file.
        var edited = "\uFFFD" + text.text().replace("caf\uFFFD", "caf\u00e9");
        kept.edited(12, 1, 1);
        kept.edited(0, 0, 1);
        assertThat(kept.size()).isEqualTo(1);
        TextFiles.save(file, edited, TextEncoding.UTF_8, LineSeparator.LF, kept.snapshot());

        var expected = new ByteArrayOutputStream();
        expected.writeBytes("\uFFFDline one\ncaf\u00e9 cr".getBytes(UTF_8));
        expected.write(0xE8);
        expected.writeBytes("me\nend\n".getBytes(UTF_8));
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    }

    @Test
    void keptBytesMoveWithEditsBeforeThemAndDropWhenTheirCharIsRemoved() {
        var kept = KeptBytes.of(new InvalidBytes(new int[] {5, 10, 20}, new byte[][] {{1}, {2}, {3}}, 5, 1,
                TextEncoding.WINDOWS_1252));

        kept.edited(5, 0, 2);      // typed two chars right before the first: it moves to 7
        kept.edited(21, 1, 0);     // deleted a char after the second (now at 12): the third moves to 21
        kept.edited(12, 3, 1);     // overwrote the second with one char: it is gone
        kept.edited(30, 0, 5);     // typed after the last: nothing moves

        var snapshot = kept.snapshot();
        assertThat(snapshot.charOffsets()).containsExactly(7, 19);
        assertThat(snapshot.sequences()).isDeepEqualTo(new byte[][] {{1}, {3}});
        assertThat(KeptBytes.none().snapshot().isEmpty()).isTrue();
    }

    @Test
    void reopenedAsWindows1252TheFileReadsWholeAndSavesTheSameBytes() throws IOException {
        var original = latin1Bytes("\n");
        original[0] = (byte) 0x93;   // a curly quote in Windows-1252, a control character in ISO-8859-1
        var file = Files.write(folder.resolve("ansi.txt"), original);

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL, TextEncoding.WINDOWS_1252);

        assertThat(text.text()).startsWith("\u201cine one\ncaf\u00e9 cr\u00e8me");
        assertThat(text.invalidBytes()).isEmpty();
        TextFiles.save(file, text.text(), text.encoding(), text.lineSeparator());
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void suggestsIso88591WhenWindows1252LeavesAByteUndefinedAndRefusesToReadItAsWindows1252() throws IOException {
        var original = latin1Bytes("\n");
        original[0] = (byte) 0x81;   // undefined in Windows-1252
        var file = Files.write(folder.resolve("odd.txt"), original);

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
        assertThat(text.invalidBytes().orElseThrow().suggestion()).isEqualTo(TextEncoding.ISO_8859_1);
        assertThat(text.invalidBytes().orElseThrow().firstByteOffset()).isZero();

        var asAnsi = TextFiles.load(file, LoadMode.NORMAL, TextEncoding.WINDOWS_1252);
        assertThat(asAnsi).isInstanceOf(LoadResult.Failed.class);
        assertThat(((LoadResult.Failed) asAnsi).reason()).contains("Windows-1252 cannot read");
    }

    @Test
    void aUtf8FileWithAByteOrderMarkAndABadByteKeepsBoth() throws IOException {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(latin1Bytes("\n"));
        var original = out.toByteArray();
        var file = Files.write(folder.resolve("bom.txt"), original);

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
        assertThat(text.encoding()).isEqualTo(TextEncoding.UTF_8_BOM);
        assertThat(text.text()).startsWith("line one\ncaf\uFFFD");
        TextFiles.save(file, text.text(), text.encoding(), text.lineSeparator(),
                KeptBytes.of(text.invalidBytes().orElseThrow()).snapshot());
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }
}
