package dev.cyberdevstudio.sandbox.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * The in-process server's exec: runs the command with /bin/sh as sshd does, copies its output to the channel as it
 * comes, reports the exit status, and on a KILL or TERM signal or a closed channel kills the command and everything
 * it started (MINA's own process shell would only stop /bin/sh and leave a child like {@code sleep} running).
 */
final class ProcessCommand implements Command {

    private final String command;
    private final Consumer<Signal> signals;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    ProcessCommand(String command, Consumer<Signal> signals) {
        this.command = command;
        this.signals = signals;
    }

    @Override
    public void setInputStream(InputStream in) {
        // The studio sends no input; the command's own standard input is closed at start.
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) throws IOException {
        environment.addSignalListener((ignored, signal) -> {
            signals.accept(signal);
            if (signal == Signal.KILL || signal == Signal.TERM) {
                killTree();
            }
        });
        process = new ProcessBuilder(List.of("/bin/sh", "-c", command)).start();
        process.getOutputStream().close();
        var stdout = copy(process.getInputStream(), out);
        var stderr = copy(process.getErrorStream(), err);
        Thread.ofVirtual().start(() -> {
            try {
                var code = process.waitFor();
                stdout.join();
                stderr.join();
                exit.onExit(code);
            } catch (InterruptedException interrupted) {
                exit.onExit(255, "interrupted");
            }
        });
    }

    private static Thread copy(InputStream from, OutputStream to) {
        return Thread.ofVirtual().start(() -> {
            var buffer = new byte[8192];
            try (from) {
                int read;
                while ((read = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, read);
                    to.flush();
                }
            } catch (IOException closed) {
                // The channel went away; the process is being killed.
            }
        });
    }

    @Override
    public void destroy(ChannelSession channel) {
        killTree();
    }

    private void killTree() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
