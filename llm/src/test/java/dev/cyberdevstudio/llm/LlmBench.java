package dev.cyberdevstudio.llm;

import dev.cyberdevstudio.models.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generation and prompt tokens/s, time to first token and memory of our runtime against node-llama-cpp on the same
 * generated ~210M-parameter Q8_0 model, threads and prompt, in one run. Arguments (all optional): threads (2),
 * tokens to generate (128), measured runs (3), model folder (target/test-models).
 */
public final class LlmBench {

    private static final String WORDS = "the old man said that the house was big and the water was cold so they "
        + "went to the land where people work and play with animal and mother and boy read a letter about the world ";

    private LlmBench() {
    }

    record Numbers(String runtime, int promptTokens, double ttftMs, double promptPerSecond, double generatePerSecond,
                   long rssBytes, long rssGrowthBytes) {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int generate = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = args.length > 3 ? Path.of(args[3]) : TestModels.DEFAULT_DIR;
        if (System.getProperty(LlamaRuntime.NATIVE_DIR_PROPERTY) == null) {
            System.setProperty(LlamaRuntime.NATIVE_DIR_PROPERTY, Path.of("target", "llama-native").toAbsolutePath()
                .toString());
        }
        long started = System.nanoTime();
        Path model = TestModels.benchmark(dir);
        long fileSize = Files.size(model);
        var info = dev.cyberdevstudio.models.gguf.GgufReader.read(model);
        System.out.printf("model %s: %,d parameters, %s, %,d bytes (ready in %.1f s)%n", model, info.parameterCount(),
            info.quantisation(), fileSize, (System.nanoTime() - started) / 1e9);
        String prompt = WORDS.repeat(5).strip();
        Path promptFile = Files.writeString(dir.resolve("bench-prompt.txt"), prompt);

        Numbers ours = java(model, threads, prompt, generate, runs);
        print(ours, fileSize);
        Optional<Numbers> reference = node(model, threads, promptFile, generate, runs);
        reference.ifPresent(n -> print(n, fileSize));
        reference.ifPresentOrElse(ref -> {
            System.out.printf("ratio ours/reference: generation %.2fx, prompt %.2fx, TTFT %.2fx (lower is better), "
                    + "RSS growth %.2fx%n", ours.generatePerSecond() / ref.generatePerSecond(),
                ours.promptPerSecond() / ref.promptPerSecond(), ours.ttftMs() / ref.ttftMs(),
                (double) ours.rssGrowthBytes() / ref.rssGrowthBytes());
        }, () -> System.out.println("node-llama-cpp not found: no reference numbers"));
        long budget = fileSize + 1024L * MemoryEstimate.kvBytesPerToken(info) + (400L << 20);
        System.out.printf("memory goal: RSS growth %d MB <= file + context + 400 MB = %d MB: %s%n",
            ours.rssGrowthBytes() >> 20, budget >> 20, ours.rssGrowthBytes() <= budget ? "met" : "NOT met");
        // llama.cpp's native threads keep the JVM alive after a load
        System.exit(0);
    }

    private static Numbers java(Path model, int threads, String prompt, int generate, int runs) {
        var probe = MemoryProbe.system();
        long rssBefore = probe.processResidentBytes();
        try (var runtime = LlamaRuntime.create(UsageRecorder.none(), probe)) {
            var parameters = new LoadParameters(threads, 1024, 512, 0, 1, false, Optional.empty());
            var loaded = runtime.load(model, parameters).join();
            var sampling = new SamplingParameters(0, 40, 0.95, 0.05, 1.0, OptionalLong.of(1), generate, List.of());
            var results = new ArrayList<GenerationResult>();
            for (int run = 0; run <= runs; run++) {
                var result = loaded.generate(new GenerationRequest.Completion("run" + run + " " + prompt, sampling,
                    OutputConstraint.free()), TokenListener.ignoring()).result().join();
                if (result.generatedTokens() < generate / 2) {
                    throw new IllegalStateException("generation ended early: " + result);
                }
                if (run > 0) {
                    results.add(result);
                }
            }
            long rss = probe.processResidentBytes();
            return new Numbers("java-llama.cpp 4.2.0 (llama.cpp b4916) via LlamaRuntime", results.getFirst()
                .promptTokens(), median(results, r -> r.timeToFirstToken().toNanos() / 1e6),
                median(results, r -> r.promptTokens() / (r.timeToFirstToken().toNanos() / 1e9)),
                median(results, GenerationResult::tokensPerSecond), rss, rss - rssBefore);
        }
    }

    private static Optional<Numbers> node(Path model, int threads, Path promptFile, int generate, int runs)
        throws IOException, InterruptedException {
        String tools = Optional.ofNullable(System.getenv("CYBERDEVSTUDIO_NPM_TOOLS")).orElse("../.ci/npm-tools");
        if (!Files.isDirectory(Path.of(tools, "node_modules", "node-llama-cpp"))) {
            return Optional.empty();
        }
        Path script = Path.of("src", "test", "bench", "node-bench.mjs");
        if (!Files.exists(script)) {
            script = Path.of("llm").resolve(script);
        }
        var process = new ProcessBuilder("node", script.toString(), model.toAbsolutePath().toString(),
            String.valueOf(threads), promptFile.toAbsolutePath().toString(), String.valueOf(generate),
            String.valueOf(runs)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Matcher line = Pattern.compile("BENCH_JSON (\\{.*})").matcher(output);
        if (!line.find()) {
            System.out.println("node-llama-cpp failed:\n" + output);
            return Optional.empty();
        }
        Map<?, ?> json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(line.group(1), Map.class);
        return Optional.of(new Numbers(String.valueOf(json.get("runtime")),
            ((Number) json.get("promptTokens")).intValue(), ((Number) json.get("ttftMs")).doubleValue(),
            ((Number) json.get("promptPerSecond")).doubleValue(), ((Number) json.get("generatePerSecond")).doubleValue(),
            ((Number) json.get("rssBytes")).longValue(), ((Number) json.get("rssGrowthBytes")).longValue()));
    }

    private static double median(List<GenerationResult> results, ToDoubleFunction<GenerationResult> value) {
        var sorted = results.stream().mapToDouble(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static void print(Numbers n, long fileSize) {
        System.out.printf("%-60s prompt %d tok: %7.1f tok/s | generation %6.1f tok/s | TTFT %7.1f ms | RSS %d MB "
                + "(growth %d MB, file %d MB)%n", n.runtime(), n.promptTokens(), n.promptPerSecond(),
            n.generatePerSecond(), n.ttftMs(), n.rssBytes() >> 20, n.rssGrowthBytes() >> 20, fileSize >> 20);
    }

}
