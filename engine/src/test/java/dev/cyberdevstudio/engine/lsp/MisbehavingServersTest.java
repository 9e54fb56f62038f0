package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that print garbage, never answer, stop answering, crash or are not installed: the service cuts them off,
 * restarts them or gives up on them, every query still completes, and no process is left behind.
 */
class MisbehavingServersTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(400);

    @TempDir
    Path project;

    private FakeServer fake;
    private Path file;
    private LanguageService service;
    private final List<ServerStatus> statuses = new CopyOnWriteArrayList<>();
    private final List<FileDiagnostics> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void writeTheFakeServer() throws IOException {
        fake = FakeServer.in(project);
        file = Files.writeString(project.resolve("hello" + FakeServer.EXTENSION), "hello world\n");
    }

    @AfterEach
    void noProcessIsLeftBehind() throws IOException {
        if (service != null) {
            service.close();
        }
        Eventually.until(Duration.ofSeconds(10), () -> alive().isEmpty(),
                () -> "every fake server process gone: " + alive());
    }

    private List<ProcessHandle> alive() {
        try {
            return fake.processesStarted().stream().filter(ProcessHandle::isAlive).toList();
        } catch (IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private static LanguageServiceOptions quick() {
        return LanguageServiceOptions.defaults().withRequestTimeout(REQUEST_TIMEOUT)
                .withStartTimeout(Duration.ofSeconds(15))
                .withRestarts(Duration.ofMillis(50), Duration.ofMillis(200), 3, Duration.ofMinutes(1))
                .withShutdownTimeout(Duration.ofSeconds(1));
    }

    private LanguageService start(String mode, LanguageServiceOptions options) {
        return start(fake.config(mode), options);
    }

    private LanguageService start(LanguageServerConfig config, LanguageServiceOptions options) {
        service = LanguageServices.forProject(project, List.of(config), options);
        service.onStatus(statuses::add);
        service.onDiagnostics(published::add);
        return service;
    }

    @Test
    void serverPrintingGarbageIsCutOffAndLeftOffAfterTooManyCrashes() {
        start("garbage", quick()).opened(file, "hello world\n");
        var hover = service.hover(file, new TextPosition(0, 1));

        awaitState(ServerStatus.State.FAILED);
        assertThat(statuses).extracting(ServerStatus::state).startsWith(ServerStatus.State.STARTING,
                ServerStatus.State.RESTARTING);
        assertThat(statuses).filteredOn(status -> status.state() == ServerStatus.State.RESTARTING).first()
                .satisfies(status -> assertThat(status.message())
                        .contains("fake-ls", "not LSP", "Starting the fake server on port 8080", "restarting"));
        assertThat(statuses.getLast().message()).contains("stopped 3 times", "stays off");
        assertThat(answer(hover)).isEmpty();
    }

    @Test
    void serverThatNeverAnswersInitializeIsCutOffAfterTheStartTimeout() {
        start("silent", quick().withStartTimeout(Duration.ofMillis(700))).opened(file, "hello\n");
        var completion = service.completion(file, new TextPosition(0, 1));
        var definition = service.definition(file, new TextPosition(0, 1));

        assertThat(answer(completion)).isEmpty();
        assertThat(answer(definition)).isEmpty();
        awaitState(ServerStatus.State.FAILED);
        assertThat(statuses).filteredOn(status -> status.state() == ServerStatus.State.RESTARTING)
                .first().extracting(ServerStatus::message).asString()
                .contains("did not answer initialize within 700 ms");
    }

    @Test
    void serverThatStopsAnsweringIsKilledAndRestarted() throws IOException {
        start("deaf", quick().withTimeoutsBeforeRestart(2)).opened(file, "hello\n");
        awaitState(ServerStatus.State.RUNNING);

        assertThat(answer(service.hover(file, new TextPosition(0, 1)))).isEmpty();
        assertThat(answer(service.references(file, new TextPosition(0, 1)))).isEmpty();

        awaitState(ServerStatus.State.RESTARTING);
        assertThat(statuses.stream().filter(status -> status.state() == ServerStatus.State.RESTARTING).findFirst()
                .orElseThrow().message()).contains("did not answer 2 requests in a row within 400 ms each");
        Eventually.until(() -> statuses.getLast().state() == ServerStatus.State.RUNNING,
                () -> "running again: " + statuses);
        // The hung one and its child were killed; the new one and its child run.
        Eventually.until(() -> alive().size() == 2, () -> "only the restarted server and its child: " + alive());
        assertThat(fake.pidsWritten()).isEqualTo(4);
    }

    @Test
    void serverThatStopsReadingIsKilledThoughTheQueriesCouldNotEvenBeSent() {
        start("stops-reading", quick().withTimeoutsBeforeRestart(2)).opened(file, "hello\n");
        awaitState(ServerStatus.State.RUNNING);
        // More than a pipe holds: the write blocks the server's queue, never the caller.
        service.changed(file, "x".repeat(2_000_000));

        assertThat(answer(service.hover(file, new TextPosition(0, 1)))).isEmpty();
        assertThat(answer(service.hover(file, new TextPosition(0, 1)))).isEmpty();

        awaitState(ServerStatus.State.RESTARTING);
        assertThat(statuses).filteredOn(status -> status.state() == ServerStatus.State.RESTARTING).first()
                .extracting(ServerStatus::message).asString().contains("did not answer 2 requests in a row");
    }

    @Test
    void crashAfterInitializeIsRestartedWithTheOpenDocumentsSentAgain() {
        start("crash-once", quick()).opened(file, "first text");

        Eventually.until(() -> statuses.size() >= 4 && statuses.getLast().state() == ServerStatus.State.RUNNING,
                () -> "started, crashed, running again: " + statuses);
        assertThat(statuses).extracting(ServerStatus::state).containsExactly(ServerStatus.State.STARTING,
                ServerStatus.State.RUNNING, ServerStatus.State.RESTARTING, ServerStatus.State.RUNNING);
        assertThat(statuses.get(2).message()).isEqualTo("fake-ls exited with code 3; restarting it");
        assertThat(service.status(file)).contains(statuses.getLast());

        assertThat(answer(service.hover(file, new TextPosition(0, 0)))).contains("first text");
        service.changed(file, "second text");
        assertThat(answer(service.hover(file, new TextPosition(0, 0)))).contains("second text");
        service.saved(file);
        assertThat(answer(service.hover(file, new TextPosition(0, 0)))).contains("saved: second text");
        service.closed(file);
        assertThat(answer(service.hover(file, new TextPosition(0, 0)))).contains("not open");
    }

    @Test
    void serverThatAlwaysCrashesEndsFailedAndIsNotStartedAgain() throws IOException {
        start("crash-always", quick()).opened(file, "text");

        awaitState(ServerStatus.State.FAILED);
        assertThat(statuses.getLast().message())
                .isEqualTo("fake-ls exited with code 3; it stopped 3 times within 1 min, so it stays off until the"
                        + " project is opened again");
        var started = fake.pidsWritten();
        service.opened(project.resolve("other" + FakeServer.EXTENSION), "more");
        assertThat(answer(service.hover(file, new TextPosition(0, 0)))).isEmpty();
        assertThat(fake.pidsWritten()).isEqualTo(started);
        assertThat(statuses.getLast().state()).isEqualTo(ServerStatus.State.FAILED);
    }

    @Test
    void problemsOfAServerThatFailsAreCleared() {
        start("crash-on-change", quick().withRestarts(Duration.ofMillis(50), Duration.ofMillis(50), 2,
                Duration.ofMinutes(1))).opened(file, "text");
        Eventually.until(() -> !published.isEmpty(), () -> "the fake problem published");
        assertThat(published.getFirst().diagnostics()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("fake problem");
            assertThat(problem.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(problem.code()).isEqualTo("7");
            assertThat(problem.span()).isEqualTo(TextSpan.of(0, 0, 0, 4));
        });

        service.changed(file, "crash now");
        awaitState(ServerStatus.State.RESTARTING);
        Eventually.until(() -> statuses.getLast().state() == ServerStatus.State.RUNNING, () -> "running again");
        service.changed(file, "crash again");
        awaitState(ServerStatus.State.FAILED);
        Eventually.until(() -> published.getLast().diagnostics().isEmpty(), () -> "problems cleared: " + published);
        assertThat(published.getLast().file()).isEqualTo(file);
    }

    @Test
    void aBodyThatIsNotJsonIsCutOffLikeGarbage() {
        start("bad-json", quick()).opened(file, "text");
        assertThat(answer(service.hover(file, new TextPosition(0, 0)))).isEmpty();
        awaitState(ServerStatus.State.FAILED);
        assertThat(statuses).filteredOn(status -> status.state() == ServerStatus.State.RESTARTING).first()
                .extracting(ServerStatus::message).asString()
                .isEqualTo("fake-ls sent a message that is not JSON: \"{not json\"; restarting it");
    }

    @Test
    void serverClosingItsOutputIsTreatedAsACrash() {
        start("closes-output", quick()).opened(file, "text");
        awaitState(ServerStatus.State.FAILED);
        assertThat(statuses).filteredOn(status -> status.state() == ServerStatus.State.RESTARTING).first()
                .extracting(ServerStatus::message).asString().contains("closed its output");
    }

    @Test
    void missingServerIsAHintWithTheInstallCommand() {
        var missing = new LanguageServerConfig("nothing", "nothing-ls", Map.of(FakeServer.EXTENSION, "fake"),
                List.of("cyberdevstudio-no-such-language-server", "--stdio"), "npm install -g nothing-ls");
        start(missing, quick()).opened(file, "text");

        Eventually.until(() -> !statuses.isEmpty(), () -> "a status");
        assertThat(statuses).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(ServerStatus.State.MISSING);
            assertThat(status.message()).isEqualTo("nothing-ls is not installed (cyberdevstudio-no-such-language-server"
                    + " was not found on PATH); install it with: npm install -g nothing-ls");
        });
        assertThat(answer(service.completion(file, new TextPosition(0, 0)))).isEmpty();
        assertThat(answer(service.rename(file, new TextPosition(0, 0), "x"))).isEmpty();
        assertThat(answer(service.format(file, 4, true))).isEmpty();
    }

    @Test
    void aServerInstalledAfterItWasMissingStartsWhenTheNextFileOpens() throws IOException {
        var tools = Files.createDirectories(project.resolve("tools"));
        var config = fake.config("well");
        var launcher = tools.resolve("fake-launcher");
        var missing = new LanguageServerConfig("fake", "fake-ls", config.languageIds(),
                Stream.concat(Stream.of(launcher.toString()),
                        config.command().stream()).toList(), "");
        start(missing, quick()).opened(file, "text");
        Eventually.until(() -> !statuses.isEmpty(), () -> "a status");
        assertThat(statuses.getLast().state()).isEqualTo(ServerStatus.State.MISSING);
        assertThat(statuses.getLast().message()).doesNotContain("install it with");

        Files.writeString(launcher, "#!/bin/sh\nexec \"$@\"\n");
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        service.opened(project.resolve("second" + FakeServer.EXTENSION), "second");
        Eventually.until(() -> statuses.getLast().state() == ServerStatus.State.RUNNING, () -> "running: " + statuses);
        assertThat(answer(service.hover(file, new TextPosition(0, 0)))).contains("text");
    }

    @Test
    void wellBehavedServersAnswersAreMappedToTheStudiosRecords() {
        start("well", quick().withRequestTimeout(Duration.ofSeconds(10))).opened(file, "hello world\n");

        assertThat(answer(service.completion(file, new TextPosition(0, 2)))).singleElement().satisfies(item -> {
            assertThat(item.label()).isEqualTo("greet");
            assertThat(item.kind()).isEqualTo("method");
            assertThat(item.insertText()).isEqualTo("greet(name)");
            assertThat(item.edit()).contains(new TextEdit(TextSpan.of(0, 0, 0, 2), "greet(name)"));
        });
        assertThat(answer(service.definition(file, new TextPosition(0, 2)))).containsExactly(
                new SourceLocation(file, TextSpan.of(2, 4, 2, 9)));
        assertThat(answer(service.rename(file, new TextPosition(0, 2), "howdy"))).containsExactly(
                Map.entry(file, List.of(new TextEdit(TextSpan.of(0, 0, 0, 5), "howdy"))));
        assertThat(answer(service.references(file, new TextPosition(0, 2)))).isEmpty();
        assertThat(answer(service.signatureHelp(file, new TextPosition(0, 2)))).isEmpty();
        // It does not offer formatting, so it is not even asked.
        assertThat(answer(service.format(file, 4, true))).isEmpty();
    }

    @Test
    void closingWhileAServerIsStillStartingKillsIt() throws IOException {
        start("silent", quick().withStartTimeout(Duration.ofMinutes(5))).opened(file, "text");
        Eventually.until(() -> {
            try {
                return fake.pidsWritten() == 2;
            } catch (IOException unreadable) {
                throw new AssertionError(unreadable);
            }
        }, () -> "the silent server started");
        var pending = service.hover(file, new TextPosition(0, 0));

        service.close();

        assertThat(answer(pending)).isEmpty();
        assertThat(answer(service.hover(file, new TextPosition(0, 0)))).isEmpty();
        service.close();
    }

    private void awaitState(ServerStatus.State state) {
        Eventually.until(Duration.ofSeconds(20), () -> statuses.stream().anyMatch(status -> status.state() == state),
                () -> state + " among " + statuses);
    }

    /** The answer, which must come within a few request timeouts whatever the server does. */
    private static <T> T answer(CompletableFuture<T> future) {
        try {
            return future.get(REQUEST_TIMEOUT.toMillis() * 25, TimeUnit.MILLISECONDS);
        } catch (Exception notAnswered) {
            throw new AssertionError("The query did not complete: " + notAnswered, notAnswered);
        }
    }
}
