package dev.cyberdevstudio.sandbox.ssh;

import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One command on a remote host: connects, runs, streams both outputs, and ends with one outcome. */
final class RemoteRun implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteRun.class);
    private static final String KILLED_BY_USER = "stopped by the user";

    private final SshConnector connector;
    private final SshTarget target;
    private final String command;
    private final OutputListener listener;
    private final HostKeyPrompt prompt;
    private final Isolation isolation;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final AtomicBoolean listenerFailed = new AtomicBoolean();
    private final Cancellation cancellation = new Cancellation();
    private final AtomicReference<Session.Command> running = new AtomicReference<>();

    RemoteRun(SshConnector connector, SshTarget target, String command, OutputListener listener,
              HostKeyPrompt prompt) {
        this.connector = connector;
        this.target = target;
        this.command = command;
        this.listener = listener;
        this.prompt = prompt;
        this.isolation = Isolation.remote("runs as " + target.address() + " over SSH");
    }

    void start() {
        Thread.ofVirtual().name("ssh-run " + target.address()).start(this::run);
    }

    @Override
    public String description() {
        return target.address() + ": " + command;
    }

    @Override
    public Isolation isolation() {
        return isolation;
    }

    @Override
    public CompletableFuture<RunResult> result() {
        return result;
    }

    @Override
    public void kill() {
        if (result.isDone() || !killed.compareAndSet(false, true)) {
            return;
        }
        // Off the caller's thread: closing waits for the server's reply and the caller may be the UI.
        Thread.ofVirtual().name("ssh-kill " + target.address()).start(this::stopRemote);
    }

    // The signal reaches the command where the server supports it (OpenSSH signals the command's process group);
    // closing the connection then ends everything the studio holds at once, even on a server that ignores signals.
    // The channel is not closed on its own first: that waits for the server's answer, which may never come.
    private void stopRemote() {
        var command = running.get();
        if (command != null) {
            try {
                command.signal(Signal.KILL);
            } catch (IOException | RuntimeException unsupported) {
                LOG.debug("Could not signal {}: {}", description(), unsupported.toString());
            }
        }
        cancellation.cancel();
    }

    private void run() {
        var started = System.nanoTime();
        RunOutcome outcome;
        try {
            outcome = execute();
        } catch (SandboxException failed) {
            outcome = new RunOutcome.Failed(failed.getMessage());
        } catch (IOException | RuntimeException failed) {
            outcome = new RunOutcome.Failed("the SSH connection to " + target.hostAndPort() + " broke: "
                    + SshConnector.reason(failed));
        } finally {
            cancellation.cancel();
        }
        if (killed.get()) {
            outcome = new RunOutcome.Killed(KILLED_BY_USER);
        }
        LOG.info("{} {}", description(), outcome.describe());
        result.complete(new RunResult(outcome, Duration.ofNanos(System.nanoTime() - started), OptionalLong.empty(),
                false));
    }

    private RunOutcome execute() throws IOException {
        var connection = connector.open(target, prompt, cancellation);
        try (var session = connection.startSession()) {
            var remote = session.exec(command);
            running.set(remote);
            if (killed.get()) {
                stopRemote();
            }
            var stdout = pump(remote.getInputStream(), OutputChannel.STDOUT);
            var stderr = pump(remote.getErrorStream(), OutputChannel.STDERR);
            join(stdout);
            join(stderr);
            if (killed.get()) {
                return new RunOutcome.Killed(KILLED_BY_USER);
            }
            // The exit status comes just before the channel closes; wait for the close, not for the streams.
            remote.join(connector.timeout().toMillis(), TimeUnit.MILLISECONDS);
            var status = remote.getExitStatus();
            if (status != null) {
                return new RunOutcome.Exited(status);
            }
            var signal = remote.getExitSignal();
            if (signal != null) {
                return new RunOutcome.Failed("the remote command was ended by the signal " + signal.name());
            }
            return new RunOutcome.Failed("the connection to " + target.hostAndPort()
                    + " ended before the command reported its exit status");
        }
    }

    private Thread pump(InputStream stream, OutputChannel channel) {
        return Thread.ofVirtual().name("ssh-" + channel.name().toLowerCase(Locale.ROOT)).start(() -> {
            // InputStreamReader hands over what has arrived (it stops when the channel has nothing ready), so output
            // streams as the command writes it, and a character split between two packets is decoded whole.
            try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                var buffer = new char[8192];
                int read;
                while ((read = reader.read(buffer)) >= 0) {
                    deliver(new OutputChunk(channel, new String(buffer, 0, read)));
                }
            } catch (IOException broken) {
                LOG.debug("{} of {} ended: {}", channel, description(), broken.toString());
            }
        });
    }

    private void deliver(OutputChunk chunk) {
        try {
            listener.onOutput(chunk);
        } catch (RuntimeException failing) {
            if (listenerFailed.compareAndSet(false, true)) {
                LOG.warn("An output listener of {} failed; the chunks it fails on are skipped", description(),
                        failing);
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
