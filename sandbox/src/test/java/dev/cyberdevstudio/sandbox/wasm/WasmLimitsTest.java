package dev.cyberdevstudio.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The records a caller fills in: limits that make sense, and specs that cannot be changed behind the run's back. */
class WasmLimitsTest {

    @Test
    void defaultsCapMemoryTimeAndOutput() {
        var limits = WasmLimits.defaults();

        assertThat(limits.maxMemoryPages()).isEqualTo(1024);
        assertThat(limits.maxMemoryBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(limits.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits.maxOutputBytes()).isEqualTo(WasmLimits.DEFAULT_MAX_OUTPUT_BYTES);
        assertThat(WasmLimits.ofMebibytes(0, Duration.ofSeconds(1)).maxMemoryPages()).isEqualTo(1);
        assertThat(limits.withTimeout(Duration.ofSeconds(2)).withMaxOutputBytes(5))
            .isEqualTo(new WasmLimits(1024, Duration.ofSeconds(2), 5));
    }

    @Test
    void refusesLimitsThatMakeNoSense() {
        assertThatThrownBy(() -> new WasmLimits(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WasmLimits(65_537, Duration.ofSeconds(1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WasmLimits(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WasmLimits(1, Duration.ofSeconds(-1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WasmLimits(1, Duration.ofSeconds(1), -1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void specCopiesWhatItIsGiven() {
        var args = new ArrayList<>(List.of("a"));
        var stdin = new byte[] {1, 2};
        var spec = WasiSpec.of(Path.of("x.wasm")).withArgs(args).withEnv(Map.of("K", "V")).withStdin(stdin)
            .withMode(ExecutionMode.INTERPRETED);

        args.add("b");
        stdin[0] = 9;
        spec.stdin()[1] = 9;

        assertThat(spec.args()).containsExactly("a");
        assertThat(spec.stdin()).containsExactly(1, 2);
        assertThat(spec.env()).containsEntry("K", "V");
        assertThat(spec.preopen()).isEqualTo(Optional.empty());
        assertThat(spec.mode()).isEqualTo(ExecutionMode.INTERPRETED);
    }
}
