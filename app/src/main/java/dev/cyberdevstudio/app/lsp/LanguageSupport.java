package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.engine.files.LoadMode;
import dev.cyberdevstudio.engine.files.LoadResult;
import dev.cyberdevstudio.engine.files.SaveResult;
import dev.cyberdevstudio.engine.files.TextFiles;
import dev.cyberdevstudio.engine.lsp.FileDiagnostics;
import dev.cyberdevstudio.engine.lsp.LanguageService;
import dev.cyberdevstudio.engine.lsp.ServerStatus;
import dev.cyberdevstudio.engine.lsp.TextEdit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's side of the language servers: one per window, over the {@link LanguageService} of the open project.
 * It owns the Problems list, the References list and the status line, and gives every editor its
 * {@link LanguageFeatures} (completion, squiggles, hover, signature help and the commands).
 *
 * <pre>{@code
 * var languages = new LanguageSupport(executor, editors::find, editors::openAt);
 * editorPane.addEditorFeature(languages::attach);
 * languages.connect(engine.languages(projectRoot));   // when a project opens; disconnect() when it closes
 * }</pre>
 *
 * <p>The service's listeners run on its own threads: their reports are gathered and handed to the FX thread in one
 * batch per pulse, so a server that publishes a thousand files at once costs one update of the list.
 */
public final class LanguageSupport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LanguageSupport.class);

    private final TaskExecutor executor;
    private final Function<Path, Optional<DocumentViewModel>> openDocuments;
    private final Navigator navigator;
    private final ProblemsViewModel problems;
    private final LocationsViewModel references;
    private final LanguageStatusViewModel status = new LanguageStatusViewModel();
    private final Set<LanguageFeatures> features = new LinkedHashSet<>();

    private final Object inboxLock = new Object();
    private final Map<Path, FileDiagnostics> diagnosticsInbox = new LinkedHashMap<>();
    private final List<ServerStatus> statusInbox = new ArrayList<>();
    private boolean flushScheduled;

    private volatile LanguageService service;
    private RenamePrompt renamePrompt = new FxRenamePrompt();
    private Runnable onReferencesShown = () -> { };

    /**
     * @param openDocuments the open document of a file, if any ({@code editors::find}); edits go there first
     * @param navigator     opens a file at a line ({@code editors::openAt})
     */
    public LanguageSupport(TaskExecutor executor, Function<Path, Optional<DocumentViewModel>> openDocuments,
                           Navigator navigator) {
        this.executor = executor;
        this.openDocuments = openDocuments;
        this.navigator = navigator;
        this.problems = new ProblemsViewModel(navigator);
        this.references = new LocationsViewModel(executor,
                file -> openDocuments.apply(file).map(DocumentViewModel::text), navigator);
    }

    /**
     * Uses {@code languageService} from now on (a project opened): its reports fill the lists, and every open editor
     * tells it about its file. The previous service is left to its owner to close.
     */
    public void connect(LanguageService languageService) {
        Objects.requireNonNull(languageService, "languageService");
        forget();
        service = languageService;
        languageService.onDiagnostics(report -> {
            if (service == languageService) {
                receive(report);
            }
        });
        languageService.onStatus(report -> {
            if (service == languageService) {
                receive(report);
            }
        });
        List.copyOf(features).forEach(LanguageFeatures::serviceChanged);
    }

    /** Stops using the service (the project closed): the lists empty and the editors go quiet. */
    public void disconnect() {
        if (service == null) {
            return;
        }
        List.copyOf(features).forEach(LanguageFeatures::serviceLeaving);
        forget();
    }

    /** The feature for one editor; pass {@code languages::attach} to {@code EditorTabsPane.addEditorFeature}. */
    public AutoCloseable attach(DocumentViewModel document, CodeEditor editor) {
        // A read-only document is one too large to edit (over 20 MB): no server should be handed all of it.
        if (document.binaryNotice().isPresent() || document.isReadOnly()) {
            return null;
        }
        return LanguageFeatures.attach(document, editor, this);
    }

    public ProblemsViewModel problems() {
        return problems;
    }

    /** The results of Find References. */
    public LocationsViewModel references() {
        return references;
    }

    public LanguageStatusViewModel status() {
        return status;
    }

    /** How rename asks for the new name; a dialog unless replaced (tests). */
    public void setRenamePrompt(RenamePrompt prompt) {
        this.renamePrompt = Objects.requireNonNull(prompt);
    }

    /** Called after Find References filled its list, so that the window can show the References tab. */
    public void setOnReferencesShown(Runnable action) {
        this.onReferencesShown = Objects.requireNonNull(action);
    }

    /** Disconnects; the service itself belongs to whoever made it. */
    @Override
    public void close() {
        disconnect();
    }

    // ---------------------------------------------------------------- for the editors' features

    Optional<LanguageService> service() {
        return Optional.ofNullable(service);
    }

    TaskExecutor executor() {
        return executor;
    }

    Navigator navigator() {
        return navigator;
    }

    RenamePrompt renamePrompt() {
        return renamePrompt;
    }

    void register(LanguageFeatures feature) {
        features.add(feature);
    }

    void unregister(LanguageFeatures feature) {
        features.remove(feature);
    }

    void referencesShown() {
        onReferencesShown.run();
    }

    /**
     * Applies a rename's edits: to open documents as one undo step each, and to files that are not open by
     * rewriting them on disk (same encoding and line ends, atomically) in the background. {@code done} gets a
     * sentence for the user on the FX thread.
     */
    void applyEdits(Map<Path, List<TextEdit>> edits, String what, Consumer<String> done) {
        int places = 0;
        var failures = new ArrayList<String>();
        var closed = new LinkedHashMap<Path, List<TextEdit>>();
        for (var entry : edits.entrySet()) {
            var file = normalize(entry.getKey());
            places += entry.getValue().size();
            var document = openDocuments.apply(file);
            if (document.isPresent()) {
                applyTo(document.get(), entry.getValue()).ifPresent(failures::add);
            } else if (!entry.getValue().isEmpty()) {
                closed.put(file, entry.getValue());
            }
        }
        var summary = what + ": " + places + (places == 1 ? " place in " : " places in ") + edits.size()
                + (edits.size() == 1 ? " file" : " files");
        if (closed.isEmpty()) {
            done.accept(withFailures(summary, failures));
            return;
        }
        executor.submit(() -> writeClosedFiles(closed), written -> {
            failures.addAll(written);
            int saved = closed.size() - written.size();
            done.accept(withFailures(summary + (saved > 0 ? " (" + saved + " not open, saved to disk)" : ""),
                    failures));
        }, error -> {
            LOG.error("Writing renamed files failed", error);
            failures.add("the files that are not open could not be written");
            done.accept(withFailures(summary, failures));
        });
    }

    /** Applies {@code edits} to an open document as one undo step, keeping the caret in place; empty when done. */
    static Optional<String> applyTo(DocumentViewModel document, List<TextEdit> edits) {
        var name = fileName(document.path());
        if (document.isReadOnly()) {
            return Optional.of(name + " is read-only");
        }
        EditPlan plan;
        try {
            plan = EditPlan.of(document.text(), edits);
        } catch (IllegalArgumentException overlapping) {
            LOG.warn("Edits for {} not applied: {}", document.path(), overlapping.getMessage());
            return Optional.of(name + ": " + overlapping.getMessage());
        }
        var selection = document.selection();
        var merged = plan.merged();
        if (merged.isPresent()) {
            var one = merged.get();
            document.replace(one.start(), one.end(), one.text());
            document.select(plan.mapOffset(selection.anchor()), plan.mapOffset(selection.caret()));
        }
        return Optional.empty();
    }

    private static List<String> writeClosedFiles(Map<Path, List<TextEdit>> closed) {
        var failures = new ArrayList<String>();
        for (var entry : closed.entrySet()) {
            var name = fileName(entry.getKey());
            switch (TextFiles.load(entry.getKey(), LoadMode.NORMAL)) {
                case LoadResult.Text text -> {
                    try {
                        var changed = EditPlan.of(text.text(), entry.getValue()).apply();
                        if (TextFiles.save(entry.getKey(), changed, text.encoding(), text.lineSeparator())
                                instanceof SaveResult.Failed failed) {
                            failures.add(name + ": " + failed.reason());
                        }
                    } catch (IllegalArgumentException overlapping) {
                        failures.add(name + ": " + overlapping.getMessage());
                    }
                }
                case LoadResult.Failed failed -> failures.add(name + ": " + failed.reason());
                default -> failures.add(name + " is not a text file the editor can change");
            }
        }
        return failures;
    }

    private static String withFailures(String summary, List<String> failures) {
        return failures.isEmpty() ? summary : summary + "; not changed: " + String.join("; ", failures);
    }

    // ---------------------------------------------------------------- the service's reports

    private void receive(FileDiagnostics report) {
        synchronized (inboxLock) {
            diagnosticsInbox.remove(report.file());
            diagnosticsInbox.put(report.file(), report);
            scheduleFlush();
        }
    }

    private void receive(ServerStatus report) {
        synchronized (inboxLock) {
            statusInbox.add(report);
            scheduleFlush();
        }
    }

    // Called holding inboxLock.
    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            executor.runOnUi(this::flush);
        }
    }

    private void flush() {
        List<FileDiagnostics> reports;
        List<ServerStatus> statuses;
        synchronized (inboxLock) {
            flushScheduled = false;
            reports = List.copyOf(diagnosticsInbox.values());
            statuses = List.copyOf(statusInbox);
            diagnosticsInbox.clear();
            statusInbox.clear();
        }
        if (service == null) {
            return;
        }
        problems.show(reports);
        statuses.forEach(status::show);
    }

    private void forget() {
        service = null;
        synchronized (inboxLock) {
            diagnosticsInbox.clear();
            statusInbox.clear();
        }
        problems.clear();
        status.clear();
        references.clear();
    }

    static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }

    static String fileName(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }
}
