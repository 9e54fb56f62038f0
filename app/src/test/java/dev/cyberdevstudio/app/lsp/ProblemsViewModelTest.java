package dev.cyberdevstudio.app.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.lsp.Diagnostic;
import dev.cyberdevstudio.engine.lsp.FileDiagnostics;
import dev.cyberdevstudio.engine.lsp.TextSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsViewModelTest {

    private final List<String> opened = new ArrayList<>();
    private final ProblemsViewModel problems = new ProblemsViewModel(
            (file, line, column) -> opened.add(file.getFileName() + ":" + line + ":" + column));
    private final Path main = Path.of("/project/main.py").toAbsolutePath();
    private final Path helpers = Path.of("/project/a/helpers.py").toAbsolutePath();

    static Diagnostic problem(int line, int column, Diagnostic.Severity severity, String message) {
        return new Diagnostic(TextSpan.of(line, column, line, column + 3), severity, message, "Pyright", "");
    }

    @Test
    void groupsProblemsByFileAndSortsThemByLine() {
        problems.show(List.of(
                new FileDiagnostics(main, List.of(problem(9, 0, Diagnostic.Severity.WARNING, "unused"),
                        problem(2, 4, Diagnostic.Severity.ERROR, "bad type"))),
                new FileDiagnostics(helpers, List.of(problem(0, 0, Diagnostic.Severity.INFORMATION, "note")))));

        var rows = problems.rows();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo(new ProblemRow.FileHeading(helpers, 0, 0, 1));
        assertThat(rows.get(2)).isEqualTo(new ProblemRow.FileHeading(main, 1, 1, 0));
        assertThat(((ProblemRow.Problem) rows.get(3)).diagnostic().message()).isEqualTo("bad type");
        assertThat(((ProblemRow.Problem) rows.get(3)).where()).isEqualTo("main.py:3");
        assertThat(((ProblemRow.Problem) rows.get(4)).diagnostic().message()).isEqualTo("unused");
    }

    @Test
    void countsErrorsAndWarningsForTheTitleAndTheStatusBar() {
        assertThat(problems.titleProperty().get()).isEqualTo("Problems");
        assertThat(problems.summaryProperty().get()).isEmpty();

        problems.show(List.of(new FileDiagnostics(main, List.of(problem(1, 0, Diagnostic.Severity.ERROR, "a"),
                problem(2, 0, Diagnostic.Severity.ERROR, "b"), problem(3, 0, Diagnostic.Severity.WARNING, "c")))));

        assertThat(problems.errorCountProperty().get()).isEqualTo(2);
        assertThat(problems.warningCountProperty().get()).isEqualTo(1);
        assertThat(problems.totalCountProperty().get()).isEqualTo(3);
        assertThat(problems.titleProperty().get()).isEqualTo("Problems (3)");
        assertThat(problems.summaryProperty().get()).isEqualTo("2 errors, 1 warning");
        assertThat(ProblemsViewModel.summaryOf(1, 0)).isEqualTo("1 error");
        assertThat(ProblemsViewModel.summaryOf(0, 2)).isEqualTo("2 warnings");
    }

    @Test
    void anEmptyReportClearsTheFile() {
        problems.show(List.of(new FileDiagnostics(main, List.of(problem(1, 0, Diagnostic.Severity.ERROR, "a")))));

        problems.show(List.of(new FileDiagnostics(main, List.of())));

        assertThat(problems.rows()).isEmpty();
        assertThat(problems.diagnosticsFor(main)).isEmpty();
        assertThat(problems.titleProperty().get()).isEqualTo("Problems");
    }

    @Test
    void opensTheFileAtTheProblemOneBased() {
        problems.show(List.of(new FileDiagnostics(main, List.of(problem(4, 7, Diagnostic.Severity.ERROR, "a")))));

        problems.open(problems.rows().get(1));
        problems.open(problems.rows().get(0));

        assertThat(opened).containsExactly("main.py:5:8", "main.py:5:8");
    }

    @Test
    void clearForgetsEverything() {
        problems.show(List.of(new FileDiagnostics(main, List.of(problem(1, 0, Diagnostic.Severity.ERROR, "a")))));

        problems.clear();

        assertThat(problems.rows()).isEmpty();
        assertThat(problems.byFile()).isEmpty();
        assertThat(problems.errorCountProperty().get()).isZero();
    }
}
