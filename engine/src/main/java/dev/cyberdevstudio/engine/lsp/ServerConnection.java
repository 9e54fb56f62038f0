package dev.cyberdevstudio.engine.lsp;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server process and the lsp4j connection over its stdin and stdout.
 *
 * <p>It ends exactly once, for the first reason found: the process exited, its output closed, it wrote something
 * that is not LSP, or the supervisor gave up on it ({@link #fail}). Whatever the reason, the whole process tree is
 * killed, and {@link #ended()} completes with the reason once the process is gone.
 */
final class ServerConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);
    private static final Duration EXIT_AFTER_OUTPUT_CLOSED = Duration.ofSeconds(1);
    private static final Duration DESCENDANTS_LOOK = Duration.ofSeconds(2);
    private static final Set<String> CLIENT_METHODS =
            Set.copyOf(ServiceEndpoints.getSupportedMethods(LanguageClient.class).keySet());
    private static final String CANCEL_REQUEST = "$/cancelRequest";
    private static final String IGNORED_METHOD = "$/cyberdevstudio/notJson";

    private final String serverName;
    private final Process process;
    private final LanguageServer server;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicInteger timeoutsInARow = new AtomicInteger();
    private final Set<ProcessHandle> knownDescendants = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<String> ended;
    private volatile boolean stopping;

    private ServerConnection(String serverName, Process process, LanguageClient client, ExecutorService executor) {
        this.serverName = serverName;
        this.process = process;
        var input = new FramingGuard(process.getInputStream(), this::fail);
        var launcher = new GuardedLauncherBuilder().setLocalService(client).setRemoteInterface(LanguageServer.class)
                .setInput(input).setOutput(process.getOutputStream()).setExecutorService(executor)
                .wrapMessages(this::dropUnknownNotifications).create();
        this.server = launcher.getRemoteProxy();
        this.ended = process.onExit().thenApply(exited -> {
            // A server that crashed leaves its children to the system: they are still known from before.
            knownDescendants.forEach(ProcessHandle::destroyForcibly);
            var reason = failure.get();
            return reason != null ? reason : "exited with code " + exited.exitValue();
        });
        var listening = launcher.startListening();
        // lsp4j reads until the output closes; a server that closes it but lives on can no longer answer anything.
        Thread.ofVirtual().name("lsp-output-" + serverName).start(() -> awaitOutputEnd(listening));
        Thread.ofVirtual().name("lsp-stderr-" + serverName).start(this::drainErrors);
        Thread.ofVirtual().name("lsp-children-" + serverName).start(this::watchDescendants);
    }

    /**
     * Starts {@code command} in {@code folder} with the studio's own environment.
     *
     * @throws IOException when the program cannot be run at all
     */
    static ServerConnection start(String serverName, List<String> command, Path folder, LanguageClient client,
                                  ExecutorService executor) throws IOException {
        var process = new ProcessBuilder(command).directory(folder.toFile()).start();
        try {
            return new ServerConnection(serverName, process, client, executor);
        } catch (RuntimeException unexpected) {
            process.destroyForcibly();
            throw unexpected;
        }
    }

    LanguageServer server() {
        return server;
    }

    /** Completes with why the server stopped, once its process has exited. */
    CompletableFuture<String> ended() {
        return ended;
    }

    boolean alive() {
        return process.isAlive() && failure.get() == null;
    }

    long pid() {
        return process.pid();
    }

    /** Gives up on the server for {@code reason} (the first reason given wins) and kills its process tree. */
    void fail(String reason) {
        if (failure.compareAndSet(null, reason) && !stopping) {
            LOG.warn("Language server {} {}; stopping it", serverName, reason);
        }
        killTree(List.of());
    }

    /** A request went unanswered; returns how many have in a row. */
    int timedOut() {
        return timeoutsInARow.incrementAndGet();
    }

    /** The server answered something: it is not hanging. */
    void answered() {
        timeoutsInARow.set(0);
    }

    /**
     * Asks the server to shut down and exit, waits at most {@code patience} for it, then kills what is left of its
     * process tree (children that outlived it included).
     */
    void stop(Duration patience) {
        stopping = true;
        var children = process.descendants().toList();
        var deadline = System.nanoTime() + patience.toNanos();
        try {
            if (alive()) {
                server.shutdown().get(patience.toMillis() / 2, TimeUnit.MILLISECONDS);
                server.exit();
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception notAnswering) {
            // Shutting down is a courtesy: what does not go well is killed below.
            LOG.debug("Language server {} did not shut down cleanly: {}", serverName, notAnswering.toString());
        }
        failure.compareAndSet(null, "was stopped");
        killTree(children);
    }

    /** Kills the process and every process below it, now. */
    void kill() {
        stopping = true;
        failure.compareAndSet(null, "was stopped");
        killTree(List.of());
    }

    /** Remembers the processes the server has started so far, to kill them even after the server is gone. */
    void noteDescendants() {
        process.descendants().forEach(knownDescendants::add);
    }

    private void watchDescendants() {
        try {
            do {
                noteDescendants();
            } while (!process.waitFor(DESCENDANTS_LOOK.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void killTree(List<ProcessHandle> knownChildren) {
        var tree = new ArrayList<>(knownChildren);
        tree.addAll(knownDescendants);
        // Children first: once the parent is gone, its children move to another parent and out of its tree.
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Servers send notifications of their own ({@code pyright/beginProgress}); lsp4j would log a warning for each one
     * it cannot dispatch. Only the incoming side is filtered: that is the consumer lsp4j's endpoint is.
     */
    private MessageConsumer dropUnknownNotifications(MessageConsumer consumer) {
        if (!(consumer instanceof RemoteEndpoint)) {
            return consumer;
        }
        return message -> {
            if (message instanceof NotificationMessage notification
                    && !CLIENT_METHODS.contains(notification.getMethod())
                    && !CANCEL_REQUEST.equals(notification.getMethod())) {
                LOG.trace("[{}] ignoring notification {}", serverName, notification.getMethod());
                return;
            }
            consumer.consume(message);
        };
    }

    /**
     * lsp4j's launcher, except that a message body that is not JSON counts as garbage: lsp4j would log it and read on,
     * waiting for an answer that will not come.
     */
    private final class GuardedLauncherBuilder extends LSPLauncher.Builder<LanguageServer> {

        @Override
        protected MessageJsonHandler createJsonHandler() {
            Consumer<GsonBuilder> gson = configureGson != null ? configureGson : builder -> { };
            return new MessageJsonHandler(getSupportedMethods(), gson) {

                @Override
                public Message parseMessage(CharSequence input) {
                    try {
                        return super.parseMessage(input);
                    } catch (JsonParseException notJson) {
                        return garbage(input.toString());
                    }
                }

                @Override
                public Message parseMessage(Reader input) {
                    // The body is already in memory (lsp4j read Content-Length bytes); kept to show it if it is bad.
                    String body;
                    try {
                        var text = new StringWriter();
                        input.transferTo(text);
                        body = text.toString();
                    } catch (IOException unreadable) {
                        return garbage("");
                    }
                    try {
                        return super.parseMessage(new StringReader(body));
                    } catch (JsonParseException notJson) {
                        return garbage(body);
                    }
                }
            };
        }

        /** Kills the server and hands lsp4j a notification nobody handles, which it drops without a word. */
        private Message garbage(String body) {
            var shown = body.length() > 60 ? body.substring(0, 60) + "…" : body;
            fail("sent a message that is not JSON: \"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"");
            var ignored = new NotificationMessage();
            ignored.setMethod(IGNORED_METHOD);
            return ignored;
        }
    }

    private void awaitOutputEnd(Future<Void> listening) {
        try {
            listening.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception readFailed) {
            LOG.debug("Reading from language server {} failed: {}", serverName, readFailed.toString());
        }
        try {
            if (!process.waitFor(EXIT_AFTER_OUTPUT_CLOSED.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("closed its output");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainErrors() {
        try (var errors = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (var line = errors.readLine(); line != null; line = errors.readLine()) {
                LOG.debug("[{} stderr] {}", serverName, line);
            }
        } catch (IOException | UncheckedIOException closed) {
            LOG.trace("stderr of {} closed: {}", serverName, closed.toString());
        }
    }
}
