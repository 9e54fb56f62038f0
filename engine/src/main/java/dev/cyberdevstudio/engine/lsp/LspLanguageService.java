package dev.cyberdevstudio.engine.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.CompletionContext;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.CompletionTriggerKind;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LanguageService} over real language servers, one {@link ServerSupervisor} per configured server.
 * Files are routed to the server whose extensions match them; files no server serves get empty answers at once.
 */
final class LspLanguageService implements LanguageService {

    private static final Logger LOG = LoggerFactory.getLogger(LspLanguageService.class);

    private final Path root;
    private final LanguageServiceOptions options;
    private final List<ServerSupervisor> supervisors;
    private final ExecutorService lspThreads = Executors.newVirtualThreadPerTaskExecutor();
    // Listeners hear everything in the order it happened, on one thread that is never a server's reader.
    private final ExecutorService events = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final List<Consumer<FileDiagnostics>> diagnosticsListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ServerStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final Map<Path, FileDiagnostics> lastDiagnostics = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    LspLanguageService(Path root, List<LanguageServerConfig> servers, LanguageServiceOptions options) {
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
        var locator = CommandLocator.forEnvironment(this.root, options.environment(), options.toolFolders());
        var created = new ArrayList<ServerSupervisor>();
        for (var config : servers) {
            created.add(new ServerSupervisor(config, this.root, options, locator, this::statusChanged,
                    this::diagnosticsPublished, lspThreads));
        }
        this.supervisors = List.copyOf(created);
    }

    Path root() {
        return root;
    }

    @Override
    public boolean serves(Path file) {
        return supervisorFor(normalize(file)).isPresent();
    }

    @Override
    public Optional<ServerStatus> status(Path file) {
        return supervisorFor(normalize(file)).flatMap(ServerSupervisor::status);
    }

    @Override
    public void opened(Path file, String text) {
        var path = normalize(file);
        supervisorFor(path).ifPresent(supervisor -> supervisor.config().languageIdFor(path)
                .ifPresent(languageId -> supervisor.open(path, languageId, text)));
    }

    @Override
    public void changed(Path file, String text) {
        var path = normalize(file);
        supervisorFor(path).ifPresent(supervisor -> supervisor.change(path, text));
    }

    @Override
    public void saved(Path file) {
        var path = normalize(file);
        supervisorFor(path).ifPresent(supervisor -> supervisor.save(path));
    }

    @Override
    public void closed(Path file) {
        var path = normalize(file);
        supervisorFor(path).ifPresent(supervisor -> supervisor.close(path));
    }

    @Override
    public CompletableFuture<List<CompletionItem>> completion(Path file, TextPosition at) {
        var path = normalize(file);
        return ask(path, ServerSupervisor.Feature.COMPLETION, List.<CompletionItem>of(), supervisor -> {
            var params = new CompletionParams(document(path), LspConversions.toLsp(at),
                    new CompletionContext(CompletionTriggerKind.Invoked));
            return supervisor.request(ServerSupervisor.Feature.COMPLETION,
                    server -> server.getTextDocumentService().completion(params), LspConversions::completion,
                    List.of());
        });
    }

    @Override
    public CompletableFuture<Optional<String>> hover(Path file, TextPosition at) {
        var path = normalize(file);
        return ask(path, ServerSupervisor.Feature.HOVER, Optional.empty(), supervisor -> supervisor.request(
                ServerSupervisor.Feature.HOVER,
                server -> server.getTextDocumentService().hover(new HoverParams(document(path),
                        LspConversions.toLsp(at))),
                LspConversions::hover, Optional.empty()));
    }

    @Override
    public CompletableFuture<Optional<SignatureHelp>> signatureHelp(Path file, TextPosition at) {
        var path = normalize(file);
        return ask(path, ServerSupervisor.Feature.SIGNATURE_HELP, Optional.empty(), supervisor -> supervisor.request(
                ServerSupervisor.Feature.SIGNATURE_HELP,
                server -> server.getTextDocumentService().signatureHelp(new SignatureHelpParams(document(path),
                        LspConversions.toLsp(at))),
                LspConversions::signatureHelp, Optional.empty()));
    }

    @Override
    public CompletableFuture<List<SourceLocation>> definition(Path file, TextPosition at) {
        var path = normalize(file);
        return ask(path, ServerSupervisor.Feature.DEFINITION, List.<SourceLocation>of(),
                supervisor -> supervisor.request(ServerSupervisor.Feature.DEFINITION,
                        server -> server.getTextDocumentService().definition(new DefinitionParams(document(path),
                                LspConversions.toLsp(at))),
                        supervisor.conversions()::locations, List.of()));
    }

    @Override
    public CompletableFuture<List<SourceLocation>> references(Path file, TextPosition at) {
        var path = normalize(file);
        return ask(path, ServerSupervisor.Feature.REFERENCES, List.<SourceLocation>of(),
                supervisor -> supervisor.request(ServerSupervisor.Feature.REFERENCES,
                        server -> server.getTextDocumentService().references(new ReferenceParams(document(path),
                                LspConversions.toLsp(at), new ReferenceContext(true))),
                        supervisor.conversions()::locations, List.of()));
    }

    @Override
    public CompletableFuture<Map<Path, List<TextEdit>>> rename(Path file, TextPosition at, String newName) {
        var path = normalize(file);
        return ask(path, ServerSupervisor.Feature.RENAME, Map.<Path, List<TextEdit>>of(),
                supervisor -> supervisor.request(ServerSupervisor.Feature.RENAME,
                        server -> server.getTextDocumentService().rename(new RenameParams(document(path),
                                LspConversions.toLsp(at), newName)),
                        supervisor.conversions()::workspaceEdit, Map.of()));
    }

    @Override
    public CompletableFuture<List<TextEdit>> format(Path file, int tabSize, boolean insertSpaces) {
        var path = normalize(file);
        return ask(path, ServerSupervisor.Feature.FORMATTING, List.<TextEdit>of(),
                supervisor -> supervisor.request(ServerSupervisor.Feature.FORMATTING,
                        server -> server.getTextDocumentService().formatting(new DocumentFormattingParams(
                                document(path), new FormattingOptions(tabSize, insertSpaces))),
                        LspConversions::edits, List.of()));
    }

    private <T> CompletableFuture<T> ask(Path file, ServerSupervisor.Feature feature, T empty,
                                         Function<ServerSupervisor, CompletableFuture<T>> query) {
        if (closed.get()) {
            return CompletableFuture.completedFuture(empty);
        }
        var supervisor = supervisorFor(file);
        if (supervisor.isEmpty()) {
            return CompletableFuture.completedFuture(empty);
        }
        try {
            return query.apply(supervisor.get());
        } catch (RuntimeException unexpected) {
            LOG.warn("Could not ask for {} in {}: {}", feature, file, unexpected.toString());
            return CompletableFuture.completedFuture(empty);
        }
    }

    @Override
    public void onDiagnostics(Consumer<FileDiagnostics> listener) {
        fire(() -> {
            diagnosticsListeners.add(listener);
            // A listener that comes late (the problems list opened after the editors) still sees what is known.
            lastDiagnostics.values().forEach(diagnostics -> call(listener, diagnostics));
        });
    }

    @Override
    public void onStatus(Consumer<ServerStatus> listener) {
        fire(() -> {
            statusListeners.add(listener);
            supervisors.forEach(supervisor -> supervisor.status().ifPresent(status -> call(listener, status)));
        });
    }

    private void statusChanged(ServerStatus status) {
        fire(() -> statusListeners.forEach(listener -> call(listener, status)));
    }

    private void diagnosticsPublished(FileDiagnostics diagnostics) {
        fire(() -> {
            if (diagnostics.diagnostics().isEmpty()) {
                lastDiagnostics.remove(diagnostics.file());
            } else {
                lastDiagnostics.put(diagnostics.file(), diagnostics);
            }
            diagnosticsListeners.forEach(listener -> call(listener, diagnostics));
        });
    }

    private void fire(Runnable event) {
        try {
            events.execute(event);
        } catch (RejectedExecutionException afterClose) {
            LOG.trace("Event after close dropped");
        }
    }

    private static <T> void call(Consumer<T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException failed) {
            LOG.warn("A language service listener failed on {}", value, failed);
        }
    }

    /**
     * Stops every server: a polite shutdown first, all servers at once, then whatever has not exited within the
     * shutdown timeout is killed with its whole process tree.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        var stopping = supervisors.stream().map(ServerSupervisor::stop).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stopping).get(options.shutdownTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException slow) {
            LOG.debug("Language servers did not all stop in time; killing them: {}", slow.toString());
        }
        supervisors.forEach(ServerSupervisor::kill);
        events.shutdown();
        try {
            events.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        lspThreads.shutdown();
    }

    /** The server processes now running, for tests that check nothing is left behind. */
    List<ProcessHandle> serverProcesses() {
        return supervisors.stream().flatMap(supervisor -> supervisor.process().stream()).toList();
    }

    private Optional<ServerSupervisor> supervisorFor(Path file) {
        ServerSupervisor best = null;
        var bestLength = 0;
        for (var supervisor : supervisors) {
            var extension = supervisor.config().matchingExtension(file);
            if (extension.isPresent() && extension.get().length() > bestLength) {
                best = supervisor;
                bestLength = extension.get().length();
            }
        }
        return Optional.ofNullable(best);
    }

    private static TextDocumentIdentifier document(Path file) {
        return new TextDocumentIdentifier(ServerSupervisor.uri(file));
    }

    private Path normalize(Path file) {
        return root.resolve(file).toAbsolutePath().normalize();
    }
}
