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

/** The service against real typescript-language-server (and the tsserver it runs); one server for the class. */
class TypeScriptLanguageServiceTest {

    private static final String SHAPES = """
            export class Circle {
                constructor(public radius: number) {}

                area(): number {
                    return Math.PI * this.radius * this.radius;
                }
            }

            const count: number = "three";
            """;

    @TempDir
    static Path project;

    private static LspLanguageService service;
    private static Path shapes;
    private static final List<FileDiagnostics> published = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        var tools = NpmTools.require("typescript-language-server", "tsserver");
        shapes = Files.writeString(project.resolve("shapes.ts"), SHAPES);
        var options = LanguageServiceOptions.defaults().withEnvironment(NpmTools.environment(tools))
                .withRequestTimeout(Duration.ofSeconds(30));
        service = (LspLanguageService) LanguageServices.forProject(project,
                List.of(LanguageServerConfig.typescriptLanguageServer()), options);
        service.onDiagnostics(published::add);
        service.opened(shapes, SHAPES);
    }

    @AfterAll
    static void stopServer() {
        if (service == null) {
            return;
        }
        var processes = new ArrayList<ProcessHandle>();
        service.serverProcesses().forEach(process -> {
            processes.add(process);
            process.descendants().forEach(processes::add);
        });
        assertThat(processes).as("the server and its tsserver processes").hasSizeGreaterThan(1);
        service.close();
        Eventually.until(() -> processes.stream().noneMatch(ProcessHandle::isAlive),
                () -> "typescript-language-server and its tsservers gone after close: " + processes);
    }

    @Test
    void reportsTheTypeError() {
        Eventually.until(() -> !problemsOf(shapes).isEmpty(), () -> "problems in shapes.ts: " + published);
        assertThat(problemsOf(shapes)).filteredOn(problem -> problem.severity() == Diagnostic.Severity.ERROR)
                .singleElement().satisfies(problem -> {
            assertThat(problem.span().start().line()).isEqualTo(Texts.lineOf(SHAPES, "const count"));
            assertThat(problem.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(problem.message()).contains("string").contains("number");
            assertThat(problem.code()).isEqualTo("2322");
        });
    }

    @Test
    void completesTheMembersAfterADot() throws Exception {
        var use = project.resolve("use.ts");
        var text = "import { Circle } from \"./shapes\";\nconst c = new Circle(2);\nc.";
        service.opened(use, text);
        try {
            var items = get(service.completion(use, Texts.after(text, "c.")));
            assertThat(items).extracting(CompletionItem::label).contains("area", "radius");
            assertThat(items).filteredOn(item -> item.label().equals("area")).singleElement()
                    .satisfies(area -> assertThat(area.kind()).isEqualTo("method"));
        } finally {
            service.closed(use);
        }
    }

    @Test
    void formattingFixesTheIndentation() throws Exception {
        var messy = project.resolve("messy.js");
        var text = "function twice(x) {\nreturn x * 2;\n}\n";
        Files.writeString(messy, text);
        service.opened(messy, text);
        try {
            var edits = get(service.format(messy, 4, true));
            assertThat(edits).isNotEmpty();
            assertThat(Texts.apply(text, edits)).isEqualTo("function twice(x) {\n    return x * 2;\n}\n");
            var twoSpaces = get(service.format(messy, 2, true));
            assertThat(Texts.apply(text, twoSpaces)).isEqualTo("function twice(x) {\n  return x * 2;\n}\n");
        } finally {
            service.closed(messy);
        }
    }

    @Test
    void definitionFindsTheClassAcrossFiles() throws Exception {
        var use = project.resolve("define.ts");
        var text = "import { Circle } from \"./shapes\";\nnew Circle(1).area();\n";
        service.opened(use, text);
        try {
            var locations = get(service.definition(use, Texts.after(text, "new Cir")));
            // tsserver names both the class and its constructor.
            assertThat(locations).isNotEmpty().allSatisfy(location -> assertThat(location.file()).isEqualTo(shapes));
            assertThat(locations).extracting(location -> location.span().start().line())
                    .contains(Texts.lineOf(SHAPES, "class Circle"));
        } finally {
            service.closed(use);
        }
    }

    private static List<Diagnostic> problemsOf(Path file) {
        return published.stream().filter(diagnostics -> diagnostics.file().equals(file))
                .reduce((first, second) -> second).map(FileDiagnostics::diagnostics).orElse(List.of());
    }

    private static <T> T get(CompletableFuture<T> answer) throws Exception {
        return answer.get(60, TimeUnit.SECONDS);
    }
}
