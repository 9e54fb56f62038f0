package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.Diagnostic;
import dev.cyberdevstudio.engine.lsp.FileDiagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * Every file's problems as the language servers last reported them: the rows of the Problems list (a heading per
 * file, then its problems by line), the counts for the tab title and the status bar, and per file for the editor's
 * squiggles. Runs on the FX thread; {@link LanguageSupport} batches the servers' reports before they get here.
 *
 * <pre>{@code
 * problemsTab.textProperty().bind(problems.titleProperty());       // "Problems (3)"
 * statusBar.addFact("status-problems", problems.summaryProperty()); // "2 errors, 1 warning"
 * }</pre>
 */
public final class ProblemsViewModel {

    private static final Comparator<Diagnostic> BY_PLACE = Comparator
            .comparing((Diagnostic diagnostic) -> diagnostic.span().start())
            .thenComparing(Diagnostic::severity);

    private final Navigator navigator;
    private final ObservableMap<Path, List<Diagnostic>> byFile = FXCollections.observableHashMap();
    private final ObservableMap<Path, List<Diagnostic>> byFileView = FXCollections.unmodifiableObservableMap(byFile);
    private final ObservableList<ProblemRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ProblemRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper(this, "errors");
    private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warnings");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Problems");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public ProblemsViewModel(Navigator navigator) {
        this.navigator = navigator;
    }

    /** Replaces the problems of each file in {@code reports}; an empty list clears a file. */
    public void show(List<FileDiagnostics> reports) {
        if (reports.isEmpty()) {
            return;
        }
        for (var report : reports) {
            var file = LanguageSupport.normalize(report.file());
            if (report.diagnostics().isEmpty()) {
                byFile.remove(file);
            } else {
                var sorted = new ArrayList<>(report.diagnostics());
                sorted.sort(BY_PLACE);
                byFile.put(file, List.copyOf(sorted));
            }
        }
        rebuild();
    }

    /** Forgets every problem (the project closed). */
    public void clear() {
        byFile.clear();
        rebuild();
    }

    /** The rows of the list: each file's heading followed by its problems, files by path, problems by line. */
    public ObservableList<ProblemRow> rows() {
        return rowsView;
    }

    /** Each file's problems by position, for the editors' squiggles; listen to it to follow changes. */
    public ObservableMap<Path, List<Diagnostic>> byFile() {
        return byFileView;
    }

    public List<Diagnostic> diagnosticsFor(Path file) {
        return byFile.getOrDefault(LanguageSupport.normalize(file), List.of());
    }

    public ReadOnlyIntegerProperty errorCountProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty warningCountProperty() {
        return warnings.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return total.getReadOnlyProperty();
    }

    /** "Problems", or "Problems (3)" when there are some: the tab's title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "2 errors, 1 warning", empty when there are neither: for the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Opens the file of {@code row} at its problem (a heading: at its first problem). */
    public void open(ProblemRow row) {
        switch (row) {
            case ProblemRow.Problem problem -> navigator.openAt(problem.file(), problem.line(), problem.column());
            case ProblemRow.FileHeading heading -> {
                var first = diagnosticsFor(heading.file());
                if (first.isEmpty()) {
                    navigator.openAt(heading.file(), 1, 1);
                } else {
                    var start = first.getFirst().span().start();
                    navigator.openAt(heading.file(), start.line() + 1, start.character() + 1);
                }
            }
        }
    }

    private void rebuild() {
        var result = new ArrayList<ProblemRow>();
        int errorCount = 0;
        int warningCount = 0;
        int all = 0;
        for (Map.Entry<Path, List<Diagnostic>> entry : new TreeMap<>(byFile).entrySet()) {
            int fileErrors = count(entry.getValue(), Diagnostic.Severity.ERROR);
            int fileWarnings = count(entry.getValue(), Diagnostic.Severity.WARNING);
            int others = entry.getValue().size() - fileErrors - fileWarnings;
            result.add(new ProblemRow.FileHeading(entry.getKey(), fileErrors, fileWarnings, others));
            entry.getValue().forEach(diagnostic -> result.add(new ProblemRow.Problem(entry.getKey(), diagnostic)));
            errorCount += fileErrors;
            warningCount += fileWarnings;
            all += entry.getValue().size();
        }
        rows.setAll(result);
        errors.set(errorCount);
        warnings.set(warningCount);
        total.set(all);
        title.set(all == 0 ? "Problems" : "Problems (" + all + ")");
        summary.set(summaryOf(errorCount, warningCount));
    }

    private static int count(List<Diagnostic> diagnostics, Diagnostic.Severity severity) {
        return (int) diagnostics.stream().filter(diagnostic -> diagnostic.severity() == severity).count();
    }

    static String summaryOf(int errorCount, int warningCount) {
        var parts = new ArrayList<String>();
        if (errorCount > 0) {
            parts.add(errorCount + (errorCount == 1 ? " error" : " errors"));
        }
        if (warningCount > 0) {
            parts.add(warningCount + (warningCount == 1 ? " warning" : " warnings"));
        }
        return String.join(", ", parts);
    }
}
