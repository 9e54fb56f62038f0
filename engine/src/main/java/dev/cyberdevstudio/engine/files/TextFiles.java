package dev.cyberdevstudio.engine.files;

import dev.cyberdevstudio.sandbox.fs.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes the files people edit: text in, text out, with the file's encoding and line separator kept.
 *
 * <pre>{@code
 * switch (TextFiles.load(path, LoadMode.NORMAL)) {
 *     case LoadResult.Text text -> editor.show(text.text());
 *     case LoadResult.Binary binary -> editor.showNotice(binary);
 *     case LoadResult.TooLarge large -> askFirst(large);
 *     case LoadResult.Failed failed -> showError(failed.message());
 * }
 * }</pre>
 *
 * <p>How the content is judged:
 * <ul>
 *   <li>A byte order mark decides: UTF-8, UTF-16 LE or UTF-16 BE, and the mark is written back on save.</li>
 *   <li>Otherwise a NUL byte in the first {@value #SAMPLE_SIZE} bytes means binary.</li>
 *   <li>Valid UTF-8 is UTF-8. Content that is not valid UTF-8 but is clearly text (at most one byte in a hundred
 *       of the first {@value #SAMPLE_SIZE} is a control character other than tab, line feed, vertical tab, form
 *       feed, carriage return and escape) is still read as UTF-8: each bad byte sequence shows as U+FFFD, and the
 *       result carries them as {@link InvalidBytes}, with the 8-bit encoding that would read the file whole
 *       (Windows-1252, or ISO-8859-1 where Windows-1252 leaves a byte undefined) to offer as "Reopen as".
 *       {@link KeptBytes} and {@link #save(Path, String, TextEncoding, LineSeparator, KeptBytes.Snapshot)} write
 *       the bad bytes the user did not touch back unchanged. Anything else is binary.</li>
 *   <li>{@link #load(Path, LoadMode, TextEncoding)} reads a file in an encoding the user chose.</li>
 * </ul>
 * The line separator is the first one in the file (LF when there is none); text in memory always uses {@code \n},
 * and the file's separator is put back on save, so a mixed file is saved with its first separator throughout.
 */
public final class TextFiles {

    /** Files above this size (20 MB) are opened only when the caller says {@link LoadMode#ALLOW_LARGE}. */
    public static final long LARGE_FILE_LIMIT = 20L * 1024 * 1024;

    /** Files above this size (256 MB) are never opened as text: the editor could not hold them. */
    public static final long MAX_FILE_SIZE = 256L * 1024 * 1024;

    static final int SAMPLE_SIZE = 64 * 1024;

    private static final char REPLACEMENT = '\uFFFD';

    private static final List<TextEncoding> MARKED = List.of(
            TextEncoding.UTF_8_BOM, TextEncoding.UTF_16LE_BOM, TextEncoding.UTF_16BE_BOM);

    private TextFiles() {
    }

    /** Reads {@code path} as text, or says why it is not shown as text. Never throws for a bad file. */
    public static LoadResult load(Path path, LoadMode mode) {
        return load(path, mode, null);
    }

    /**
     * Reads {@code path} as text in {@code encoding}, as the user chose ("Reopen as Windows-1252"); a byte order mark
     * of that encoding is skipped. Bytes that {@code encoding} cannot read make it {@link LoadResult.Failed}, except
     * for UTF-8, which reads them as U+FFFD as {@link #load(Path, LoadMode)} does.
     */
    public static LoadResult load(Path path, LoadMode mode, TextEncoding encoding) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException error) {
            return new LoadResult.Failed(path, describe(error));
        }
        if (attributes.isDirectory()) {
            return new LoadResult.Failed(path, "it is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            return new LoadResult.Failed(path, "it is not a regular file");
        }
        long size = attributes.size();
        if (size > LARGE_FILE_LIMIT && mode != LoadMode.ALLOW_LARGE) {
            return new LoadResult.TooLarge(path, size, LARGE_FILE_LIMIT);
        }
        if (size > MAX_FILE_SIZE) {
            return new LoadResult.Failed(path, "it is too large to open in the editor (" + formatSize(size)
                    + "; the most is " + formatSize(MAX_FILE_SIZE) + ")");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException error) {
            return new LoadResult.Failed(path, describe(error));
        }
        // Stamped from the attributes read before the bytes: a change in between shows up later as a change on disk.
        return encoding == null ? decode(path, bytes, FileStamp.of(attributes))
                : decodeAs(path, bytes, FileStamp.of(attributes), encoding);
    }

    /**
     * Writes {@code text} (lines separated by {@code \n}) to {@code path} atomically, in {@code encoding} and with
     * {@code lineSeparator} between lines. On failure the file on disk is as it was and the caller still has the text.
     */
    public static SaveResult save(Path path, String text, TextEncoding encoding, LineSeparator lineSeparator) {
        return save(path, text, encoding, lineSeparator, KeptBytes.none().snapshot());
    }

    /**
     * Saves like {@link #save(Path, String, TextEncoding, LineSeparator)}, but writes {@code kept}'s original bytes
     * in place of the U+FFFD each stands for: the invalid bytes of a file read as UTF-8 that the user left alone
     * go back to disk unchanged. A kept offset that no longer holds U+FFFD is ignored (the text is written as is).
     */
    public static SaveResult save(Path path, String text, TextEncoding encoding, LineSeparator lineSeparator,
                                  KeptBytes.Snapshot kept) {
        var out = new ByteArrayOutputStream(text.length() + 16);
        out.writeBytes(encoding.byteOrderMark());
        var encoder = strictEncoder(encoding.charset());
        int from = 0;
        try {
            var offsets = kept.charOffsets();
            var sequences = kept.sequences();
            for (int i = 0; i < offsets.length; i++) {
                int at = offsets[i];
                if (at < from || at >= text.length() || text.charAt(at) != REPLACEMENT) {
                    continue;
                }
                out.writeBytes(encode(encoder, text, from, at, lineSeparator));
                out.writeBytes(sequences[i]);
                from = at + 1;
            }
            out.writeBytes(encode(encoder, text, from, text.length(), lineSeparator));
        } catch (CharacterCodingException error) {
            return new SaveResult.Failed(path, unencodable(text, encoding));
        }
        var bytes = out.toByteArray();
        try {
            AtomicFiles.write(path, bytes);
            return new SaveResult.Saved(FileStamp.of(path));
        } catch (IOException error) {
            return new SaveResult.Failed(path, describe(error));
        }
    }

    private static byte[] encode(CharsetEncoder encoder, String text, int from, int to, LineSeparator separator)
            throws CharacterCodingException {
        var part = text.substring(from, to);
        var onDisk = separator == LineSeparator.LF ? part : part.replace("\n", separator.text());
        var encoded = encoder.reset().encode(CharBuffer.wrap(onDisk));
        var bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    /** "812 B", "12 KB", "21.3 MB": sizes as people read them (1 KB = 1024 bytes). */
    public static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        double megabytes = bytes / (1024.0 * 1024.0);
        if (megabytes < 1024) {
            return String.format(Locale.ROOT, "%.1f MB", megabytes);
        }
        return String.format(Locale.ROOT, "%.1f GB", megabytes / 1024.0);
    }

    /** The cause of a failed read or write in plain words, without the path (the caller names the file). */
    static String describe(IOException error) {
        var reason = error instanceof FileSystemException fileError ? fileError.getReason() : null;
        var message = error.getMessage() == null ? "" : error.getMessage();
        var lower = (message + " " + (reason == null ? "" : reason)).toLowerCase(Locale.ROOT);
        if (lower.contains("no space left on device")) {
            return "the disk is full (no space left on device)";
        }
        if (lower.contains("quota exceeded")) {
            return "the disk quota is used up";
        }
        if (lower.contains("read-only file system")) {
            return "the file system is read-only";
        }
        if (lower.contains("is a directory")) {
            return "it is a folder, not a file";
        }
        if (error instanceof AccessDeniedException) {
            return reason == null ? "permission denied" : "permission denied (" + reason + ")";
        }
        if (error instanceof NoSuchFileException) {
            return reason == null ? "no such file" : reason;
        }
        if (error instanceof NotDirectoryException || lower.contains("not a directory")) {
            return "a part of its path is a file, not a folder";
        }
        if (reason != null) {
            return reason;
        }
        return message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    static LoadResult decode(Path path, byte[] bytes, FileStamp stamp) {
        for (var encoding : MARKED) {
            if (encoding.markedIn(bytes)) {
                int start = encoding.byteOrderMark().length;
                try {
                    var text = strictDecode(bytes, start, encoding.charset());
                    return text(path, text, encoding, stamp);
                } catch (CharacterCodingException malformed) {
                    return encoding == TextEncoding.UTF_8_BOM && clearlyText(bytes, Math.min(bytes.length, SAMPLE_SIZE))
                            ? decodeUtf8KeepingBadBytes(path, bytes, start, stamp)
                            : new LoadResult.Binary(path, bytes.length);
                }
            }
        }
        int sample = Math.min(bytes.length, SAMPLE_SIZE);
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                return new LoadResult.Binary(path, bytes.length);
            }
        }
        // The fast decoder replaces bad input with U+FFFD; only then is it worth decoding again, keeping the bytes.
        var text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) < 0) {
            return text(path, text, TextEncoding.UTF_8, stamp);
        }
        if (!clearlyText(bytes, sample)) {
            return new LoadResult.Binary(path, bytes.length);
        }
        return decodeUtf8KeepingBadBytes(path, bytes, 0, stamp);
    }

    private static LoadResult decodeAs(Path path, byte[] bytes, FileStamp stamp, TextEncoding encoding) {
        int start = encoding.markedIn(bytes) ? encoding.byteOrderMark().length : 0;
        if (encoding.charset().equals(StandardCharsets.UTF_8)) {
            return decodeUtf8KeepingBadBytes(path, bytes, start, stamp);
        }
        try {
            return text(path, strictDecode(bytes, start, encoding.charset()), encoding, stamp);
        } catch (CharacterCodingException malformed) {
            return new LoadResult.Failed(path, "it holds bytes that " + encoding.label() + " cannot read");
        }
    }

    /** UTF-8 with each malformed sequence read as one U+FFFD, remembered with its bytes. */
    private static LoadResult decodeUtf8KeepingBadBytes(Path path, byte[] bytes, int start, FileStamp stamp) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        var out = CharBuffer.allocate(bytes.length - start + 1);
        var offsets = new ArrayList<Integer>();
        var sequences = new ArrayList<byte[]>();
        long firstByte = -1;
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            // Overflow cannot happen (one char per byte at most); malformed or unmappable input remains.
            int length = result.isError() ? result.length() : 1;
            if (firstByte < 0) {
                firstByte = in.position();
            }
            var sequence = new byte[length];
            in.get(sequence);
            offsets.add(out.position());
            sequences.add(sequence);
            out.put(REPLACEMENT);
        }
        out.flip();
        var raw = out.toString();
        var encoding = start > 0 ? TextEncoding.UTF_8_BOM : TextEncoding.UTF_8;
        var loaded = text(path, raw, encoding, stamp);
        if (offsets.isEmpty()) {
            return loaded;
        }
        var charOffsets = withLfOffsets(raw, offsets);
        int firstLine = 1;
        var text = loaded.text();
        for (int i = 0; i < charOffsets[0]; i++) {
            if (text.charAt(i) == '\n') {
                firstLine++;
            }
        }
        var invalid = new InvalidBytes(charOffsets, sequences.toArray(byte[][]::new), firstByte, firstLine,
                eightBitEncodingFor(bytes));
        return new LoadResult.Text(path, text, loaded.encoding(), loaded.lineSeparator(), stamp,
                Optional.of(invalid));
    }

    /** Offsets into {@code raw} moved to where they are once each CRLF is one LF. */
    private static int[] withLfOffsets(String raw, List<Integer> rawOffsets) {
        var offsets = new int[rawOffsets.size()];
        int removed = 0;
        int next = 0;
        for (int i = 0; i < raw.length() && next < offsets.length; i++) {
            while (next < offsets.length && rawOffsets.get(next) == i) {
                offsets[next++] = i - removed;
            }
            if (raw.charAt(i) == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                removed++;
            }
        }
        return offsets;
    }

    private static TextEncoding eightBitEncodingFor(byte[] bytes) {
        try {
            strictDecode(bytes, 0, TextEncoding.WINDOWS_1252.charset());
            return TextEncoding.WINDOWS_1252;
        } catch (CharacterCodingException undefined) {
            return TextEncoding.ISO_8859_1;
        }
    }

    private static LoadResult.Text text(Path path, String raw, TextEncoding encoding, FileStamp stamp) {
        var separator = LineSeparator.firstIn(raw);
        var text = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
        return new LoadResult.Text(path, text, encoding, separator, stamp);
    }

    private static String strictDecode(byte[] bytes, int start, Charset charset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                .toString();
    }

    private static boolean clearlyText(byte[] bytes, int sample) {
        int controls = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xFF;
            boolean allowed = b == '\t' || b == '\n' || b == 0x0B || b == '\f' || b == '\r' || b == 0x1B;
            if ((b < 0x20 && !allowed) || b == 0x7F) {
                controls++;
            }
        }
        return controls * 100 <= sample;
    }

    private static CharsetEncoder strictEncoder(Charset charset) {
        return charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String unencodable(String text, TextEncoding encoding) {
        var encoder = strictEncoder(encoding.charset());
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            var character = new String(Character.toChars(codePoint));
            if (!encoder.canEncode(character)) {
                return encoding.label() + " cannot store the character '" + character + "' (U+"
                        + String.format(Locale.ROOT, "%04X", codePoint) + ") on line " + line
                        + "; remove it to save";
            }
            if (Character.isSupplementaryCodePoint(codePoint)) {
                i++;
            }
        }
        return "its text cannot be stored as " + encoding.label();
    }
}
