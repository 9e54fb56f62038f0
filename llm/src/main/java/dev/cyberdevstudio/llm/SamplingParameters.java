package dev.cyberdevstudio.llm;

import java.util.List;
import java.util.OptionalLong;

/**
 * How to pick tokens. Temperature 0 is greedy; a fixed seed makes sampling repeatable.
 *
 * @param maxTokens the most tokens to generate
 * @param stop      strings that end generation (not included in the text)
 */
public record SamplingParameters(double temperature, int topK, double topP, double minP, double repeatPenalty,
                                 OptionalLong seed, int maxTokens, List<String> stop) {

    public SamplingParameters {
        stop = List.copyOf(stop);
        if (temperature < 0 || topK < 0 || topP < 0 || topP > 1 || minP < 0 || minP > 1 || repeatPenalty < 0
            || maxTokens < 1) {
            throw new IllegalArgumentException("sampling parameter out of range");
        }
    }

    public static SamplingParameters defaults() {
        return new SamplingParameters(0.7, 40, 0.95, 0.05, 1.1, OptionalLong.empty(), 512, List.of());
    }

    public SamplingParameters withMaxTokens(int tokens) {
        return new SamplingParameters(temperature, topK, topP, minP, repeatPenalty, seed, tokens, stop);
    }

    public SamplingParameters withSeed(long value) {
        return new SamplingParameters(temperature, topK, topP, minP, repeatPenalty, OptionalLong.of(value), maxTokens,
            stop);
    }

    public SamplingParameters withTemperature(double value) {
        return new SamplingParameters(value, topK, topP, minP, repeatPenalty, seed, maxTokens, stop);
    }
}
