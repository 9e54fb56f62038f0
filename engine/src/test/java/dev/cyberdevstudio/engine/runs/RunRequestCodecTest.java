package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunRequestCodecTest {

    @Test
    void readsBackEveryKindOfRequest() {
        var limits = new RunLimits(Duration.ofSeconds(5), Duration.ofSeconds(3), 1 << 20, 7, 4096);
        List<RunRequest> requests = List.of(
                new RunRequest.ProcessRun(List.of("sh", "-c", "echo 'quoted' \"and\" \\ back"), Path.of("/p"),
                        Path.of("/p/src"), Map.of("TOKEN", "x=y", "MODE", "ci"), true, limits),
                new RunRequest.WasmRun(Path.of("/p/a.wasm"), Optional.of("add"), List.of("1", "2"), Optional.empty(),
                        limits),
                RunRequest.WasmRun.wasi(Path.of("/p/b.wasm"), List.of("--verbose"), Path.of("/p")),
                new RunRequest.SshRun("build-box", "uname -a"));

        for (var request : requests) {
            assertThat(RunRequestCodec.read(RunRequestCodec.write(request))).as(request.describe()).contains(request);
        }
    }

    @Test
    void fallsBackToDefaultLimitsWhenNoneWereStored() {
        var json = "{\"kind\":\"WASM\",\"module\":\"/m.wasm\",\"args\":[]}";

        assertThat(RunRequestCodec.read(json)).contains(new RunRequest.WasmRun(Path.of("/m.wasm"), Optional.empty(),
                List.of(), Optional.empty(), RunLimits.defaults()));
    }

    @Test
    void aRequestItCannotReadIsEmpty() {
        for (var json : List.of("not json", "{\"kind\":\"QUANTUM\"}", "{\"kind\":\"SSH\",\"target\":\"t\"}",
                "{\"kind\":\"PROCESS\",\"command\":[],\"projectRoot\":\"/\",\"workingFolder\":\"/\"}", "{}")) {
            assertThat(RunRequestCodec.read(json)).as(json).isEmpty();
        }
    }
}
