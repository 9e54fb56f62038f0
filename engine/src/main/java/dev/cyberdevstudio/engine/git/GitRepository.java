package dev.cyberdevstudio.engine.git;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.diff.DiffHunk;
import dev.cyberdevstudio.engine.diff.TextDiff;
import dev.cyberdevstudio.engine.files.TextFiles;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A git repository read through JGit, so that no git program is needed: the current branch, files as HEAD has them,
 * a working text compared with HEAD (for gutter markers and a diff view), and the status of the work tree.
 *
 * <pre>{@code
 * try (var repository = GitRepository.find(projectFolder).orElse(null)) {
 *     if (repository != null) {
 *         statusBar.show("⎇ " + repository.head().label());
 *         if (repository.compareWithHead(file, editorText) instanceof HeadComparison.Compared compared) {
 *             gutter.show(compared.changes());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Every method reads with its own JGit reader, so one instance serves several threads at once (the editor's
 * background work, a status poll). A folder outside any repository is no error: {@link #find} is just empty.
 */
public final class GitRepository implements AutoCloseable {

    /** Files larger than this (in HEAD or in the editor) get no comparison: markers would cost more than they help. */
    public static final long COMPARE_LIMIT = 4L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GitRepository.class);
    private static final int SHORT_ID = 7;

    private final Repository repository;
    private final Path workTree;

    private GitRepository(Repository repository) {
        this.repository = repository;
        this.workTree = realPath(repository.getWorkTree().toPath());
    }

    /**
     * The repository whose work tree holds {@code fileOrFolder} (the folder itself or any folder above it); empty
     * when there is none, when it is bare, or when it cannot be read (logged).
     */
    public static Optional<GitRepository> find(Path fileOrFolder) {
        return gitDirOf(fileOrFolder).flatMap(GitRepository::open);
    }

    /** The git folder of the repository enclosing {@code fileOrFolder}, without opening it. */
    static Optional<Path> gitDirOf(Path fileOrFolder) {
        var start = fileOrFolder.toAbsolutePath().normalize();
        var folder = Files.isDirectory(start) ? start : start.getParent();
        if (folder == null) {
            return Optional.empty();
        }
        var builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
        return Optional.ofNullable(builder.getGitDir()).map(File::toPath);
    }

    static Optional<GitRepository> open(Path gitDir) {
        try {
            var repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
            if (repository.isBare()) {
                repository.close();
                return Optional.empty();
            }
            return Optional.of(new GitRepository(repository));
        } catch (IOException | IllegalArgumentException error) {
            LOG.warn("Could not open the git repository at {}", gitDir, error);
            return Optional.empty();
        }
    }

    /** The folder the repository's files live in. */
    public Path workTree() {
        return workTree;
    }

    /** The branch HEAD is on (even one with no commit yet), or the commit it is detached at. */
    public GitHead head() {
        try {
            var full = repository.getFullBranch();
            if (full == null) {
                return new GitHead.Detached(Constants.HEAD);
            }
            if (full.startsWith(Constants.R_HEADS)) {
                return new GitHead.Branch(full.substring(Constants.R_HEADS.length()));
            }
            if (ObjectId.isId(full)) {
                return new GitHead.Detached(full.substring(0, SHORT_ID));
            }
            return new GitHead.Branch(Repository.shortenRefName(full));
        } catch (IOException error) {
            throw new EngineException("Cannot read HEAD of the git repository at " + workTree + ": "
                    + error.getMessage(), error);
        }
    }

    /** The id of the commit HEAD points to; empty before the first commit. */
    public Optional<String> headCommitId() {
        try {
            return Optional.ofNullable(repository.resolve(Constants.HEAD)).map(ObjectId::name);
        } catch (IOException error) {
            throw new EngineException("Cannot read HEAD of the git repository at " + workTree + ": "
                    + error.getMessage(), error);
        }
    }

    /** {@code file} (in the work tree) as the last commit has it. */
    public HeadVersion headVersion(Path file) {
        var relative = relativePath(file);
        if (relative.isEmpty()) {
            return new HeadVersion.Missing(file + " is outside the repository at " + workTree);
        }
        try (var reader = repository.newObjectReader(); var walk = new RevWalk(reader)) {
            var head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return new HeadVersion.Missing("the repository has no commit yet");
            }
            var tree = walk.parseCommit(head).getTree();
            try (var entry = TreeWalk.forPath(reader, relative.get(), tree)) {
                if (entry == null || !isFile(entry.getFileMode(0))) {
                    return new HeadVersion.Missing(relative.get() + " is not in the last commit");
                }
                var id = entry.getObjectId(0);
                long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
                if (size > COMPARE_LIMIT) {
                    return new HeadVersion.TooLarge(size, COMPARE_LIMIT);
                }
                var bytes = reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Math.toIntExact(COMPARE_LIMIT));
                if (RawText.isBinary(bytes)) {
                    return new HeadVersion.Binary(size);
                }
                return new HeadVersion.Text(decode(bytes));
            }
        } catch (IOException error) {
            throw new EngineException("Cannot read " + relative.get() + " from HEAD of " + workTree + ": "
                    + error.getMessage(), error);
        }
    }

    /**
     * Compares {@code text} (the file's text in an editor) with {@code file} in HEAD. A file that is only in the index
     * (added, not committed) compares with nothing; an untracked, binary or large file has no comparison.
     */
    public HeadComparison compareWithHead(Path file, String text) {
        if (text.length() > COMPARE_LIMIT) {
            return new HeadComparison.Unavailable(name(file) + " is too large to compare with HEAD ("
                    + TextFiles.formatSize(text.length()) + "; the limit is " + TextFiles.formatSize(COMPARE_LIMIT)
                    + ").");
        }
        return switch (headVersion(file)) {
            case HeadVersion.Text head -> HeadComparison.Compared.of(TextDiff.compare(head.text(), text));
            case HeadVersion.Missing missing when inIndex(file) ->
                    HeadComparison.Compared.of(TextDiff.compare("", text));
            case HeadVersion.Missing missing -> new HeadComparison.Unavailable(name(file)
                    + " is not tracked by git" + (relativePath(file).isEmpty() ? " here" : "") + ".");
            case HeadVersion.Binary binary -> new HeadComparison.Unavailable(name(file)
                    + " is a binary file in HEAD (" + TextFiles.formatSize(binary.size()) + ").");
            case HeadVersion.TooLarge large -> new HeadComparison.Unavailable(name(file)
                    + " is too large to compare with HEAD (" + TextFiles.formatSize(large.size())
                    + "; the limit is " + TextFiles.formatSize(large.limit()) + ").");
        };
    }

    /** {@code text} with {@code hunk} (from {@link #compareWithHead} of that text) put back as HEAD has it. */
    public static String revertHunk(String text, DiffHunk hunk) {
        return TextDiff.revert(text, hunk);
    }

    /** Files that differ from HEAD, by absolute path; ignored files are left out. Can be slow in large trees. */
    public Map<Path, FileStatus> status() {
        try (var git = Git.wrap(repository)) {
            var status = git.status().call();
            var result = new TreeMap<Path, FileStatus>();
            put(result, status.getUntracked(), FileStatus.UNTRACKED);
            put(result, status.getAdded(), FileStatus.ADDED);
            put(result, status.getChanged(), FileStatus.MODIFIED);
            put(result, status.getModified(), FileStatus.MODIFIED);
            put(result, status.getRemoved(), FileStatus.DELETED);
            put(result, status.getMissing(), FileStatus.DELETED);
            put(result, status.getConflicting(), FileStatus.CONFLICTING);
            return result;
        } catch (GitAPIException error) {
            throw new EngineException("Cannot read the status of the git repository at " + workTree + ": "
                    + error.getMessage(), error);
        }
    }

    @Override
    public void close() {
        repository.close();
    }

    private void put(Map<Path, FileStatus> result, Collection<String> paths, FileStatus status) {
        paths.forEach(path -> result.put(workTree.resolve(path), status));
    }

    private boolean inIndex(Path file) {
        var relative = relativePath(file);
        if (relative.isEmpty()) {
            return false;
        }
        try {
            return repository.readDirCache().getEntry(relative.get()) != null;
        } catch (IOException error) {
            LOG.warn("Could not read the index of {}", workTree, error);
            return false;
        }
    }

    /** The path of {@code file} inside the work tree, with forward slashes; empty when it is outside. */
    Optional<String> relativePath(Path file) {
        var real = realPath(file.toAbsolutePath().normalize());
        if (!real.startsWith(workTree) || real.equals(workTree)) {
            return Optional.empty();
        }
        var relative = workTree.relativize(real);
        if (relative.startsWith(Constants.DOT_GIT)) {
            return Optional.empty();
        }
        var parts = new StringBuilder();
        for (var part : relative) {
            if (!parts.isEmpty()) {
                parts.append('/');
            }
            parts.append(part);
        }
        return Optional.of(parts.toString());
    }

    // Temporary folders are often behind a symbolic link (/tmp on macOS): compare real paths. A file that does not
    // exist (deleted, not yet saved) is resolved through its nearest existing folder.
    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException missing) {
            var parent = path.getParent();
            return parent == null || path.getFileName() == null ? path : realPath(parent).resolve(path.getFileName());
        }
    }

    private static boolean isFile(FileMode mode) {
        return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
