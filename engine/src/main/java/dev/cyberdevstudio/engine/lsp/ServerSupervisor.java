package dev.cyberdevstudio.engine.lsp;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one configured server running for one project: starts it on first need, sends it the open documents,
 * restarts it with growing pauses when it crashes or hangs, leaves it off after too many crashes, and stops it.
 *
 * <p>Everything that talks to the server runs in order on one virtual thread of its own, so that a server that
 * stops reading (a full pipe) blocks only that thread and never the caller: queries are answered empty by a timer
 * when the server does not answer in time, and enough unanswered queries in a row get the server killed, which
 * unblocks that thread.
 */
final class ServerSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSupervisor.class);
    // Timers fire on threads of their own, which exist even after close, so that every query still completes.
    private static final Executor TIMERS = Thread::startVirtualThread;

    /** The queries, with the capability that says whether a server offers them. */
    enum Feature {
        COMPLETION("textDocument/completion"),
        HOVER("textDocument/hover"),
        SIGNATURE_HELP("textDocument/signatureHelp"),
        DEFINITION("textDocument/definition"),
        REFERENCES("textDocument/references"),
        RENAME("textDocument/rename"),
        FORMATTING("textDocument/formatting");

        private final String method;

        Feature(String method) {
            this.method = method;
        }

        boolean offeredBy(ServerCapabilities capabilities) {
            return switch (this) {
                case COMPLETION -> capabilities.getCompletionProvider() != null;
                case HOVER -> offered(capabilities.getHoverProvider());
                case SIGNATURE_HELP -> capabilities.getSignatureHelpProvider() != null;
                case DEFINITION -> offered(capabilities.getDefinitionProvider());
                case REFERENCES -> offered(capabilities.getReferencesProvider());
                case RENAME -> offered(capabilities.getRenameProvider());
                case FORMATTING -> offered(capabilities.getDocumentFormattingProvider());
            };
        }

        private static boolean offered(Either<Boolean, ?> provider) {
            return provider != null && (provider.isRight() || Boolean.TRUE.equals(provider.getLeft()));
        }
    }

    /** A file the editor has open, as the server was last told. */
    private static final class OpenDocument {
        private final String languageId;
        private String text;
        private int version = 1;

        OpenDocument(String languageId, String text) {
            this.languageId = languageId;
            this.text = text;
        }
    }

    private final LanguageServerConfig config;
    private final Path root;
    private final LanguageServiceOptions options;
    private final CommandLocator locator;
    private final Consumer<ServerStatus> statuses;
    private final Consumer<FileDiagnostics> diagnostics;
    private final ExecutorService lspThreads;
    private final ExecutorService serial = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final Object spawnLock = new Object();
    private final Map<Path, Path> realPaths = new ConcurrentHashMap<>();
    private final Set<Path> filesWithProblems = ConcurrentHashMap.newKeySet();
    private final LspConversions conversions = new LspConversions(this::pathOf);

    // Touched only on the serial thread.
    private final Map<Path, OpenDocument> documents = new LinkedHashMap<>();
    private final Deque<Long> crashTimes = new ArrayDeque<>();
    private StudioLanguageClient client;
    private ServerCapabilities capabilities;
    private boolean restartPending;
    private boolean everStarted;

    // Written on the serial thread, read by timers and close() too.
    private volatile ServerConnection connection;
    private volatile boolean ready;
    private volatile ServerStatus status;
    private volatile boolean stopping;

    ServerSupervisor(LanguageServerConfig config, Path root, LanguageServiceOptions options, CommandLocator locator,
                     Consumer<ServerStatus> statuses, Consumer<FileDiagnostics> diagnostics,
                     ExecutorService lspThreads) {
        this.config = config;
        this.root = root;
        this.options = options;
        this.locator = locator;
        this.statuses = statuses;
        this.diagnostics = diagnostics;
        this.lspThreads = lspThreads;
    }

    LanguageServerConfig config() {
        return config;
    }

    LspConversions conversions() {
        return conversions;
    }

    /** The last status published, if the server was ever needed. */
    Optional<ServerStatus> status() {
        return Optional.ofNullable(status);
    }

    static String uri(Path file) {
        return file.toUri().toString();
    }

    void open(Path file, String languageId, String text) {
        execute(() -> {
            var known = documents.get(file);
            if (known != null) {
                change(file, known, text);
                return;
            }
            var document = new OpenDocument(languageId, text);
            documents.put(file, document);
            rememberRealPath(file);
            if (connection != null) {
                if (ready) {
                    sendOpen(connection, file, document);
                }
            } else if (status != null && status.state() == ServerStatus.State.MISSING) {
                // The user may have installed it since: look again when a file needs it.
                start();
            } else {
                running();
            }
        });
    }

    void change(Path file, String text) {
        execute(() -> {
            var document = documents.get(file);
            if (document != null) {
                change(file, document, text);
            }
        });
    }

    private void change(Path file, OpenDocument document, String text) {
        document.text = text;
        document.version++;
        if (ready && connection != null) {
            var identifier = new VersionedTextDocumentIdentifier(uri(file), document.version);
            notify(server -> server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(identifier,
                    List.of(new TextDocumentContentChangeEvent(text)))));
        }
    }

    void save(Path file) {
        execute(() -> {
            var document = documents.get(file);
            if (document != null && ready && connection != null) {
                var params = new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri(file)));
                if (wantsTextOnSave()) {
                    params.setText(document.text);
                }
                notify(server -> server.getTextDocumentService().didSave(params));
            }
        });
    }

    void close(Path file) {
        execute(() -> {
            if (documents.remove(file) != null && ready && connection != null) {
                notify(server -> server.getTextDocumentService()
                        .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri(file)))));
            }
        });
    }

    /**
     * Sends a query when the server runs and offers {@code feature}; the answer completes within the request
     * timeout, with {@code empty} when there is no server, no such feature, no answer in time, or an error.
     */
    <R, T> CompletableFuture<T> request(Feature feature, Function<LanguageServer, CompletableFuture<R>> send,
                                        Function<R, T> read, T empty) {
        var answer = new CompletableFuture<T>();
        var sent = new AtomicReference<CompletableFuture<R>>();
        var sentTo = new AtomicReference<ServerConnection>();
        CompletableFuture.delayedExecutor(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS, TIMERS)
                .execute(() -> {
                    if (answer.complete(empty)) {
                        timedOut(feature, sent.get(), sentTo.get());
                    }
                });
        var queued = execute(() -> {
            if (answer.isDone()) {
                return;
            }
            var server = running();
            if (server.isEmpty() || !offers(feature)) {
                answer.complete(empty);
                return;
            }
            var target = server.get();
            CompletableFuture<R> request;
            try {
                request = send.apply(target.server());
            } catch (RuntimeException notSent) {
                LOG.debug("Could not send {} to {}: {}", feature, config.name(), notSent.toString());
                answer.complete(empty);
                return;
            }
            sentTo.set(target);
            sent.set(request);
            request.whenComplete((result, error) -> deliver(feature, target, answer, result, error, read, empty));
            if (answer.isDone() && !request.isDone()) {
                request.cancel(true);
            }
        });
        if (!queued) {
            answer.complete(empty);
        }
        return answer;
    }

    private <R, T> void deliver(Feature feature, ServerConnection target, CompletableFuture<T> answer, R result,
                                Throwable error, Function<R, T> read, T empty) {
        if (error instanceof CancellationException || error instanceof CompletionException
                && error.getCause() instanceof CancellationException) {
            answer.complete(empty);
            return;
        }
        target.answered();
        if (error != null) {
            LOG.debug("{} answered {} with an error: {}", config.name(), feature, error.toString());
            answer.complete(empty);
            return;
        }
        try {
            answer.complete(result == null ? empty : read.apply(result));
        } catch (RuntimeException unreadable) {
            LOG.warn("Could not read {}'s answer to {}: {}", config.name(), feature, unreadable.toString());
            answer.complete(empty);
        }
    }

    private void timedOut(Feature feature, CompletableFuture<?> request, ServerConnection sentTo) {
        var target = sentTo;
        if (request != null) {
            // lsp4j sends $/cancelRequest for a cancelled request, so the server can drop the work.
            request.cancel(true);
        } else if (ready) {
            // Not even sent: the queue is stuck writing to a server that no longer reads its input.
            target = connection;
        }
        if (target == null) {
            return;
        }
        var inARow = target.timedOut();
        LOG.debug("{} did not answer {} within {} ({} in a row)", config.name(), feature,
                describe(options.requestTimeout()), inARow);
        if (inARow >= options.timeoutsBeforeRestart()) {
            target.fail("did not answer " + inARow + " requests in a row within "
                    + describe(options.requestTimeout()) + " each");
        }
    }

    private boolean offers(Feature feature) {
        return capabilities != null && feature.offeredBy(capabilities)
                || client != null && client.registered(feature.method);
    }

    private boolean wantsTextOnSave() {
        var sync = capabilities == null ? null : capabilities.getTextDocumentSync();
        if (sync == null || !sync.isRight() || sync.getRight().getSave() == null) {
            return false;
        }
        var save = sync.getRight().getSave();
        return save.isRight() && Boolean.TRUE.equals(save.getRight().getIncludeText());
    }

    /** The running, initialized server, starting it when it is not running and may be started. */
    private Optional<ServerConnection> running() {
        if (connection == null && !stopping && !restartPending && status != null
                && (status.state() == ServerStatus.State.MISSING || status.state() == ServerStatus.State.FAILED)) {
            return Optional.empty();
        }
        if (connection == null && !stopping && !restartPending) {
            start();
        }
        var current = connection;
        return current != null && ready ? Optional.of(current) : Optional.empty();
    }

    private void start() {
        var program = locator.locate(config.command().getFirst());
        if (program.isEmpty()) {
            publish(ServerStatus.State.MISSING, missingMessage());
            return;
        }
        var command = new ArrayList<>(config.command());
        command.set(0, program.get().toString());
        if (!everStarted) {
            publish(ServerStatus.State.STARTING, "Starting " + config.name() + "…");
        }
        everStarted = true;
        var newClient = new StudioLanguageClient(config.name(), Handshake.workspaceFolder(root), this::published);
        ServerConnection started;
        synchronized (spawnLock) {
            if (stopping) {
                return;
            }
            try {
                started = ServerConnection.start(config.name(), command, root, newClient, lspThreads);
            } catch (IOException | RuntimeException cannotRun) {
                LOG.warn("Cannot start language server {} ({}): {}", config.name(), command, cannotRun.toString());
                publish(ServerStatus.State.FAILED, config.name() + " could not be started: "
                        + Objects.requireNonNullElse(cannotRun.getMessage(), cannotRun.getClass().getSimpleName()));
                return;
            }
            connection = started;
        }
        client = newClient;
        capabilities = null;
        ready = false;
        started.ended().thenAccept(reason -> execute(() -> ended(started, reason)));
        initialize(started);
    }

    private void initialize(ServerConnection started) {
        try {
            var initializing = started.server().initialize(Handshake.initializeParams(root));
            CompletableFuture.anyOf(initializing, started.ended())
                    .get(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!initializing.isDone() || started.ended().isDone()) {
                return;
            }
            var result = initializing.join();
            capabilities = result == null || result.getCapabilities() == null ? new ServerCapabilities()
                    : result.getCapabilities();
            // Before `initialized`: whatever the server started while starting up exists now, and a server that
            // crashes on the next message would leave its children to the system unknown.
            started.noteDescendants();
            started.server().initialized(new InitializedParams());
            ready = true;
            publish(ServerStatus.State.RUNNING, config.name() + " is running");
            documents.forEach((file, document) -> sendOpen(started, file, document));
        } catch (TimeoutException silent) {
            started.fail("did not answer initialize within " + describe(options.startTimeout()));
        } catch (ExecutionException refused) {
            started.fail("refused to start: " + message(refused.getCause()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            started.fail("was interrupted while starting");
        } catch (RuntimeException broken) {
            started.fail("could not be talked to: " + message(broken));
        }
    }

    private void sendOpen(ServerConnection target, Path file, OpenDocument document) {
        var item = new TextDocumentItem(uri(file), document.languageId, document.version, document.text);
        try {
            target.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(item));
        } catch (RuntimeException notSent) {
            LOG.debug("Could not tell {} about {}: {}", config.name(), file, notSent.toString());
        }
    }

    private void notify(Consumer<LanguageServer> notification) {
        var target = connection;
        try {
            notification.accept(target.server());
        } catch (RuntimeException notSent) {
            // A broken pipe: the connection's end is reported and handled on its own.
            LOG.debug("Could not notify {}: {}", config.name(), notSent.toString());
        }
    }

    private void ended(ServerConnection which, String reason) {
        if (which != connection) {
            return;
        }
        connection = null;
        client = null;
        capabilities = null;
        ready = false;
        if (stopping) {
            return;
        }
        var now = System.nanoTime();
        crashTimes.addLast(now);
        while (now - crashTimes.getFirst() > options.crashWindow().toNanos()) {
            crashTimes.removeFirst();
        }
        if (crashTimes.size() >= options.crashLimit()) {
            publish(ServerStatus.State.FAILED, config.name() + " " + reason + "; it stopped " + crashTimes.size()
                    + " times within " + describe(options.crashWindow())
                    + ", so it stays off until the project is opened again");
            clearProblems();
            return;
        }
        var delay = options.restartDelay(crashTimes.size());
        publish(ServerStatus.State.RESTARTING, config.name() + " " + reason + "; restarting it");
        restartPending = true;
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, TIMERS)
                .execute(() -> execute(this::restart));
    }

    private void restart() {
        restartPending = false;
        if (!stopping && connection == null) {
            start();
        }
    }

    private void published(PublishDiagnosticsParams params) {
        if (params == null || params.getUri() == null) {
            return;
        }
        pathOf(params.getUri()).ifPresent(file -> {
            var problems = params.getDiagnostics() == null ? List.<Diagnostic>of() : params.getDiagnostics().stream()
                    .filter(diagnostic -> diagnostic != null && diagnostic.getRange() != null)
                    .map(LspConversions::diagnostic).toList();
            if (problems.isEmpty()) {
                filesWithProblems.remove(file);
            } else {
                filesWithProblems.add(file);
            }
            diagnostics.accept(new FileDiagnostics(file, problems));
        });
    }

    private void clearProblems() {
        for (var file : List.copyOf(filesWithProblems)) {
            filesWithProblems.remove(file);
            diagnostics.accept(new FileDiagnostics(file, List.of()));
        }
    }

    /** The file a server's URI names, as the editor opened it (servers may answer with the resolved path). */
    Optional<Path> pathOf(String uri) {
        try {
            var parsed = URI.create(uri);
            if (!"file".equalsIgnoreCase(parsed.getScheme())) {
                return Optional.empty();
            }
            var path = Path.of(parsed).toAbsolutePath().normalize();
            return Optional.of(realPaths.getOrDefault(path, path));
        } catch (IllegalArgumentException | FileSystemNotFoundException | SecurityException notAFile) {
            LOG.debug("{} named a location that is not a file here: {}", config.name(), uri);
            return Optional.empty();
        }
    }

    private void rememberRealPath(Path file) {
        try {
            var real = file.toRealPath();
            if (!real.equals(file)) {
                realPaths.put(real, file);
            }
        } catch (IOException | SecurityException notOnDisk) {
            LOG.trace("{} has no real path yet: {}", file, notOnDisk.toString());
        }
    }

    private void publish(ServerStatus.State state, String message) {
        var next = new ServerStatus(config.name(), state, message);
        if (!next.equals(status)) {
            status = next;
            statuses.accept(next);
        }
    }

    private String missingMessage() {
        var program = config.command().getFirst();
        var hint = config.installHint().isBlank() ? "" : "; install it with: " + config.installHint();
        var where = program.contains("/") || program.contains(File.separator)
                ? " does not exist or cannot be run" : " was not found on PATH";
        return config.name() + " is not installed (" + program + where + ")" + hint;
    }

    /**
     * Asks the server to shut down, in turn after what is already queued; completes when it has stopped or the
     * queue is gone.
     */
    CompletableFuture<Void> stop() {
        stopping = true;
        var done = new CompletableFuture<Void>();
        var queued = execute(() -> {
            try {
                var current = connection;
                connection = null;
                ready = false;
                if (current != null) {
                    current.stop(options.shutdownTimeout());
                }
                if (everStarted && status != null && status.state() != ServerStatus.State.MISSING
                        && status.state() != ServerStatus.State.FAILED) {
                    publish(ServerStatus.State.STOPPED, config.name() + " stopped");
                }
            } finally {
                done.complete(null);
            }
        });
        if (!queued) {
            done.complete(null);
        }
        return done;
    }

    /** Kills the server's process tree now, whatever it is doing, and stops taking work. */
    void kill() {
        stopping = true;
        synchronized (spawnLock) {
            var current = connection;
            if (current != null) {
                current.kill();
            }
        }
        serial.shutdownNow();
    }

    /** The server process now running, for tests that check nothing is left behind. */
    Optional<ProcessHandle> process() {
        var current = connection;
        return current == null ? Optional.empty() : ProcessHandle.of(current.pid());
    }

    private boolean execute(Runnable task) {
        try {
            serial.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException unexpected) {
                    LOG.error("Language server {}: unexpected failure", config.name(), unexpected);
                }
            });
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    private static String describe(Duration duration) {
        var millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String message(Throwable failure) {
        return failure == null ? "no reason given"
                : Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName());
    }
}
