package dev.cyberdevstudio.engine.store;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;

/** Turns what went wrong while opening the database into one sentence for the user. */
final class StoreFailures {

    private static final int LONGEST_DETAIL = 200;

    /** H2 ends its messages with the error code and its build, as in {@code [90020-252]}. */
    private static final Pattern H2_SUFFIX = Pattern.compile("\\s*\\[\\d+-\\d+]\\s*$");

    private StoreFailures() {
    }

    static String inUse(Path file) {
        return "Another CyberDevStudio is using " + file + "; close it and restart to get recent projects and settings"
                + " back.";
    }

    static String damaged(Path file) {
        return "The database " + file + " is damaged; move it aside and restart to begin with a fresh one.";
    }

    static String readOnly(Path file) {
        return "The database " + file + " is read-only; give your user permission to write it.";
    }

    static String unusablePath(Path file) {
        return "The database " + file + " cannot be used: its path contains ';', which H2 cannot open.";
    }

    static String unsupported(Path file, String productName) {
        return "The database " + file + " is " + productName + ", which CyberDevStudio cannot use.";
    }

    static String migrationFailed(Path file, FlywayException e) {
        return "The database " + file + " could not be brought up to date: " + sentence(brief(e));
    }

    static String describe(Path file, SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> inUse(file);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 -> damaged(file);
            case ErrorCode.DATABASE_IS_READ_ONLY -> readOnly(file);
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_CREATION_FAILED_1 ->
                    hasCause(e, EOFException.class) ? damaged(file)
                            : "Cannot read or write the database " + file + ": " + sentence(fileProblem(rootCause(e)));
            default -> "The database " + file + " could not be opened: " + sentence(brief(e));
        };
    }

    /** The first line of a message without H2's code suffix, cut to a readable length. */
    static String brief(Throwable e) {
        var message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()).strip();
        var firstLine = H2_SUFFIX.matcher(message.lines().findFirst().orElse("")).replaceFirst("");
        return firstLine.length() <= LONGEST_DETAIL ? firstLine : firstLine.substring(0, LONGEST_DETAIL) + "…";
    }

    private static String sentence(String detail) {
        return detail.endsWith(".") ? detail : detail + ".";
    }

    private static String fileProblem(Throwable cause) {
        return switch (cause) {
            case AccessDeniedException denied -> "permission denied on " + denied.getFile();
            case NotDirectoryException notFolder -> notFolder.getFile() + " is not a folder";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> brief(cause);
        };
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
