package dev.cyberdevstudio.engine.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service against real pyright, on a two-file Python project; one server for the whole class. */
class PyrightLanguageServiceTest {

    private static final String MODELS = """
            class Greeter:
                def __init__(self, name: str) -> None:
                    self.name = name

                def greet(self, times: int) -> str:
                    return ("Hello " + self.name + "! ") * times


            def make_greeter(name: str) -> Greeter:
                return Greeter(name)
            """;

    private static final String MAIN = """
            from models import Greeter, make_greeter

            greeter = make_greeter("Ada")
            print(greeter.greet(2))
            print(greeter.shout())
            print(Greeter("Bob").greet("twice"))
            """;

    @TempDir
    static Path project;

    private static LspLanguageService service;
    private static Path models;
    private static Path main;
    private static final List<FileDiagnostics> published = new CopyOnWriteArrayList<>();
    private static final List<ServerStatus> statuses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPyright() throws IOException {
        var tools = NpmTools.require("pyright-langserver");
        models = Files.writeString(project.resolve("models.py"), MODELS);
        main = Files.writeString(project.resolve("main.py"), MAIN);
        // Generous: the first answers wait for pyright to analyze the project on a busy two-core machine.
        var options = LanguageServiceOptions.defaults().withEnvironment(NpmTools.environment(tools))
                .withRequestTimeout(Duration.ofSeconds(30));
        service = (LspLanguageService) LanguageServices.forProject(project,
                List.of(LanguageServerConfig.pyright()), options);
        service.onDiagnostics(published::add);
        service.onStatus(statuses::add);
        service.opened(models, MODELS);
        service.opened(main, MAIN);
    }

    @AfterAll
    static void stopPyright() {
        if (service == null) {
            return;
        }
        var processes = new ArrayList<ProcessHandle>();
        service.serverProcesses().forEach(process -> {
            processes.add(process);
            process.descendants().forEach(processes::add);
        });
        assertThat(processes).as("pyright's processes while it runs").isNotEmpty();
        service.close();
        Eventually.until(() -> processes.stream().noneMatch(ProcessHandle::isAlive),
                () -> "pyright's processes gone after close: " + processes);
        assertThat(statuses).last().extracting(ServerStatus::state).isEqualTo(ServerStatus.State.STOPPED);
    }

    @Test
    void reportsTypeErrorsOnTheirLines() {
        Eventually.until(() -> problemsOf(main).size() >= 2, () -> "pyright's problems in main.py: " + published);
        var problems = problemsOf(main);
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.span().start().line()).isEqualTo(Texts.lineOf(MAIN, "shout"));
            assertThat(problem.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(problem.message()).contains("shout");
            assertThat(problem.source()).isEqualTo("Pyright");
        });
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.span().start().line()).isEqualTo(Texts.lineOf(MAIN, "twice"));
            assertThat(problem.message()).contains("twice").contains("int");
        });
        assertThat(published).allSatisfy(diagnostics -> assertThat(diagnostics.file()).isAbsolute());
    }

    @Test
    void reportsItIsRunningInTheStatus() {
        Eventually.until(() -> statuses.stream().anyMatch(status -> status.state() == ServerStatus.State.RUNNING),
                () -> "pyright running: " + statuses);
        assertThat(statuses.getFirst().state()).isEqualTo(ServerStatus.State.STARTING);
        assertThat(statuses.getFirst().serverName()).isEqualTo("pyright");
        assertThat(service.status(main)).map(ServerStatus::state).contains(ServerStatus.State.RUNNING);
        assertThat(service.serves(project.resolve("stub.pyi"))).isTrue();
        assertThat(service.serves(project.resolve("notes.txt"))).isFalse();
    }

    @Test
    void completesTheMethodsAfterADot() throws Exception {
        var typing = project.resolve("typing_here.py");
        var text = "from models import Greeter\n\ng = Greeter(\"x\")\ng.";
        service.opened(typing, text);
        try {
            var items = get(service.completion(typing, Texts.after(text, "g.")));
            assertThat(items).extracting(CompletionItem::label).contains("greet", "name");
            var greet = items.stream().filter(item -> item.label().equals("greet")).findFirst().orElseThrow();
            assertThat(greet.kind()).isEqualTo("method");
            assertThat(greet.insertText()).isEqualTo("greet");
        } finally {
            service.closed(typing);
        }
    }

    @Test
    void completesWhatWasTypedSinceOpening() throws Exception {
        var typing = project.resolve("changed_here.py");
        service.opened(typing, "import models\n");
        var text = "import models\nmodels.make_";
        service.changed(typing, text);
        try {
            var items = get(service.completion(typing, Texts.after(text, "make_")));
            assertThat(items).extracting(CompletionItem::label).contains("make_greeter");
        } finally {
            service.closed(typing);
        }
    }

    @Test
    void hoverNamesTheType() throws Exception {
        var hover = get(service.hover(main, Texts.at(MAIN, "greeter =")));
        assertThat(hover).hasValueSatisfying(text -> assertThat(text).contains("greeter").contains("Greeter"));
    }

    @Test
    void definitionJumpsToTheDefInTheOtherFile() throws Exception {
        var call = Texts.at(MAIN, "make_greeter(\"Ada\")");
        var locations = get(service.definition(main, call));
        assertThat(locations).singleElement().satisfies(location -> {
            assertThat(location.file()).isEqualTo(models);
            assertThat(location.span().start().line()).isEqualTo(Texts.lineOf(MODELS, "def make_greeter"));
        });
    }

    @Test
    void findsTheReferencesInBothFiles() throws Exception {
        var definition = Texts.after(MODELS, "def gr");
        var references = get(service.references(models, definition));
        assertThat(references).extracting(SourceLocation::file).contains(models, main);
        assertThat(references).filteredOn(reference -> reference.file().equals(main))
                .extracting(reference -> reference.span().start().line())
                .contains(Texts.lineOf(MAIN, "greeter.greet(2)"), Texts.lineOf(MAIN, "greet(\"twice\")"));
    }

    @Test
    void renameEditsBothFiles() throws Exception {
        var edits = get(service.rename(models, Texts.after(MODELS, "def gr"), "welcome"));
        assertThat(edits).containsOnlyKeys(models, main);
        assertThat(Texts.apply(MODELS, edits.get(models))).contains("def welcome(self, times: int)");
        assertThat(Texts.apply(MAIN, edits.get(main)))
                .contains("greeter.welcome(2)").contains("Greeter(\"Bob\").welcome(\"twice\")");
    }

    @Test
    void signatureHelpShowsTheParameters() throws Exception {
        var help = get(service.signatureHelp(main, Texts.after(MAIN, "greeter.greet(")));
        assertThat(help).hasValueSatisfying(signature -> {
            assertThat(signature.label()).contains("times: int");
            assertThat(signature.parameters()).containsExactly("times: int");
            assertThat(signature.activeParameter()).isZero();
        });
    }

    @Test
    void formattingIsNotOfferedByPyrightSoItAnswersEmpty() throws Exception {
        assertThat(get(service.format(main, 4, true))).isEmpty();
    }

    @Test
    void answersEmptyForFilesNoServerServes() throws Exception {
        var notes = project.resolve("notes.txt");
        service.opened(notes, "plain text");
        assertThat(get(service.completion(notes, new TextPosition(0, 1)))).isEmpty();
        assertThat(get(service.hover(notes, new TextPosition(0, 1)))).isEmpty();
        assertThat(service.status(notes)).isEmpty();
    }

    private static List<Diagnostic> problemsOf(Path file) {
        return published.stream().filter(diagnostics -> diagnostics.file().equals(file))
                .reduce((first, second) -> second).map(FileDiagnostics::diagnostics).orElse(List.of());
    }

    private static <T> T get(CompletableFuture<T> answer) throws Exception {
        return answer.get(60, TimeUnit.SECONDS);
    }
}
