package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt;
import dev.cyberdevstudio.sandbox.ssh.SshRunner;
import dev.cyberdevstudio.sandbox.ssh.SshTarget;
import dev.cyberdevstudio.sandbox.wasm.WasmSandbox;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The run service over the real sandboxes: the bad inputs each end with a clear message. */
@DisabledOnOs(OS.WINDOWS)
class RunLaunchersIntegrationTest {

    @TempDir
    Path project;

    private RunService runs;

    private RunService runs() throws Exception {
        if (runs == null) {
            // The process sandbox runs as an unprivileged uid when the tests run as root: let it into the folder.
            Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwxrwxrwx"));
            int closedPort;
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            var key = Files.writeString(project.resolve("id_test"), "not a key");
            var down = new SshTarget("down", "127.0.0.1", closedPort, "nobody", key, Optional.empty(),
                    project.resolve("known_hosts"));
            HostKeyPrompt refuseUnknown = unknown -> HostKeyPrompt.Decision.REJECT;
            runs = new RunService(RunLaunchers.byKind(Map.of(
                    RunRequest.Kind.PROCESS, new ProcessRunLauncher(ProcessSandbox.detect()),
                    RunRequest.Kind.WASM, new WasmRunLauncher(new WasmSandbox()),
                    RunRequest.Kind.SSH, new SshRunLauncher(new SshRunner(Duration.ofSeconds(5)),
                            () -> List.of(down), refuseUnknown))), new InMemoryRunHistory());
        }
        return runs;
    }

    @AfterEach
    void close() {
        if (runs != null) {
            runs.close();
        }
    }

    @Test
    void runsACommandInTheProcessSandbox() throws Exception {
        var session = runs().start(RunRequest.ProcessRun.ofCommandLine("sh -c 'echo hi; echo err >&2'", project));

        assertThat(session.result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(session.output()).contains("hi\n", "err\n");
        assertThat(session.isolation().level()).isIn(Isolation.Level.ISOLATED, Isolation.Level.REDUCED);
    }

    @Test
    void aMissingBinaryFailsWithItsName() throws Exception {
        var session = runs().start(RunRequest.ProcessRun.ofCommandLine("no-such-program-4711", project));

        var result = session.result().get(30, TimeUnit.SECONDS);
        assertThat(result.outcome().describe() + session.output()).contains("no-such-program-4711");
    }

    @Test
    void aFileThatIsNotWasmFailsNamingTheFile() throws Exception {
        var fake = Files.writeString(project.resolve("fake.wasm"), "#!/bin/sh\necho not wasm\n");

        var session = runs().start(RunRequest.WasmRun.wasi(fake, List.of(), project));

        var result = session.result().get(30, TimeUnit.SECONDS);
        assertThat(result.outcome()).isInstanceOf(RunOutcome.Failed.class);
        assertThat(result.outcome().describe()).contains("fake.wasm");
    }

    @Test
    void aMissingExportFailsWithAMessage() throws Exception {
        var empty = Files.write(project.resolve("empty.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});

        var session = runs().start(RunRequest.WasmRun.ofCommandLine("empty.wasm#add 2 3", project));

        var result = session.result().get(30, TimeUnit.SECONDS);
        assertThat(result.outcome()).isInstanceOf(RunOutcome.Failed.class);
        assertThat(result.outcome().describe()).contains("add");
    }

    @Test
    void anSshHostThatIsDownFailsWithAMessage() throws Exception {
        var session = runs().start(new RunRequest.SshRun("down", "uname -a"));

        var result = session.result().get(30, TimeUnit.SECONDS);
        assertThat(result.outcome()).isInstanceOf(RunOutcome.Failed.class);
        assertThat(session.isolation().level()).isEqualTo(Isolation.Level.REMOTE);
        assertThat(runs().start(new RunRequest.SshRun("nowhere", "ls")).result().get(5, TimeUnit.SECONDS)
                .outcome().describe()).isEqualTo("There is no SSH target named nowhere; add it in the settings first.");
    }
}
