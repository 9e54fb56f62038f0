package dev.cyberdevstudio.engine.files;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {

    @TempDir
    Path folder;

    @Test
    void readsUtf8TextWithItsStamp() throws IOException {
        var file = Files.writeString(folder.resolve("hello.txt"), "héllo wörld ✓\nsecond\n", UTF_8);

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);

        assertThat(text.text()).isEqualTo("héllo wörld ✓\nsecond\n");
        assertThat(text.encoding()).isEqualTo(TextEncoding.UTF_8);
        assertThat(text.lineSeparator()).isEqualTo(LineSeparator.LF);
        assertThat(text.stamp()).isEqualTo(FileStamp.of(file));
        assertThat(text.stamp().size()).isEqualTo(Files.size(file));
    }

    @Test
    void readsAnEmptyFileAsEmptyUtf8TextWithLf() throws IOException {
        var file = Files.createFile(folder.resolve("empty.txt"));

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);

        assertThat(text.text()).isEmpty();
        assertThat(text.encoding()).isEqualTo(TextEncoding.UTF_8);
        assertThat(text.lineSeparator()).isEqualTo(LineSeparator.LF);
    }

    @Test
    void keepsCrlfFilesCrlfOnSave() throws IOException {
        var file = Files.writeString(folder.resolve("win.txt"), "one\r\ntwo\r\n", UTF_8);

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
        assertThat(text.text()).isEqualTo("one\ntwo\n");
        assertThat(text.lineSeparator()).isEqualTo(LineSeparator.CRLF);

        var saved = TextFiles.save(file, text.text() + "three\n", text.encoding(), text.lineSeparator());

        assertThat(saved).isInstanceOf(SaveResult.Saved.class);
        assertThat(Files.readString(file)).isEqualTo("one\r\ntwo\r\nthree\r\n");
    }

    @Test
    void readsOldMacLineSeparators() throws IOException {
        var file = Files.writeString(folder.resolve("mac.txt"), "one\rtwo\r", UTF_8);

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);

        assertThat(text.text()).isEqualTo("one\ntwo\n");
        assertThat(text.lineSeparator()).isEqualTo(LineSeparator.CR);
        TextFiles.save(file, text.text(), text.encoding(), text.lineSeparator());
        assertThat(Files.readString(file)).isEqualTo("one\rtwo\r");
    }

    @Test
    void normalizesMixedSeparatorsToTheFirstOne() throws IOException {
        var file = Files.writeString(folder.resolve("mixed.txt"), "a\r\nb\nc\rd", UTF_8);

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);

        assertThat(text.text()).isEqualTo("a\nb\nc\nd");
        assertThat(text.lineSeparator()).isEqualTo(LineSeparator.CRLF);
    }

    @Test
    void keepsAUtf8ByteOrderMarkOutOfTheTextAndWritesItBack() throws IOException {
        var file = folder.resolve("bom.txt");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "ünïcode\n".getBytes(UTF_8)));

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
        assertThat(text.text()).isEqualTo("ünïcode\n");
        assertThat(text.encoding()).isEqualTo(TextEncoding.UTF_8_BOM);
        assertThat(text.encoding().hasByteOrderMark()).isTrue();

        TextFiles.save(file, "changed\n", text.encoding(), text.lineSeparator());

        assertThat(Files.readAllBytes(file))
                .isEqualTo(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "changed\n".getBytes(UTF_8)));
    }

    @Test
    void readsUtf16WithAByteOrderMarkAsTextNotBinary() throws IOException {
        var file = folder.resolve("utf16.txt");
        Files.write(file, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "hi\r\nthere".getBytes(UTF_16LE)));

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);

        assertThat(text.text()).isEqualTo("hi\nthere");
        assertThat(text.encoding()).isEqualTo(TextEncoding.UTF_16LE_BOM);
        assertThat(text.lineSeparator()).isEqualTo(LineSeparator.CRLF);
        TextFiles.save(file, text.text(), text.encoding(), text.lineSeparator());
        assertThat(Files.readAllBytes(file))
                .isEqualTo(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "hi\r\nthere".getBytes(UTF_16LE)));
    }

    @Test
    void callsAFileWithAUtf16ByteOrderMarkButBrokenContentBinary() throws IOException {
        var file = folder.resolve("broken.txt");
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, (byte) 0x00, (byte) 0xDC});

        assertThat(TextFiles.load(file, LoadMode.NORMAL)).isEqualTo(new LoadResult.Binary(file, 6));
    }

    @Test
    void readsAUtf8ByteOrderMarkFileWithABadByteAsTextWithAReplacementCharacter() throws IOException {
        var file = folder.resolve("broken.txt");
        Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC3});

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
        assertThat(text.text()).isEqualTo("a\uFFFD");
        assertThat(text.invalidBytes().orElseThrow().firstByteOffset()).isEqualTo(4);
    }

    @Test
    void callsAFileWithNulBytesBinary() throws IOException {
        var file = folder.resolve("image.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        assertThat(TextFiles.load(file, LoadMode.NORMAL)).isEqualTo(new LoadResult.Binary(file, 12));
    }

    @Test
    void callsInvalidUtf8FullOfControlCharactersBinary() throws IOException {
        var file = folder.resolve("blob.dat");
        var bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (1 + (i * 37) % 255);
        }
        Files.write(file, bytes);

        assertThat(TextFiles.load(file, LoadMode.NORMAL)).isInstanceOf(LoadResult.Binary.class);
    }

    @Test
    void readsLatin1TextAsIso88591WhenAskedAndSavesTheSameBytesBack() throws IOException {
        var file = folder.resolve("latin1.txt");
        var original = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\n".getBytes(ISO_8859_1);
        Files.write(file, original);

        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL, TextEncoding.ISO_8859_1);
        assertThat(text.encoding()).isEqualTo(TextEncoding.ISO_8859_1);
        assertThat(text.invalidBytes()).isEmpty();
        assertThat(text.text()).isEqualTo("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\n");

        TextFiles.save(file, text.text(), text.encoding(), text.lineSeparator());
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
    }

    @Test
    void refusesToSaveACharacterTheEncodingCannotHoldAndKeepsTheFile() throws IOException {
        var file = Files.write(folder.resolve("latin1.txt"), "price\n".getBytes(ISO_8859_1));

        var result = TextFiles.save(file, "price\n10 \u20ac\n", TextEncoding.ISO_8859_1, LineSeparator.LF);

        assertThat(result).isInstanceOf(SaveResult.Failed.class);
        var failed = (SaveResult.Failed) result;
        assertThat(failed.reason()).contains("ISO-8859-1 cannot store the character '\u20ac' (U+20AC) on line 2");
        assertThat(failed.message()).startsWith("Cannot save " + file + ": ");
        assertThat(Files.readString(file, ISO_8859_1)).isEqualTo("price\n");
    }

    @Test
    void refusesToSaveAnUnpairedSurrogateAsUtf8() {
        var file = folder.resolve("bad.txt");

        var result = TextFiles.save(file, "ok\n\ud800", TextEncoding.UTF_8, LineSeparator.LF);

        assertThat(((SaveResult.Failed) result).reason()).contains("on line 2");
        assertThat(file).doesNotExist();
    }

    @Test
    void reportsAFileAboveTwentyMegabytesAsTooLarge() throws IOException {
        var file = folder.resolve("big.log");
        try (var sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(21L * 1024 * 1024);
        }

        assertThat(TextFiles.load(file, LoadMode.NORMAL))
                .isEqualTo(new LoadResult.TooLarge(file, 21L * 1024 * 1024, TextFiles.LARGE_FILE_LIMIT));
    }

    @Test
    void readsAFileAboveTwentyMegabytesWhenAllowed() throws IOException {
        var file = folder.resolve("big.txt");
        var line = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdef\n";
        var lines = (int) (TextFiles.LARGE_FILE_LIMIT / line.length()) + 10;
        Files.write(file, line.repeat(lines).getBytes(UTF_8));

        assertThat(TextFiles.load(file, LoadMode.NORMAL)).isInstanceOf(LoadResult.TooLarge.class);
        var text = (LoadResult.Text) TextFiles.load(file, LoadMode.ALLOW_LARGE);

        assertThat(text.text()).hasSize(line.length() * lines);
    }

    @Test
    void reportsASparseLargeFileOfZerosAsBinaryWhenAllowed() throws IOException {
        var file = folder.resolve("zeros.img");
        try (var sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(21L * 1024 * 1024);
        }

        assertThat(TextFiles.load(file, LoadMode.ALLOW_LARGE))
                .isEqualTo(new LoadResult.Binary(file, 21L * 1024 * 1024));
    }

    @Test
    void refusesFilesBeyondWhatTheEditorCanHoldEvenWhenAllowed() throws IOException {
        var file = folder.resolve("huge.img");
        try (var sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(TextFiles.MAX_FILE_SIZE + 1);
        }

        var result = (LoadResult.Failed) TextFiles.load(file, LoadMode.ALLOW_LARGE);

        assertThat(result.reason()).startsWith("it is too large to open in the editor (256.0 MB");
    }

    @Test
    void saysWhenTheFileDoesNotExist() {
        var file = folder.resolve("missing.txt");

        var result = (LoadResult.Failed) TextFiles.load(file, LoadMode.NORMAL);

        assertThat(result.reason()).isEqualTo("no such file");
        assertThat(result.message()).isEqualTo("Cannot open " + file + ": no such file.");
    }

    @Test
    void saysWhenThePathIsAFolder() throws IOException {
        var dir = Files.createDirectory(folder.resolve("src"));

        assertThat(TextFiles.load(dir, LoadMode.NORMAL))
                .isEqualTo(new LoadResult.Failed(dir, "it is a folder, not a file"));
    }

    @Test
    void refusesSomethingThatIsNotARegularFile() {
        var device = Path.of("/dev/null");
        assumeTrue(Files.exists(device));

        assertThat(TextFiles.load(device, LoadMode.NORMAL))
                .isEqualTo(new LoadResult.Failed(device, "it is not a regular file"));
    }

    @Test
    void savesANewFileAndReturnsTheStampOnDisk() throws IOException {
        var file = folder.resolve("new.txt");

        var saved = (SaveResult.Saved) TextFiles.save(file, "x\ny\n", TextEncoding.UTF_8, LineSeparator.LF);

        assertThat(Files.readString(file)).isEqualTo("x\ny\n");
        assertThat(saved.stamp()).isEqualTo(FileStamp.of(file));
    }

    @Test
    void failsToSaveWhenTheFolderWasDeletedMeanwhile() throws IOException {
        var sub = Files.createDirectory(folder.resolve("sub"));
        var file = Files.writeString(sub.resolve("a.txt"), "old");
        Files.delete(file);
        Files.delete(sub);

        var result = (SaveResult.Failed) TextFiles.save(file, "kept by the caller", TextEncoding.UTF_8,
                LineSeparator.LF);

        assertThat(result.message()).isEqualTo("Cannot save " + file + ": the folder " + sub + " does not exist.");
        assertThat(sub).doesNotExist();
    }

    @Test
    void failsToSaveOverAFolderAndLeavesItAlone() throws IOException {
        var dir = Files.createDirectory(folder.resolve("dir"));

        var result = (SaveResult.Failed) TextFiles.save(dir, "text", TextEncoding.UTF_8, LineSeparator.LF);

        assertThat(result.reason()).isEqualTo("it is a folder, not a file");
        assertThat(dir).isDirectory();
        try (Stream<Path> entries = Files.list(folder)) {
            assertThat(entries.toList()).containsExactly(dir);
        }
    }

    @Test
    void describesFailuresInPlainWords() {
        var path = "/p/a.txt";
        assertThat(TextFiles.describe(new FileSystemException(path, null, "No space left on device")))
                .isEqualTo("the disk is full (no space left on device)");
        assertThat(TextFiles.describe(new IOException("No space left on device")))
                .isEqualTo("the disk is full (no space left on device)");
        assertThat(TextFiles.describe(new FileSystemException(path, null, "Disk quota exceeded")))
                .isEqualTo("the disk quota is used up");
        assertThat(TextFiles.describe(new FileSystemException(path, null, "Read-only file system")))
                .isEqualTo("the file system is read-only");
        assertThat(TextFiles.describe(new FileSystemException(path, null, "Is a directory")))
                .isEqualTo("it is a folder, not a file");
        assertThat(TextFiles.describe(new AccessDeniedException(path))).isEqualTo("permission denied");
        assertThat(TextFiles.describe(new AccessDeniedException(path, null, "the file is read-only")))
                .isEqualTo("permission denied (the file is read-only)");
        assertThat(TextFiles.describe(new NoSuchFileException(path))).isEqualTo("no such file");
        assertThat(TextFiles.describe(new NotDirectoryException(path)))
                .isEqualTo("a part of its path is a file, not a folder");
        assertThat(TextFiles.describe(new FileSystemException(path, null, "Input/output error")))
                .isEqualTo("Input/output error");
        assertThat(TextFiles.describe(new IOException("Stale file handle"))).isEqualTo("Stale file handle");
        assertThat(TextFiles.describe(new IOException())).isEqualTo("IOException");
    }

    @Test
    void formatsSizesForPeople() {
        assertThat(TextFiles.formatSize(812)).isEqualTo("812 B");
        assertThat(TextFiles.formatSize(12 * 1024)).isEqualTo("12 KB");
        assertThat(TextFiles.formatSize(21L * 1024 * 1024 + 300 * 1024)).isEqualTo("21.3 MB");
        assertThat(TextFiles.formatSize(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GB");
    }

    @Test
    void findsTheFirstLineSeparator() {
        assertThat(LineSeparator.firstIn("no breaks")).isEqualTo(LineSeparator.LF);
        assertThat(LineSeparator.firstIn("a\nb\r\n")).isEqualTo(LineSeparator.LF);
        assertThat(LineSeparator.firstIn("a\r\nb\n")).isEqualTo(LineSeparator.CRLF);
        assertThat(LineSeparator.firstIn("a\r")).isEqualTo(LineSeparator.CR);
        assertThat(List.of(LineSeparator.values())).extracting(LineSeparator::label)
                .containsExactly("LF", "CRLF", "CR");
    }

    @Test
    void aStampNeedsATime() {
        var stamp = new FileStamp(3, Instant.EPOCH);
        assertThat(stamp.size()).isEqualTo(3);
        assertThatNullPointerException().isThrownBy(() -> new FileStamp(1, null));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        var joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
