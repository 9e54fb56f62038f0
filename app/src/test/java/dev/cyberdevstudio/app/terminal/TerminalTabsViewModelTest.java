package dev.cyberdevstudio.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techsenger.jeditermfx.core.TtyConnector;
import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class TerminalTabsViewModelTest {

    private static final Path HOME = Path.of("/home/ada");
    private static final Path PROJECT = Path.of("/work/rocket");

    private final FakeLauncher launcher = new FakeLauncher();
    private final TerminalTabsViewModel viewModel =
            new TerminalTabsViewModel(new CurrentThreadTaskExecutor(), launcher, HOME);

    @Test
    void opensATerminalInTheFolderAndSelectsIt() {
        var opening = viewModel.openTerminal(PROJECT).join();

        assertThat(opening).isInstanceOf(TerminalOpening.Opened.class);
        var tab = ((TerminalOpening.Opened) opening).tab();
        assertThat(launcher.startedIn).containsExactly(PROJECT);
        assertThat(viewModel.tabs()).containsExactly(tab);
        assertThat(viewModel.selectedTabProperty().get()).isSameAs(tab);
        assertThat(tab.folder()).isEqualTo(PROJECT);
        assertThat(tab.state()).isEqualTo(new TerminalState.Running());
        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    @Test
    void titlesEachTabWithTheShellAndTheFolder() {
        var project = opened(PROJECT);
        var root = opened(Path.of("/"));

        assertThat(project.title()).isEqualTo("bash — rocket");
        assertThat(project.titleProperty().get()).isEqualTo("bash — rocket");
        assertThat(root.title()).isEqualTo("bash — /");
    }

    @Test
    void saysWhyATerminalCouldNotOpenAndOpensNoTab() {
        launcher.failWith(new IOException("Cannot open a terminal in /gone: it is not a folder."));

        var opening = viewModel.openTerminal(Path.of("/gone")).join();

        assertThat(opening).isEqualTo(new TerminalOpening.Failed(Path.of("/gone"),
                "Cannot open a terminal in /gone: it is not a folder."));
        assertThat(viewModel.tabs()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Cannot open a terminal in /gone: it is not a folder.");
    }

    @Test
    void namesTheFolderWhenTheFailureHasNoMessage() {
        launcher.failWith(new IllegalStateException());

        var opening = (TerminalOpening.Failed) viewModel.openTerminal(PROJECT).join();

        assertThat(opening.message()).contains(PROJECT.toString()).contains("IllegalStateException");
    }

    @Test
    void clearsTheMessageOnceATerminalOpens() {
        launcher.failWith(new IOException("no shell"));
        viewModel.openTerminal(PROJECT).join();

        launcher.failWith(null);
        opened(PROJECT);

        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    @Test
    void plusOpensAnotherTerminalInTheSelectedTerminalsFolder() {
        var first = opened(PROJECT);
        opened(Path.of("/tmp"));
        viewModel.selectedTabProperty().set(first);

        var opening = viewModel.openAnother().join();

        var another = ((TerminalOpening.Opened) opening).tab();
        assertThat(another.folder()).isEqualTo(PROJECT);
        assertThat(viewModel.tabs()).hasSize(3).endsWith(another);
        assertThat(viewModel.selectedTabProperty().get()).isSameAs(another);
    }

    @Test
    void plusOpensInTheDefaultFolderWhenNoTerminalIsSelected() {
        viewModel.openAnother().join();
        viewModel.selectedTabProperty().set(null);
        viewModel.defaultFolderProperty().set(PROJECT);
        viewModel.openAnother().join();

        assertThat(launcher.startedIn).containsExactly(HOME, PROJECT);
    }

    @Test
    void closingATabEndsItsShellAndSelectsItsNeighbour() {
        var first = opened(PROJECT);
        var second = opened(PROJECT);
        var third = opened(PROJECT);
        viewModel.selectedTabProperty().set(second);

        viewModel.close(second).join();

        assertThat(viewModel.tabs()).containsExactly(first, third);
        assertThat(session(second).terminated).isEqualTo(1);
        assertThat(second.state()).isEqualTo(new TerminalState.Closed());
        assertThat(viewModel.selectedTabProperty().get()).isSameAs(third);

        viewModel.close(third).join();
        assertThat(viewModel.selectedTabProperty().get()).isSameAs(first);
        viewModel.close(first).join();
        assertThat(viewModel.selectedTabProperty().get()).isNull();
    }

    @Test
    void closingAnUnselectedTabKeepsTheSelection() {
        var first = opened(PROJECT);
        var second = opened(PROJECT);

        viewModel.close(first).join();

        assertThat(viewModel.selectedTabProperty().get()).isSameAs(second);
    }

    @Test
    void closingATabTwiceEndsItsShellOnce() {
        var tab = opened(PROJECT);

        viewModel.close(tab).join();
        viewModel.close(tab).join();

        assertThat(session(tab).terminated).isEqualTo(1);
    }

    @Test
    void aShellThatCannotBeEndedStillLeavesTheTabClosed() {
        var tab = opened(PROJECT);
        session(tab).failToTerminate = true;

        var closing = viewModel.close(tab);

        assertThat(closing).isCompleted().isNotCompletedExceptionally();
        assertThat(viewModel.tabs()).isEmpty();
    }

    @Test
    void closingWhileTheStudioShutsDownItsExecutorStillClosesTheTab() {
        var executor = new ShuttingDownExecutor();
        var viewModel = new TerminalTabsViewModel(executor, launcher, HOME);
        var tab = ((TerminalOpening.Opened) viewModel.openTerminal(PROJECT).join()).tab();
        executor.shutDown = true;

        var closing = viewModel.close(tab);

        assertThat(closing).isCompleted().isNotCompletedExceptionally();
        assertThat(viewModel.isEmpty()).isTrue();
        assertThat(tab.state()).isEqualTo(new TerminalState.Closed());
    }

    @Test
    void isEmptyUntilATerminalOpens() {
        assertThat(viewModel.isEmpty()).isTrue();

        opened(PROJECT);

        assertThat(viewModel.isEmpty()).isFalse();
    }

    @Test
    void closeAllEndsEveryShell() {
        var first = opened(PROJECT);
        var second = opened(HOME);

        viewModel.closeAll().join();

        assertThat(viewModel.tabs()).isEmpty();
        assertThat(session(first).terminated).isEqualTo(1);
        assertThat(session(second).terminated).isEqualTo(1);
    }

    @Test
    void aShellThatExitsLeavesItsTabOpenWithTheExitCode() {
        var tab = opened(PROJECT);

        session(tab).exitCode.complete(3);

        assertThat(viewModel.tabs()).containsExactly(tab);
        assertThat(tab.state()).isEqualTo(new TerminalState.Exited(3));
        assertThat(tab.title()).isEqualTo("bash — rocket (exited 3)");
    }

    @Test
    void aShellWhoseExitCannotBeReadCountsAsExited() {
        var tab = opened(PROJECT);

        session(tab).exitCode.completeExceptionally(new IllegalStateException("reaper gone"));

        assertThat(tab.state()).isEqualTo(new TerminalState.Exited(-1));
    }

    @Test
    void aClosedTabStaysClosedWhenItsShellEnds() {
        var tab = opened(PROJECT);
        viewModel.close(tab).join();

        session(tab).exitCode.complete(129);

        assertThat(tab.state()).isEqualTo(new TerminalState.Closed());
        assertThat(tab.title()).isEqualTo("bash — rocket");
    }

    @Test
    void theTabListIsChangedOnlyThroughTheViewModel() {
        opened(PROJECT);

        assertThatThrownBy(() -> viewModel.tabs().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void startsWithTheDefaultPaletteAndTakesAnother() {
        assertThat(viewModel.paletteProperty().get()).isEqualTo(TerminalPalette.defaults());
        var properties = new Properties();
        properties.setProperty("background", "#000000");
        var black = TerminalPalette.fromProperties(properties);

        viewModel.paletteProperty().set(black);

        assertThat(viewModel.paletteProperty().get()).isSameAs(black);
    }

    private TerminalTab opened(Path folder) {
        return ((TerminalOpening.Opened) viewModel.openTerminal(folder).join()).tab();
    }

    private FakeSession session(TerminalTab tab) {
        return launcher.sessions.get(tab.session());
    }

    /** Runs inline like CurrentThreadTaskExecutor until shut down, then refuses work as a closed executor does. */
    private static final class ShuttingDownExecutor implements TaskExecutor {

        private final CurrentThreadTaskExecutor inline = new CurrentThreadTaskExecutor();
        boolean shutDown;

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> work) {
            if (shutDown) {
                throw new RejectedExecutionException("executor shut down");
            }
            return inline.submit(work);
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }
    }

    private static final class FakeLauncher implements ShellLauncher {

        final List<Path> startedIn = new ArrayList<>();
        final Map<ShellSession, FakeSession> sessions = new HashMap<>();
        private Exception failure;

        void failWith(Exception failure) {
            this.failure = failure;
        }

        @Override
        public ShellSession start(Path folder) throws IOException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            startedIn.add(folder);
            var session = new FakeSession(folder, 1000 + startedIn.size());
            sessions.put(session, session);
            return session;
        }
    }

    private static final class FakeSession implements ShellSession {

        final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        final Path folder;
        final long pid;
        int terminated;
        boolean failToTerminate;

        FakeSession(Path folder, long pid) {
            this.folder = folder;
            this.pid = pid;
        }

        /** The view model never touches the connector; the pane does. */
        @Override
        public TtyConnector connector() {
            throw new UnsupportedOperationException("no terminal in view-model tests");
        }

        @Override
        public String shellName() {
            return "bash";
        }

        @Override
        public Path folder() {
            return folder;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public CompletableFuture<Integer> exitCode() {
            return exitCode;
        }

        @Override
        public void terminate() {
            terminated++;
            if (failToTerminate) {
                throw new IllegalStateException("kill refused");
            }
        }
    }
}
