package dev.cyberdevstudio.app.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.engine.git.GitRepositories;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.util.Duration;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's branch follows a checkout made outside the studio, through the slow timer. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GitStatusPollingTest {

    @TempDir
    Path folder;

    @Test
    void pollingPicksUpABranchSwitchMadeOutside(FxRobot robot) throws Exception {
        try (var executor = new FxTaskExecutor(); var repositories = new GitRepositories();
             var git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            git.commit().setMessage("empty").setAllowEmpty(true).setSign(false).call();
            var status = new GitStatusViewModel(executor, repositories);
            robot.interact(() -> {
                status.setProject(folder);
                status.startPolling(Duration.millis(100));
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> status.branchTextProperty().get().equals("\u2387 main"));

            git.checkout().setCreateBranch(true).setName("release").call();

            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> status.branchTextProperty().get().equals("\u2387 release"));
            robot.interact(status::close);
            assertThat(status.poll()).isEmpty();
        }
    }
}
