package dev.cyberdevstudio.engine.git;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The git repositories the studio has looked at, each opened once and shared by every editor, view and poll that
 * asks about a file in it; closed together at the end. Safe to call from any thread.
 *
 * <pre>{@code
 * var repositories = new GitRepositories();
 * repositories.forPath(file).ifPresent(repository -> ...);
 * }</pre>
 */
public final class GitRepositories implements AutoCloseable {

    private final Map<Path, Optional<GitRepository>> open = new ConcurrentHashMap<>();

    /** The repository whose work tree holds {@code fileOrFolder}; empty outside any repository. */
    public Optional<GitRepository> forPath(Path fileOrFolder) {
        return GitRepository.gitDirOf(fileOrFolder)
                .flatMap(gitDir -> open.computeIfAbsent(gitDir.toAbsolutePath().normalize(), GitRepository::open));
    }

    @Override
    public void close() {
        open.values().forEach(repository -> repository.ifPresent(GitRepository::close));
        open.clear();
    }
}
