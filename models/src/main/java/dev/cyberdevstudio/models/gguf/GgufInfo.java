package dev.cyberdevstudio.models.gguf;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a GGUF file's header says about the model in it, read without loading the weights.
 *
 * @param architecture   {@code general.architecture}, e.g. "llama", "qwen2"
 * @param name           {@code general.name} when present, else the file name without extension
 * @param parameterCount the sum of all tensors' element counts
 * @param quantisation   the dominant tensor type or {@code general.file_type}, e.g. "Q8_0", "Q4_K_M", "F16"
 * @param contextLength  {@code <arch>.context_length}, the context the model was trained for
 * @param embeddingLength {@code <arch>.embedding_length}
 * @param layerCount     {@code <arch>.block_count}
 * @param tokenizerModel {@code tokenizer.ggml.model}, e.g. "llama" (SentencePiece) or "gpt2" (BPE)
 * @param vocabularySize the number of entries in {@code tokenizer.ggml.tokens}
 * @param chatTemplate   {@code tokenizer.chat_template} when the model ships one
 * @param hasFillInMiddle whether the vocabulary marks prefix/suffix/middle tokens, so infill works
 */
public record GgufInfo(Path file, long fileSize, int ggufVersion, String architecture, String name,
                       long parameterCount, String quantisation, long contextLength, long embeddingLength,
                       long layerCount, String tokenizerModel, int vocabularySize, Optional<String> chatTemplate,
                       boolean hasFillInMiddle) {

    public GgufInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quantisation, "quantisation");
        Objects.requireNonNull(tokenizerModel, "tokenizerModel");
        Objects.requireNonNull(chatTemplate, "chatTemplate");
    }
}
