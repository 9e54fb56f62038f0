package dev.cyberdevstudio.models.gguf;

import dev.cyberdevstudio.models.ModelsException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a GGUF file's header (metadata and tensor table) without loading weights, and checks it against what the
 * bundled llama.cpp can run. Every failure is a {@link ModelsException} naming the file and the cause: not GGUF (with
 * the magic seen), an unsupported version, truncated or corrupt (with the byte offset). Lengths read from the file are
 * checked against its size before anything is allocated, so a corrupt header cannot make the reader allocate
 * gigabytes.
 *
 * <pre>{@code
 * GgufInfo info = GgufReader.read(file);      // header only, milliseconds
 * GgufReader.checkSupported(info);           // throws when llama.cpp b4916 cannot run it
 * }</pre>
 */
public final class GgufReader {

    /** Architectures known to the llama.cpp build bundled with java-llama.cpp 4.2.0 (b4916, March 2025). */
    public static final Set<String> SUPPORTED_ARCHITECTURES = Set.of("llama", "deci", "falcon", "grok", "gpt2", "gptj",
        "gptneox", "mpt", "baichuan", "starcoder", "refact", "bert", "nomic-bert", "jina-bert-v2", "bloom", "stablelm",
        "qwen", "qwen2", "qwen2moe", "qwen2vl", "phi2", "phi3", "phimoe", "plamo", "codeshell", "orion", "internlm2",
        "minicpm", "minicpm3", "gemma", "gemma2", "gemma3", "starcoder2", "mamba", "xverse", "command-r", "cohere2",
        "dbrx", "olmo", "olmo2", "olmoe", "openelm", "arctic", "deepseek", "deepseek2", "chatglm", "bitnet", "t5",
        "t5encoder", "jais", "nemotron", "exaone", "rwkv6", "rwkv6qwen2", "rwkv7", "arwkv7", "granite",
        "granitemoe", "chameleon", "wavtokenizer-dec", "plm");

    /** Versions 1 used 32-bit lengths; llama.cpp reads only 2 and 3. */
    private static final Set<Integer> SUPPORTED_VERSIONS = Set.of(2, 3);

    /** Longest single string accepted in a header (chat templates run to some kilobytes). */
    private static final long MAX_STRING = 16L << 20;
    private static final int MAX_DIMENSIONS = 4;

    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    /** Byte sizes of the scalar value types 0..12 (8 and 9, string and array, are variable). */
    private static final int[] SCALAR_SIZE = {1, 1, 2, 2, 4, 4, 4, 1, -1, -1, 8, 8, 8};

    private static final Set<String> FIM_KEYS = Set.of("tokenizer.ggml.fim_pre_token_id",
        "tokenizer.ggml.prefix_token_id");
    private static final Set<String> FIM_TOKENS = Set.of("<|fim_prefix|>", "<fim-prefix>", "<fim_prefix>", "<PRE>",
        "▁<PRE>", "<|fim▁begin|>");

    private GgufReader() {
    }

    /** Reads the header of a GGUF file. */
    public static GgufInfo read(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelsException(file + " does not exist");
        } catch (IOException e) {
            throw new ModelsException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(file)) {
            throw new ModelsException(file + " is a folder, not a GGUF file");
        }
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Parser(file, channel, size).parse();
        } catch (EOFException e) {
            throw new ModelsException(file + " is truncated: " + e.getMessage() + " (the file has " + size
                + " bytes); download it again", e);
        } catch (IOException e) {
            throw new ModelsException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Throws when the bundled llama.cpp cannot run a model of this architecture. */
    public static void checkSupported(GgufInfo info) {
        if (!SUPPORTED_ARCHITECTURES.contains(info.architecture())) {
            throw new ModelsException(info.file() + " uses the architecture '" + info.architecture()
                + "', which the bundled llama.cpp (b4916) does not support; supported are e.g. llama, qwen2, gemma2, "
                + "phi3, mistral-style llama, starcoder2, deepseek2");
        }
    }

    /** Reads and checks in one go. */
    public static GgufInfo readSupported(Path file) {
        var info = read(file);
        checkSupported(info);
        return info;
    }

    /** A cursor over the file with a small buffer; every read is bounded by the file's size. */
    private static final class Parser {

        private final Path file;
        private final FileChannel channel;
        private final long size;
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        private long bufferStart;
        private final Map<String, Object> metadata = new HashMap<>();
        private int vocabularySize;
        private boolean fimTokenSeen;

        Parser(Path file, FileChannel channel, long size) {
            this.file = file;
            this.channel = channel;
            this.size = size;
            buffer.limit(0);
        }

        GgufInfo parse() throws IOException {
            if (size < 4) {
                throw new ModelsException(file + " is not a GGUF file: it has only " + size + " bytes");
            }
            byte[] magic = bytes(4);
            if (!"GGUF".equals(new String(magic, StandardCharsets.ISO_8859_1))) {
                throw new ModelsException(file + " is not a GGUF file: it starts with " + describeMagic(magic));
            }
            int version = (int) u32();
            if (!SUPPORTED_VERSIONS.contains(version)) {
                throw new ModelsException(file + " is GGUF version " + version + ", which is not supported (only "
                    + "versions 2 and 3 are)");
            }
            long tensorCount = u64();
            long kvCount = u64();
            // every entry takes at least a few bytes, so a count beyond the file's size is corruption, not a model
            if (tensorCount < 0 || tensorCount > size / 24 || kvCount < 0 || kvCount > size / 12) {
                throw corrupt("implausible counts (" + tensorCount + " tensors, " + kvCount + " metadata entries)");
            }
            for (long i = 0; i < kvCount; i++) {
                String key = string();
                long type = u32();
                readValue(key, type);
            }
            long parameters = 0;
            long maxDataEnd = 0;
            Map<Integer, Long> elementsByType = new HashMap<>();
            for (long i = 0; i < tensorCount; i++) {
                long at = position();
                String name = string();
                long dims = u32();
                if (dims < 1 || dims > MAX_DIMENSIONS) {
                    throw corrupt("tensor '" + name + "' at offset " + at + " has " + dims + " dimensions");
                }
                long elements = 1;
                for (int d = 0; d < dims; d++) {
                    long extent = u64();
                    if (extent < 1 || extent > size * 8) {
                        throw corrupt("tensor '" + name + "' has an implausible dimension " + extent);
                    }
                    elements = Math.multiplyExact(elements, extent);
                }
                int type = (int) u32();
                long offset = u64();
                var layout = TensorType.of(type).orElseThrow(() -> corrupt("tensor '" + name
                    + "' has the unknown type " + type));
                long bytes = layout.bytes(elements);
                parameters += elements;
                elementsByType.merge(type, elements, Long::sum);
                maxDataEnd = Math.max(maxDataEnd, offset + bytes);
            }
            long alignment = metadata.get("general.alignment") instanceof Long a && a > 0 ? a : 32;
            long dataStart = (position() + alignment - 1) / alignment * alignment;
            if (dataStart + maxDataEnd > size) {
                throw new ModelsException(file + " is truncated: its tensor data ends at byte " + (dataStart
                    + maxDataEnd) + " but the file has only " + size + " bytes; download it again");
            }
            String architecture = text("general.architecture").orElseThrow(
                () -> corrupt("it has no general.architecture"));
            String fileName = file.getFileName().toString();
            String name = text("general.name").orElse(fileName.endsWith(".gguf")
                ? fileName.substring(0, fileName.length() - 5) : fileName);
            boolean fim = fimTokenSeen || FIM_KEYS.stream().anyMatch(metadata::containsKey);
            return new GgufInfo(file, size, version, architecture, name, parameters,
                quantisation(elementsByType), number(architecture + ".context_length"),
                number(architecture + ".embedding_length"), number(architecture + ".block_count"),
                text("tokenizer.ggml.model").orElse("none"), vocabularySize, text("tokenizer.chat_template"), fim);
        }

        private String quantisation(Map<Integer, Long> elementsByType) {
            if (metadata.get("general.file_type") instanceof Long fileType) {
                var named = FileType.name(fileType.intValue());
                if (named.isPresent()) {
                    return named.get();
                }
            }
            return elementsByType.entrySet().stream().max(Map.Entry.comparingByValue())
                .flatMap(e -> TensorType.of(e.getKey())).map(TensorType::label).orElse("unknown");
        }

        private Optional<String> text(String key) {
            return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
        }

        private long number(String key) {
            return metadata.get(key) instanceof Long l ? l : 0;
        }

        private void readValue(String key, long type) throws IOException {
            if (type == TYPE_ARRAY) {
                long elementType = u32();
                long at = position();
                long count = u64();
                if (elementType == TYPE_ARRAY) {
                    throw corrupt("the array '" + key + "' nests arrays");
                }
                long elementSize = elementType == TYPE_STRING ? 8 : scalarSize(key, elementType);
                if (count < 0 || count > (size - position()) / Math.max(1, elementSize)) {
                    throw new ModelsException(file + " is truncated or corrupt: the array '" + key + "' at offset " + at
                        + " claims " + Long.toUnsignedString(count) + " elements, more than the remaining "
                        + (size - position()) + " bytes can hold (the file has " + size + " bytes)");
                }
                boolean tokens = key.equals("tokenizer.ggml.tokens");
                if (tokens) {
                    vocabularySize = (int) count;
                }
                if (elementType == TYPE_STRING) {
                    for (long i = 0; i < count; i++) {
                        long length = u64();
                        checkLength(key, length);
                        if (tokens && length <= 32) {
                            fimTokenSeen |= FIM_TOKENS.contains(new String(bytes((int) length),
                                StandardCharsets.UTF_8));
                        } else {
                            skip(length);
                        }
                    }
                } else {
                    skip(count * elementSize);
                }
                return;
            }
            if (type == TYPE_STRING) {
                metadata.put(key, string());
                return;
            }
            int scalar = scalarSize(key, type);
            byte[] raw = bytes(scalar);
            var value = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            Object parsed = switch ((int) type) {
                case 0, 7 -> (long) Byte.toUnsignedInt(raw[0]);
                case 1 -> (long) raw[0];
                case 2 -> (long) Short.toUnsignedInt(value.getShort());
                case 3 -> (long) value.getShort();
                case 4 -> Integer.toUnsignedLong(value.getInt());
                case 5 -> (long) value.getInt();
                case 6 -> (double) value.getFloat();
                case 12 -> value.getDouble();
                default -> value.getLong();
            };
            metadata.put(key, parsed);
        }

        private int scalarSize(String key, long type) {
            if (type < 0 || type >= SCALAR_SIZE.length || SCALAR_SIZE[(int) type] < 0) {
                throw corrupt("the value of '" + key + "' has the unknown type " + type);
            }
            return SCALAR_SIZE[(int) type];
        }

        private String string() throws IOException {
            long at = position();
            long length = u64();
            checkLength("string at offset " + at, length);
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
            try {
                return decoder.decode(ByteBuffer.wrap(bytes((int) length))).toString();
            } catch (CharacterCodingException e) {
                throw corrupt("the string at offset " + at + " is not UTF-8");
            }
        }

        private void checkLength(String what, long length) throws EOFException {
            if (length < 0 || length > MAX_STRING) {
                throw corrupt(what + " claims a length of " + Long.toUnsignedString(length) + " bytes");
            }
            if (length > size - position()) {
                throw new EOFException(what + " runs past the end at offset " + position());
            }
        }

        private ModelsException corrupt(String cause) {
            return new ModelsException(file + " is a corrupt GGUF file: " + cause);
        }

        private long position() {
            return bufferStart + buffer.position();
        }

        private void skip(long bytes) throws IOException {
            long target = position() + bytes;
            if (target > size) {
                throw new EOFException("data runs past the end at offset " + position());
            }
            if (target <= bufferStart + buffer.limit()) {
                buffer.position((int) (target - bufferStart));
            } else {
                bufferStart = target;
                buffer.clear().limit(0);
            }
        }

        private void ensure(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            long at = position();
            if (at + bytes > size) {
                throw new EOFException("the header ends early at offset " + at);
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                int read = channel.read(buffer, at + buffer.position());
                if (read < 0) {
                    throw new EOFException("the header ends early at offset " + at);
                }
            }
            buffer.flip();
            bufferStart = at;
        }

        private byte[] bytes(int length) throws IOException {
            byte[] out = new byte[length];
            int done = 0;
            while (done < length) {
                int chunk = Math.min(length - done, buffer.capacity());
                ensure(chunk);
                buffer.get(out, done, chunk);
                done += chunk;
            }
            return out;
        }

        private long u32() throws IOException {
            ensure(4);
            return Integer.toUnsignedLong(buffer.getInt());
        }

        private long u64() throws IOException {
            ensure(8);
            return buffer.getLong();
        }
    }

    private static String describeMagic(byte[] magic) {
        String hex = "%02x %02x %02x %02x".formatted(magic[0], magic[1], magic[2], magic[3]);
        if (magic[0] == 'P' && magic[1] == 'K') {
            return "'PK' (" + hex + "), a zip archive";
        }
        if (magic[0] == '<') {
            return "'<' (" + hex + "), an HTML or XML page, perhaps an error page instead of the model";
        }
        if (magic[0] == 'g' && magic[1] == 'g') {
            return "'" + new String(magic, StandardCharsets.ISO_8859_1) + "' (" + hex + "), an old GGML/GGJT model "
                + "that llama.cpp no longer reads";
        }
        if ((magic[0] & 0xff) == 0x80 || magic[0] == '{') {
            return hex + ", perhaps a PyTorch or safetensors file, which must be converted to GGUF first";
        }
        return hex;
    }

    /** Block layouts of ggml tensor types: how many bytes a run of elements takes. */
    private record TensorType(String label, int blockElements, int blockBytes) {

        private static final Map<Integer, TensorType> TYPES = Map.ofEntries(
            Map.entry(0, new TensorType("F32", 1, 4)), Map.entry(1, new TensorType("F16", 1, 2)),
            Map.entry(2, new TensorType("Q4_0", 32, 18)), Map.entry(3, new TensorType("Q4_1", 32, 20)),
            Map.entry(6, new TensorType("Q5_0", 32, 22)), Map.entry(7, new TensorType("Q5_1", 32, 24)),
            Map.entry(8, new TensorType("Q8_0", 32, 34)), Map.entry(9, new TensorType("Q8_1", 32, 36)),
            Map.entry(10, new TensorType("Q2_K", 256, 84)), Map.entry(11, new TensorType("Q3_K", 256, 110)),
            Map.entry(12, new TensorType("Q4_K", 256, 144)), Map.entry(13, new TensorType("Q5_K", 256, 176)),
            Map.entry(14, new TensorType("Q6_K", 256, 210)), Map.entry(15, new TensorType("Q8_K", 256, 292)),
            Map.entry(16, new TensorType("IQ2_XXS", 256, 66)), Map.entry(17, new TensorType("IQ2_XS", 256, 74)),
            Map.entry(18, new TensorType("IQ3_XXS", 256, 98)), Map.entry(19, new TensorType("IQ1_S", 256, 50)),
            Map.entry(20, new TensorType("IQ4_NL", 32, 18)), Map.entry(21, new TensorType("IQ3_S", 256, 110)),
            Map.entry(22, new TensorType("IQ2_S", 256, 82)), Map.entry(23, new TensorType("IQ4_XS", 256, 136)),
            Map.entry(24, new TensorType("I8", 1, 1)), Map.entry(25, new TensorType("I16", 1, 2)),
            Map.entry(26, new TensorType("I32", 1, 4)), Map.entry(27, new TensorType("I64", 1, 8)),
            Map.entry(28, new TensorType("F64", 1, 8)), Map.entry(29, new TensorType("IQ1_M", 256, 56)),
            Map.entry(30, new TensorType("BF16", 1, 2)), Map.entry(34, new TensorType("TQ1_0", 256, 54)),
            Map.entry(35, new TensorType("TQ2_0", 256, 66)));

        static Optional<TensorType> of(int type) {
            return Optional.ofNullable(TYPES.get(type));
        }

        long bytes(long elements) {
            return Math.ceilDiv(elements, blockElements) * blockBytes;
        }
    }

    /** Names of {@code general.file_type} values (llama_ftype). */
    private static final class FileType {
        private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(0, "F32"), Map.entry(1, "F16"),
            Map.entry(2, "Q4_0"), Map.entry(3, "Q4_1"), Map.entry(7, "Q8_0"), Map.entry(8, "Q5_0"),
            Map.entry(9, "Q5_1"), Map.entry(10, "Q2_K"), Map.entry(11, "Q3_K_S"), Map.entry(12, "Q3_K_M"),
            Map.entry(13, "Q3_K_L"), Map.entry(14, "Q4_K_S"), Map.entry(15, "Q4_K_M"), Map.entry(16, "Q5_K_S"),
            Map.entry(17, "Q5_K_M"), Map.entry(18, "Q6_K"), Map.entry(19, "IQ2_XXS"), Map.entry(20, "IQ2_XS"),
            Map.entry(21, "Q2_K_S"), Map.entry(22, "IQ3_XS"), Map.entry(23, "IQ3_XXS"), Map.entry(24, "IQ1_S"),
            Map.entry(25, "IQ4_NL"), Map.entry(26, "IQ3_S"), Map.entry(27, "IQ3_M"), Map.entry(28, "IQ2_S"),
            Map.entry(29, "IQ2_M"), Map.entry(30, "IQ4_XS"), Map.entry(31, "IQ1_M"), Map.entry(32, "BF16"),
            Map.entry(36, "TQ1_0"), Map.entry(37, "TQ2_0"));

        static Optional<String> name(int fileType) {
            return Optional.ofNullable(NAMES.get(fileType));
        }
    }
}
