package dev.cyberdevstudio.engine.agents.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Decides which files a scan reads, and reads them as text. */
final class FileReading {

    /** Extensions that are never text; skipped without reading a byte. */
    private static final Set<String> BINARY_EXTENSIONS = Set.of(
            "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "psd", "pdf", "zip", "jar", "war", "ear", "class",
            "gz", "tgz", "bz2", "xz", "7z", "rar", "so", "dll", "dylib", "exe", "o", "a", "lib", "bin", "dat",
            "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "mov", "avi", "wav", "ogg", "pyc", "iso", "dmg",
            "sqlite", "db", "gguf", "wasm");
    /** Generated lock files: machine-written, full of hashes, and not where a person declares a dependency. */
    private static final Set<String> LOCK_FILES = Set.of(
            "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "pipfile.lock", "go.sum",
            "cargo.lock", "composer.lock", "gradle.lockfile", "npm-shrinkwrap.json");
    private static final int BINARY_SAMPLE = 8_000;
    /** A line this long in a script is not hand-written. */
    private static final int MINIFIED_LINE = 1_000;

    record Read(Optional<SkippedFile> skipped, String text, long bytes) {
    }

    private FileReading() {
    }

    /** The reason to skip a file judged by its name and size alone, if there is one. */
    static Optional<SkippedFile> skipByName(String path, long size, long maxBytes) {
        var name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        var dot = name.lastIndexOf('.');
        var extension = dot < 0 ? "" : name.substring(dot + 1);
        if (BINARY_EXTENSIONS.contains(extension)) {
            return skip(path, SkippedFile.Reason.BINARY, "a ." + extension + " file is binary");
        }
        if (LOCK_FILES.contains(name)) {
            return skip(path, SkippedFile.Reason.LOCK_FILE, "a generated lock file");
        }
        if (name.contains(".min.") || name.endsWith(".map")) {
            return skip(path, SkippedFile.Reason.MINIFIED, "a minified bundle or source map, by its name");
        }
        if (size > maxBytes) {
            return skip(path, SkippedFile.Reason.TOO_LARGE, size(size) + ", over the " + size(maxBytes) + " limit");
        }
        return Optional.empty();
    }

    /** Reads a file as text, or says why it is not scanned (binary content, minified, gone, unreadable). */
    static Read read(Path file, String path, long maxBytes) {
        byte[] bytes;
        try {
            if (Files.size(file) > maxBytes) {
                return new Read(skip(path, SkippedFile.Reason.TOO_LARGE,
                        size(Files.size(file)) + ", over the " + size(maxBytes) + " limit"), "", 0);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException error) {
            return new Read(skip(path, SkippedFile.Reason.UNREADABLE, describe(error)), "", 0);
        }
        for (int i = 0; i < Math.min(bytes.length, BINARY_SAMPLE); i++) {
            if (bytes[i] == 0) {
                return new Read(skip(path, SkippedFile.Reason.BINARY, "binary content (a NUL byte at " + i + ")"),
                        "", 0);
            }
        }
        var text = decode(bytes);
        var kind = FileKind.of(path);
        if ((kind == FileKind.JAVASCRIPT || kind == FileKind.TYPESCRIPT || kind == FileKind.JSON)
                && longestLine(text) > MINIFIED_LINE) {
            return new Read(skip(path, SkippedFile.Reason.MINIFIED,
                    "minified or generated (a line over " + MINIFIED_LINE + " chars)"), "", 0);
        }
        return new Read(Optional.empty(), text, bytes.length);
    }

    static String describe(IOException error) {
        if (error instanceof NoSuchFileException) {
            return "it is gone";
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    /** UTF-8 when the bytes are valid UTF-8 (a BOM dropped), ISO-8859-1 otherwise: every byte then stays one char. */
    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static int longestLine(String text) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                longest = Math.max(longest, i - start);
                start = i + 1;
            }
        }
        return longest;
    }

    private static Optional<SkippedFile> skip(String path, SkippedFile.Reason reason, String detail) {
        return Optional.of(new SkippedFile(path, reason, detail));
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
