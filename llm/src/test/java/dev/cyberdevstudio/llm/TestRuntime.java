package dev.cyberdevstudio.llm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared set-up for tests of the real runtime: the native library goes under target, not /tmp. */
final class TestRuntime {

    static final Path MODELS = Path.of("target", "test-models");

    static {
        System.setProperty(LlamaRuntime.NATIVE_DIR_PROPERTY, Path.of("target", "llama-native").toAbsolutePath()
            .toString());
    }

    private TestRuntime() {
    }

    /** One thread, small contexts: eight people share two cores. */
    static LoadParameters parameters(int slots) {
        return new LoadParameters(1, 512, 128, 0, slots, false, Optional.empty());
    }

    static LoadParameters embeddingParameters() {
        return new LoadParameters(1, 256, 128, 0, 1, true, Optional.empty());
    }

    static LoadParameters idleParameters(Duration idle) {
        return new LoadParameters(1, 256, 128, 0, 1, false, Optional.of(idle));
    }

    static SamplingParameters greedy(int maxTokens) {
        return new SamplingParameters(0, 40, 0.95, 0.05, 1.0, OptionalLong.of(1), maxTokens, List.of());
    }

    static SamplingParameters sampled(long seed, int maxTokens) {
        return new SamplingParameters(1.0, 0, 1.0, 0.0, 1.1, OptionalLong.of(seed), maxTokens, List.of());
    }

    static final class Recorder implements UsageRecorder {
        final List<UsageRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void record(UsageRecord usage) {
            records.add(usage);
        }
    }
}
