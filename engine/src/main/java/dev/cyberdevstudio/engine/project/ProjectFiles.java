package dev.cyberdevstudio.engine.project;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The file operations of the project tree: list, create, rename and delete, each answering with a value that says
 * what happened instead of throwing.
 *
 * <pre>{@code
 * switch (ProjectFiles.createFile(folder, "Main.java")) {
 *     case FileOperationResult.Done done -> open(done.path());
 *     case FileOperationResult.Failed failed -> showError(failed.message());
 * }
 * }</pre>
 *
 * Names are single path elements: a name with a slash or backslash, an empty name, {@code .} and {@code ..} are
 * refused, so that an operation never reaches outside the folder it was asked about.
 */
public final class ProjectFiles {

    /** Names the tree never shows: version control internals. */
    public static final Set<String> HIDDEN_NAMES = Set.of(".git");

    private ProjectFiles() {
    }

    /** Why {@code name} cannot name a file or folder, or empty when it can. */
    public static Optional<String> checkName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("the name is empty");
        }
        if (name.indexOf('/') >= 0) {
            return Optional.of("a name cannot contain '/'");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("a name cannot contain '\\'");
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of("a name cannot contain a NUL character");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("'" + name + "' is not a name");
        }
        return Optional.empty();
    }

    /** The visible entries of {@code folder}, folders first, then by name without regard to case. */
    public static FolderListing list(Path folder) {
        var entries = new ArrayList<ProjectEntry>();
        try (var stream = Files.newDirectoryStream(folder)) {
            for (var path : stream) {
                if (!HIDDEN_NAMES.contains(path.getFileName().toString())) {
                    entries.add(new ProjectEntry(path, Files.isDirectory(path)));
                }
            }
        } catch (IOException error) {
            var problem = problemOf(error);
            var message = "Cannot list " + folder + ": " + cause(problem, error);
            return new FolderListing.Unreadable(folder, problem, message);
        }
        entries.sort(ProjectEntry.TREE_ORDER);
        return new FolderListing.Listed(folder, entries);
    }

    /** Creates an empty file {@code name} in {@code folder}; an existing file is left alone and reported. */
    public static FileOperationResult createFile(Path folder, String name) {
        return create(folder, name, false);
    }

    /** Creates the folder {@code name} in {@code folder}; an existing one is left alone and reported. */
    public static FileOperationResult createFolder(Path folder, String name) {
        return create(folder, name, true);
    }

    /**
     * Renames {@code path} to {@code newName} in the same folder. An existing target is never replaced; renaming to
     * the current name does nothing and succeeds.
     */
    public static FileOperationResult rename(Path path, String newName) {
        var folder = path.toAbsolutePath().getParent();
        var invalid = folder == null ? Optional.of("it has no name") : invalidName(folder, newName);
        if (invalid.isPresent()) {
            return new FileOperationResult.Failed(path, FileProblem.INVALID_NAME,
                    "Cannot rename " + path + " to \"" + newName + "\": " + invalid.get());
        }
        var target = path.resolveSibling(newName);
        if (target.equals(path)) {
            return new FileOperationResult.Done(path);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new FileOperationResult.Failed(path, FileProblem.NOT_FOUND,
                    "Cannot rename " + path + ": " + FileProblem.NOT_FOUND.description());
        }
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isSameFile(path, target)) {
                    return alreadyExists(path, target);
                }
                // Only the case differs on a case-insensitive file system, where a direct move is a no-op.
                var step = path.resolveSibling("." + path.getFileName() + "." + UUID.randomUUID() + ".rename");
                Files.move(path, step);
                Files.move(step, target);
                return new FileOperationResult.Done(target);
            }
            Files.move(path, target);
            return new FileOperationResult.Done(target);
        } catch (FileAlreadyExistsException error) {
            return alreadyExists(path, target);
        } catch (IOException error) {
            return failure("rename", path, error);
        }
    }

    /**
     * Deletes {@code path}, and everything in it when it is a folder. Links are removed, never followed, so a link
     * to a folder outside the project leaves that folder untouched. Stops at the first entry it cannot remove.
     */
    public static FileOperationResult delete(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new FileOperationResult.Failed(path, FileProblem.NOT_FOUND,
                    "Cannot delete " + path + ": " + FileProblem.NOT_FOUND.description());
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException error) throws IOException {
                    if (error instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw error;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException error) throws IOException {
                    if (error != null) {
                        throw error;
                    }
                    Files.deleteIfExists(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
            return new FileOperationResult.Done(path);
        } catch (IOException error) {
            return failure("delete", path, error);
        }
    }

    private static FileOperationResult create(Path folder, String name, boolean asFolder) {
        var kind = asFolder ? "folder" : "file";
        var invalid = invalidName(folder, name);
        if (invalid.isPresent()) {
            return new FileOperationResult.Failed(folder, FileProblem.INVALID_NAME,
                    "Cannot create " + kind + " \"" + name + "\" in " + folder + ": " + invalid.get());
        }
        var target = folder.resolve(name);
        if (!Files.isDirectory(folder)) {
            var problem = Files.exists(folder) ? FileProblem.NOT_A_FOLDER : FileProblem.NOT_FOUND;
            return new FileOperationResult.Failed(folder, problem,
                    "Cannot create " + kind + " " + target + ": " + folder + " " + (problem == FileProblem.NOT_FOUND
                            ? "does not exist" : "is not a folder"));
        }
        try {
            if (asFolder) {
                Files.createDirectory(target);
            } else {
                Files.createFile(target);
            }
            return new FileOperationResult.Done(target);
        } catch (IOException error) {
            return failure("create " + kind, target, error);
        }
    }

    /** {@link #checkName} plus what the file system itself refuses in a name (Windows: {@code :*?"<>|}). */
    private static Optional<String> invalidName(Path folder, String name) {
        var invalid = checkName(name);
        if (invalid.isEmpty()) {
            try {
                folder.resolve(name);
            } catch (InvalidPathException error) {
                return Optional.of(error.getReason());
            }
        }
        return invalid;
    }

    private static FileOperationResult alreadyExists(Path path, Path target) {
        return new FileOperationResult.Failed(target, FileProblem.ALREADY_EXISTS,
                "Cannot rename " + path + " to " + target.getFileName() + ": " + target + " already exists");
    }

    private static FileOperationResult.Failed failure(String action, Path path, IOException error) {
        var subject = path;
        if (error instanceof FileSystemException system && system.getFile() != null) {
            subject = Path.of(system.getFile());
        }
        var problem = problemOf(error);
        return new FileOperationResult.Failed(subject, problem,
                "Cannot " + action + " " + subject + ": " + cause(problem, error));
    }

    private static FileProblem problemOf(IOException error) {
        return switch (error) {
            case FileAlreadyExistsException ignored -> FileProblem.ALREADY_EXISTS;
            case NoSuchFileException ignored -> FileProblem.NOT_FOUND;
            case AccessDeniedException ignored -> FileProblem.PERMISSION_DENIED;
            case NotDirectoryException ignored -> FileProblem.NOT_A_FOLDER;
            case DirectoryNotEmptyException ignored -> FileProblem.FOLDER_NOT_EMPTY;
            default -> FileProblem.OTHER;
        };
    }

    private static String cause(FileProblem problem, IOException error) {
        if (problem != FileProblem.OTHER) {
            return problem.description();
        }
        var reason = error instanceof FileSystemException system ? system.getReason() : error.getMessage();
        if (reason == null || reason.isBlank()) {
            return problem.description();
        }
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
