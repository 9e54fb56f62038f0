package dev.cyberdevstudio.app.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.engine.git.GitRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStatusViewModelTest {

    @TempDir
    Path folder;

    private final GitRepositories repositories = new GitRepositories();
    private final GitStatusViewModel status = new GitStatusViewModel(new CurrentThreadTaskExecutor(), repositories);
    private Git git;

    @BeforeEach
    void initRepository() throws Exception {
        git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call();
    }

    @AfterEach
    void close() {
        status.close();
        repositories.close();
        git.close();
    }

    @Test
    void showsTheBranchOfTheProject() throws Exception {
        status.setProject(folder);

        assertThat(status.branchTextProperty().get()).isEqualTo("\u2387 main");
        assertThat(status.headCommitProperty().get()).isEmpty();
    }

    @Test
    void followsACommitAndACheckoutOnRefresh() throws Exception {
        status.setProject(folder);
        Files.writeString(folder.resolve("a.txt"), "a\n");
        git.add().addFilepattern("a.txt").call();
        var first = git.commit().setMessage("a").setSign(false).call().getName();
        git.checkout().setCreateBranch(true).setName("topic").call();

        status.refresh();

        assertThat(status.branchTextProperty().get()).isEqualTo("\u2387 topic");
        assertThat(status.headCommitProperty().get()).isEqualTo(first);

        git.checkout().setName(first).call();
        status.refresh();
        assertThat(status.branchTextProperty().get()).isEqualTo("\u2387 " + first.substring(0, 7));
    }

    @Test
    void isEmptyOutsideARepositoryAndWithoutAProject(@TempDir Path plain) {
        status.setProject(plain);
        assertThat(status.branchTextProperty().get()).isEmpty();

        status.setProject(folder);
        status.setProject(null);
        assertThat(status.branchTextProperty().get()).isEmpty();
        assertThat(status.headCommitProperty().get()).isEmpty();
    }
}
