package dev.cyberdevstudio.app.git;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.engine.git.GitRepositories;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The git gutter as an editor feature: hand it to {@code EditorTabsPane.addEditorFeature} and every open and future
 * editor gets a {@link GitGutter}.
 *
 * <pre>{@code
 * var gutters = new GitGutters(executor, repositories);
 * editorPane.addEditorFeature(gutters);
 * gitStatus.headCommitProperty().addListener((o, was, is) -> gutters.refreshAll());
 * }</pre>
 */
public final class GitGutters implements BiFunction<DocumentViewModel, CodeEditor, AutoCloseable> {

    private final TaskExecutor executor;
    private final GitRepositories repositories;
    private final Set<GitGutter> open = new LinkedHashSet<>();

    public GitGutters(TaskExecutor executor, GitRepositories repositories) {
        this.executor = executor;
        this.repositories = repositories;
    }

    @Override
    public AutoCloseable apply(DocumentViewModel document, CodeEditor editor) {
        var holder = new GitGutter[1];
        holder[0] = new GitGutter(document, editor, executor, repositories, () -> open.remove(holder[0]));
        open.add(holder[0]);
        return holder[0];
    }

    /** Compares every open editor with HEAD again: after a commit, a checkout or files changed on disk. */
    public void refreshAll() {
        List.copyOf(open).forEach(GitGutter::refresh);
    }
}
