package dev.cyberdevstudio.app.git;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.git.GitRepositories;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's git state for the status bar: the current branch ("⎇ main", "⎇ a1b2c3d" when detached) and the
 * commit HEAD points to, so that gutters can refresh after a commit. Empty when the project is not in a repository.
 * Read in the background when the project changes, on {@link #refresh()} (files changed) and on a slow timer.
 *
 * <pre>{@code
 * var git = new GitStatusViewModel(executor, repositories);
 * statusBar.addFact("status-git-branch", git.branchTextProperty());
 * viewModel.projectProperty().addListener((o, was, project) -> git.setProject(project));
 * git.startPolling(Duration.seconds(5));
 * }</pre>
 */
public final class GitStatusViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GitStatusViewModel.class);
    static final String BRANCH_SIGN = "\u2387 ";

    private record State(String branch, String commit) {

        static final State NONE = new State("", "");
    }

    private final TaskExecutor executor;
    private final GitRepositories repositories;
    private final ReadOnlyStringWrapper branchText = new ReadOnlyStringWrapper(this, "branchText", "");
    private final ReadOnlyStringWrapper headCommit = new ReadOnlyStringWrapper(this, "headCommit", "");
    private Path project;
    private long generation;
    private Timeline poll;

    public GitStatusViewModel(TaskExecutor executor, GitRepositories repositories) {
        this.executor = executor;
        this.repositories = repositories;
    }

    /** "⎇ main"; empty when there is no project or it is not in a git repository. */
    public ReadOnlyStringProperty branchTextProperty() {
        return branchText.getReadOnlyProperty();
    }

    /** The full id of the commit HEAD points to; empty before the first commit or outside a repository. */
    public ReadOnlyStringProperty headCommitProperty() {
        return headCommit.getReadOnlyProperty();
    }

    /** Follows {@code folder} (null when the project closed). */
    public void setProject(Path folder) {
        project = folder;
        refresh();
    }

    /** Reads the branch and HEAD again in the background. */
    public void refresh() {
        var folder = project;
        long request = ++generation;
        if (folder == null) {
            show(State.NONE);
            return;
        }
        try {
            executor.submit(() -> read(folder), state -> {
                if (request == generation) {
                    show(state);
                }
            }, error -> {
                LOG.warn("Could not read the git state of {}", folder, error);
                if (request == generation) {
                    show(State.NONE);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("Not reading the git state of {}: the studio is closing", folder);
        }
    }

    /** Refreshes every {@code period} until closed, so that a commit or checkout made outside shows up. */
    public void startPolling(Duration period) {
        stopPolling();
        poll = new Timeline(new KeyFrame(period, event -> refresh()));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    @Override
    public void close() {
        stopPolling();
    }

    private void stopPolling() {
        if (poll != null) {
            poll.stop();
            poll = null;
        }
    }

    private State read(Path folder) {
        return repositories.forPath(folder)
                .map(repository -> new State(BRANCH_SIGN + repository.head().label(),
                        repository.headCommitId().orElse("")))
                .orElse(State.NONE);
    }

    private void show(State state) {
        branchText.set(state.branch());
        headCommit.set(state.commit());
    }

    Optional<Timeline> poll() {
        return Optional.ofNullable(poll);
    }
}
