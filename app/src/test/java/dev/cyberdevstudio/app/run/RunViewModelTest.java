package dev.cyberdevstudio.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.run.RunViewModel.RunState;
import dev.cyberdevstudio.engine.runs.InMemoryRunHistory;
import dev.cyberdevstudio.engine.runs.RunLimits;
import dev.cyberdevstudio.engine.runs.RunRequest;
import dev.cyberdevstudio.engine.runs.RunService;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The execution view's view model with a hand-driven launcher and everything on the test's thread. */
class RunViewModelTest {

    @TempDir
    Path project;

    private final ScriptedLauncher launcher = new ScriptedLauncher();
    private final InMemoryRunHistory history = new InMemoryRunHistory();
    private final List<OutputBatch> batches = new ArrayList<>();
    private RunViewModel viewModel;

    @BeforeEach
    void createViewModel() {
        viewModel = new RunViewModel(new RunService(launcher, history), new CurrentThreadTaskExecutor(), project);
        viewModel.setOutputSink(batches::add);
        viewModel.refresh();
    }

    @Test
    void runsTheCommandLineAndStreamsItsOutputStyledByChannel() {
        viewModel.commandLineProperty().set("make test");
        viewModel.run();

        var run = launcher.last();
        assertThat(run.request).isEqualTo(RunRequest.ProcessRun.ofCommandLine("make test", project));
        assertThat(viewModel.runningProperty().get()).isTrue();
        assertThat(viewModel.stateProperty().get()).isEqualTo(RunState.RUNNING);
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("running…");
        assertThat(viewModel.titleProperty().get()).isEqualTo("make test");
        assertThat(batches.getLast().clear()).isTrue();

        run.out("\u001B[32mok\u001B[0m\n");
        run.err("warning\n");

        assertThat(shownText()).isEqualTo("ok\nwarning\n");
        var pieces = batches.stream().flatMap(batch -> batch.pieces().stream()).toList();
        assertThat(pieces).containsExactly(
                new StyledText("ok", TextStyle.plain(OutputChannel.STDOUT).withForeground(new AnsiColor.Indexed(2))),
                new StyledText("\n", TextStyle.plain(OutputChannel.STDOUT)),
                new StyledText("warning\n", TextStyle.plain(OutputChannel.STDERR)));
    }

    @Test
    void showsTheOutcomeDurationAndPeakMemoryWhenTheRunEnds() {
        viewModel.commandLineProperty().set("true");
        viewModel.run();

        launcher.last().exit(0, 1234, OptionalLong.of(12L * 1024 * 1024));

        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(viewModel.stateProperty().get()).isEqualTo(RunState.SUCCEEDED);
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("exited with code 0");
        assertThat(viewModel.detailsProperty().get()).isEqualTo("1.23 s · peak memory 12 MiB");
        assertThat(viewModel.history()).singleElement().extracting(run -> run.description()).isEqualTo("true");
    }

    @Test
    void aNonZeroExitIsAFailureAndAStopIsAStop() {
        viewModel.commandLineProperty().set("false");
        viewModel.run();
        launcher.last().exit(1, 3, OptionalLong.empty());
        assertThat(viewModel.stateProperty().get()).isEqualTo(RunState.FAILED);
        assertThat(viewModel.detailsProperty().get()).isEqualTo("3 ms");

        viewModel.run();
        launcher.last().end(new RunOutcome.LimitExceeded("more than 256 processes"));
        assertThat(viewModel.stateProperty().get()).isEqualTo(RunState.STOPPED);
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("stopped: more than 256 processes");
        assertThat(viewModel.detailsProperty().get()).isEqualTo("5 ms · output cut at its limit");
    }

    @Test
    void killStopsTheRunningRun() {
        viewModel.commandLineProperty().set("sleep 30");
        viewModel.run();

        viewModel.kill();

        assertThat(viewModel.stateProperty().get()).isEqualTo(RunState.STOPPED);
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("killed: stopped by the user");
        assertThat(viewModel.runningProperty().get()).isFalse();
        viewModel.kill();
    }

    @Test
    void aNewRunStopsTheOneThatIsGoing() {
        viewModel.commandLineProperty().set("serve");
        viewModel.run();
        var first = launcher.last();

        viewModel.commandLineProperty().set("test");
        viewModel.run();

        assertThat(first.result().join().outcome()).isInstanceOf(RunOutcome.Killed.class);
        assertThat(viewModel.runningProperty().get()).isTrue();
        assertThat(viewModel.titleProperty().get()).isEqualTo("test");
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("running…");
    }

    @Test
    void badInputIsASentenceAndStartsNothing() {
        viewModel.commandLineProperty().set("  ");
        viewModel.run();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Type a command to run.");

        viewModel.commandLineProperty().set("echo 'unclosed");
        viewModel.run();
        assertThat(viewModel.messageProperty().get()).isEqualTo("The command line has an unclosed single quote.");

        viewModel.engineProperty().set(RunRequest.Kind.SSH);
        viewModel.commandLineProperty().set("uname");
        viewModel.run();
        assertThat(viewModel.messageProperty().get()).contains("No SSH target is configured");

        assertThat(launcher.runs).isEmpty();
        assertThat(viewModel.canRerunProperty().get()).isFalse();
    }

    @Test
    void runsOnTheChosenSshTargetAndShowsItIsRemote() {
        launcher.targets = List.of("build-box", "pi");
        viewModel.refresh();
        viewModel.engineProperty().set(RunRequest.Kind.SSH);

        assertThat(viewModel.sshTargets()).containsExactly("build-box", "pi");
        assertThat(viewModel.sshTargetProperty().get()).isEqualTo("build-box");
        assertThat(viewModel.isolationBadgeProperty().get()).isEqualTo("remote: the target's account");

        viewModel.commandLineProperty().set("  ");
        viewModel.run();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Type a command to run.");

        viewModel.sshTargetProperty().set("pi");
        viewModel.commandLineProperty().set(" uname -a ");
        viewModel.run();
        assertThat(launcher.last().request).isEqualTo(new RunRequest.SshRun("pi", "uname -a"));

        viewModel.sshTargetProperty().set(null);
        viewModel.run();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Choose the SSH target to run on.");
    }

    @Test
    void runsAWasmModuleFromTheProject() {
        viewModel.engineProperty().set(RunRequest.Kind.WASM);
        assertThat(viewModel.isolationBadgeProperty().get())
                .isEqualTo("isolated: WASM: memory capped, project preopened");

        viewModel.commandLineProperty().set("lib.wasm#add 2 3");
        viewModel.run();

        assertThat(launcher.last().request).isEqualTo(new RunRequest.WasmRun(project.resolve("lib.wasm"),
                Optional.of("add"), List.of("2", "3"), Optional.of(project),
                RunLimits.defaults()));
    }

    @Test
    void runsTheCurrentFileOrSaysWhyItCannot() throws Exception {
        viewModel.runCurrentFile();
        assertThat(viewModel.messageProperty().get()).contains("Open a file in the editor first");

        viewModel.currentFileProperty().set(project.resolve("notes.txt"));
        viewModel.runCurrentFile();
        assertThat(viewModel.messageProperty().get()).contains("Cannot run notes.txt");

        var script = Files.writeString(project.resolve("tool.py"), "print(1)\n");
        viewModel.currentFileProperty().set(script);
        viewModel.runCurrentFile();

        assertThat(launcher.last().request).isInstanceOf(RunRequest.ProcessRun.class)
                .extracting(request -> ((RunRequest.ProcessRun) request).command())
                .isEqualTo(List.of("python3", script.toString()));
        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    @Test
    void aRunThatCannotStartShowsWhyInTheOutputAndTheStatus() {
        launcher.refusal = Optional.of("Cannot run nope: no such program");
        viewModel.commandLineProperty().set("nope");

        viewModel.run();

        assertThat(viewModel.stateProperty().get()).isEqualTo(RunState.FAILED);
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("Cannot run nope: no such program");
        assertThat(shownText()).isEqualTo("Cannot run nope: no such program\n");
        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(viewModel.history()).hasSize(1);
    }

    @Test
    void rerunRunsTheShownRunAgain() {
        viewModel.commandLineProperty().set("make");
        viewModel.run();
        launcher.last().exit(0, 1, OptionalLong.empty());
        assertThat(viewModel.canRerunProperty().get()).isTrue();
        viewModel.commandLineProperty().set("something else");

        viewModel.rerun();

        assertThat(launcher.runs).hasSize(2);
        assertThat(launcher.last().request).isEqualTo(launcher.runs.getFirst().request);
        assertThat(viewModel.runningProperty().get()).isTrue();
    }

    @Test
    void showingAPastRunShowsItsExcerptAndDetailsAndCanRunItAgain() {
        viewModel.commandLineProperty().set("first");
        viewModel.run();
        launcher.last().out("\u001B[1mfirst output\u001B[0m\n");
        launcher.last().exit(2, 1500, OptionalLong.empty());
        viewModel.commandLineProperty().set("second");
        viewModel.run();
        launcher.last().exit(0, 1, OptionalLong.empty());
        var first = viewModel.history().getLast();

        viewModel.show(first);

        assertThat(shownText()).isEqualTo("first output\n");
        assertThat(batches.stream().flatMap(batch -> batch.pieces().stream()).filter(piece -> piece.style().bold()))
                .isNotEmpty();
        assertThat(viewModel.titleProperty().get()).isEqualTo("first");
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("exited with code 2");
        assertThat(viewModel.detailsProperty().get()).isEqualTo("1.50 s");
        assertThat(viewModel.isolationProperty().get().level()).isEqualTo(Isolation.Level.ISOLATED);

        viewModel.rerun();
        assertThat(launcher.last().request.describe()).isEqualTo("first");
    }

    @Test
    void aRunEndingWhileAnotherIsOnShowLeavesTheShownStatusAlone() {
        viewModel.commandLineProperty().set("old");
        viewModel.run();
        launcher.last().exit(0, 1, OptionalLong.empty());
        viewModel.commandLineProperty().set("long");
        viewModel.run();
        var running = launcher.last();

        viewModel.show(viewModel.history().getFirst());
        running.out("late output of the running run\n");
        running.exit(1, 1, OptionalLong.empty());

        assertThat(viewModel.titleProperty().get()).isEqualTo("old");
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("exited with code 0");
        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(shownText()).doesNotContain("late output");
        assertThat(viewModel.history()).hasSize(2);
    }

    @Test
    void savesTheOutputOnShowOrSaysWhyNot() throws Exception {
        viewModel.saveOutput(project.resolve("none.txt"));
        assertThat(viewModel.messageProperty().get()).isEqualTo("Run something first: there is no output to save.");

        viewModel.commandLineProperty().set("build");
        viewModel.run();
        launcher.last().out("\u001B[31mred\u001B[0m line\n");
        launcher.last().exit(0, 1, OptionalLong.empty());
        var file = project.resolve("build.log");

        viewModel.saveOutput(file);

        assertThat(Files.readString(file)).isEqualTo("red line\n");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Saved the output to " + file + ".");
        viewModel.saveOutput(project.resolve("missing/build.log"));
        assertThat(viewModel.messageProperty().get()).startsWith("Cannot save the output to ");
    }

    @Test
    void startingTheRunClearsTheLastMessage() {
        viewModel.commandLineProperty().set("");
        viewModel.run();
        assertThat(viewModel.messageProperty().get()).isNotEmpty();

        viewModel.start(new RunRequest.ProcessRun(List.of("ls"), project, project, Map.of(), false,
                RunLimits.defaults()));

        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    private String shownText() {
        var text = new StringBuilder();
        for (var batch : batches) {
            if (batch.clear()) {
                text.setLength(0);
            }
            text.append(batch.pieces().stream().map(StyledText::text).collect(Collectors.joining()));
        }
        return text.toString();
    }
}
