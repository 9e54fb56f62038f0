package dev.cyberdevstudio.models.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes small but valid llama-architecture GGUF files for tests, so that every test that needs a model runs the real
 * llama.cpp on a file it made itself and no test reaches the network.
 *
 * <p>The files carry a real SentencePiece ("llama") vocabulary: control tokens, the 256 byte tokens (so any text
 * round-trips), a few hundred English and code words with every prefix on the merge path, a ChatML chat template and
 * fixed-seed weights (F32 norms, Q8_0 or F32 matrices, 32-byte aligned). Output rows of control tokens are zero so a
 * random model rarely ends its answer at once. Files are cached under {@code target/test-models} keyed by their
 * parameters and written atomically, so the suite generates each once and never sees a half-written file.
 *
 * <pre>{@code
 * Path model = TestModels.tiny();                 // a ~1 MB model for every test
 * Path fim = TestModels.withFillInMiddle();       // also marks <|fim_prefix|> / <|fim_suffix|> / <|fim_middle|>
 * Path big = TestModels.benchmark(dir);           // ~210M parameters, Q8_0, for benchmarks
 * Path bad = TestModels.truncated(dir);           // broken variants for bad-input tests
 * }</pre>
 */
public final class TestModels {

    /** The default cache folder, relative to the module the tests run in. */
    public static final Path DEFAULT_DIR = Path.of("target", "test-models");

    public static final String IM_START = "<|im_start|>";
    public static final String IM_END = "<|im_end|>";
    public static final String FIM_PREFIX = "<|fim_prefix|>";
    public static final String FIM_SUFFIX = "<|fim_suffix|>";
    public static final String FIM_MIDDLE = "<|fim_middle|>";

    /** The usual ChatML template; llama.cpp recognises it by its markers and renders it natively. */
    public static final String CHAT_TEMPLATE = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n'"
        + " + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}"
        + "{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static final int GGML_F32 = 0;
    private static final int GGML_Q8_0 = 8;
    private static final int ALIGNMENT = 32;

    private static final int TYPE_NORMAL = 1;
    private static final int TYPE_UNKNOWN = 2;
    private static final int TYPE_CONTROL = 3;
    private static final int TYPE_BYTE = 6;

    private static final String WORDS = """
        the of and to in is you that it he was for on are as with his they at be this have from or one had by word
        but not what all were we when your can said there use an each which she do how their if will up other about
        out many then them these so some her would make like him into time has look two more write go see number no
        way could people my than first water been call who oil its now find long down day did get come made may part
        over new sound take only little work know place year live me back give most very after thing our just name
        good sentence man think say great where help through much before line right too mean old any same tell boy
        follow came want show also around form three small set put end does another well large must big even such
        because turn here why ask went men read need land different home us move try kind hand picture again change
        off play spell air away animal house point page letter mother answer found study still learn should world
        hello code class public private static void int return if else while for import package new null true false
        string list map file path test model token text chat system user assistant function value error result data
        json schema name type object array number boolean open close read write load run stop start build main java
        """;

    private static final String CHARACTERS =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"()[]{}<>=+-*/_#@&%$\\|~`^";

    private TestModels() {
    }

    /**
     * The shape of a generated model. Matrices must have rows that are a multiple of 32 when quantised.
     *
     * @param kvHeads  key/value heads (grouped-query attention when fewer than heads)
     * @param quantised Q8_0 matrices when true, F32 when false
     */
    public record Spec(String name, int embedding, int layers, int heads, int kvHeads, int feedForward,
                       int contextLength, boolean fillInMiddle, boolean quantised, long seed) {

        public Spec {
            if (embedding % heads != 0 || heads % kvHeads != 0 || embedding % 32 != 0 || feedForward % 32 != 0) {
                throw new IllegalArgumentException("embedding must split into heads and rows into blocks of 32");
            }
        }

        String fileName() {
            return "%s-e%d-l%d-h%d-kv%d-f%d-c%d-%s%s-s%d.gguf".formatted(name, embedding, layers, heads, kvHeads,
                feedForward, contextLength, quantised ? "q8_0" : "f32", fillInMiddle ? "-fim" : "", seed);
        }

        /** Parameters in the weight tensors for a vocabulary of the given size. */
        public long parameterCount(int vocabulary) {
            long kv = (long) embedding / heads * kvHeads;
            long perLayer = 2L * embedding + 2L * embedding * embedding + 2L * embedding * kv
                + 3L * embedding * feedForward;
            return 2L * embedding * vocabulary + embedding + layers * perLayer;
        }
    }

    public static final Spec TINY = new Spec("tiny", 64, 2, 4, 2, 128, 2048, false, true, 42);
    public static final Spec TINY_FIM = new Spec("tiny", 64, 2, 4, 2, 128, 2048, true, true, 42);
    public static final Spec TINY_F32 = new Spec("tiny", 64, 2, 4, 2, 128, 2048, false, false, 7);
    /** About 210M parameters, 220 MB in Q8_0: the benchmark model. */
    public static final Spec BENCHMARK = new Spec("bench", 1024, 16, 16, 16, 2816, 4096, false, true, 1234);

    public static Path tiny() {
        return tiny(DEFAULT_DIR);
    }

    public static Path tiny(Path dir) {
        return generate(dir, TINY);
    }

    public static Path withFillInMiddle() {
        return withFillInMiddle(DEFAULT_DIR);
    }

    public static Path withFillInMiddle(Path dir) {
        return generate(dir, TINY_FIM);
    }

    public static Path benchmark(Path dir) {
        return generate(dir, BENCHMARK);
    }

    /** The tiny model cut off in the middle of its tensor data. */
    public static Path truncated(Path dir) {
        return derived(dir, "truncated.gguf", bytes -> Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** The tiny model cut off inside its header (within the vocabulary array). */
    public static Path truncatedHeader(Path dir) {
        return derived(dir, "truncated-header.gguf", bytes -> Arrays.copyOf(bytes, 2000));
    }

    /** A file that starts like a zip archive. */
    public static Path notGguf(Path dir) {
        return derived(dir, "not-gguf.gguf", bytes -> {
            var copy = bytes.clone();
            copy[0] = 'P';
            copy[1] = 'K';
            copy[2] = 3;
            copy[3] = 4;
            return copy;
        });
    }

    /** The tiny model claiming a GGUF version no reader knows. */
    public static Path unsupportedVersion(Path dir) {
        return derived(dir, "version-99.gguf", bytes -> {
            var copy = bytes.clone();
            ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 99);
            return copy;
        });
    }

    /** A well-formed GGUF whose architecture the bundled llama.cpp does not know. */
    public static Path unsupportedArchitecture(Path dir) {
        return withArchitecture(dir, "quantumnet");
    }

    /**
     * The tiny model's llama tensors under another {@code general.architecture}: with a name llama.cpp knows (say
     * "gpt2") the header reads fine but llama.cpp's loader fails on the tensors that architecture lacks.
     */
    public static Path withArchitecture(Path dir, String architecture) {
        return write(dir.resolve("arch-" + architecture + ".gguf"), TINY, architecture);
    }

    /** A tiny model whose vocabulary array claims four billion entries: readers must not allocate for it. */
    public static Path hugeArrayLength(Path dir) {
        return derived(dir, "huge-array.gguf", bytes -> {
            var copy = bytes.clone();
            var key = "tokenizer.ggml.tokens".getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(copy, key) + key.length;
            // key, then the value type (u32 array), the element type (u32 string), then the u64 count
            ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong(at + 8, 0xFFFF_FFFFL);
            return copy;
        });
    }

    /** Generates (once) a model with this spec under the folder and returns its path. */
    public static Path generate(Path dir, Spec spec) {
        return write(dir.resolve(spec.fileName()), spec, "llama");
    }

    /** The vocabulary the generator writes, in token-id order. */
    public static List<String> vocabulary(boolean fillInMiddle) {
        return List.copyOf(buildVocabulary(fillInMiddle).keySet());
    }

    private static synchronized Path write(Path target, Spec spec, String architecture) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try (var out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
                new Writer(out, spec, architecture).write();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test model " + target, e);
        }
    }

    private interface Mangler {
        byte[] apply(byte[] tinyBytes);
    }

    private static synchronized Path derived(Path dir, String name, Mangler mangler) {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            byte[] bytes = mangler.apply(Files.readAllBytes(tiny(dir)));
            Path temp = Files.createTempFile(dir, name, ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test model " + target, e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }

    /** Token text to token type, in id order. */
    private static Map<String, Integer> buildVocabulary(boolean fillInMiddle) {
        var vocab = new LinkedHashMap<String, Integer>();
        vocab.put("<unk>", TYPE_UNKNOWN);
        vocab.put("<s>", TYPE_CONTROL);
        vocab.put("</s>", TYPE_CONTROL);
        vocab.put(IM_START, TYPE_CONTROL);
        vocab.put(IM_END, TYPE_CONTROL);
        if (fillInMiddle) {
            vocab.put(FIM_PREFIX, TYPE_CONTROL);
            vocab.put(FIM_SUFFIX, TYPE_CONTROL);
            vocab.put(FIM_MIDDLE, TYPE_CONTROL);
        }
        for (int b = 0; b < 256; b++) {
            vocab.put("<0x%02X>".formatted(b), TYPE_BYTE);
        }
        var pieces = new LinkedHashSet<String>();
        pieces.add("\u2581");
        CHARACTERS.codePoints().forEach(c -> pieces.add(c == ' ' ? "\u2581" : Character.toString(c)));
        for (String word : WORDS.strip().split("\\s+")) {
            String piece = "\u2581" + word;
            // SentencePiece merges adjacent symbols only into pieces that exist, so every prefix must be there
            for (int end = 2; end <= piece.length(); end++) {
                pieces.add(piece.substring(0, end));
            }
        }
        for (String piece : pieces) {
            vocab.putIfAbsent(piece, TYPE_NORMAL);
        }
        return vocab;
    }

    /** Streams one GGUF file: header, metadata, tensor infos, aligned tensor data. */
    private static final class Writer {

        private final OutputStream out;
        private final Spec spec;
        private final String architecture;
        private final List<String> tokens;
        private final int[] tokenTypes;
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        private long position;

        Writer(OutputStream out, Spec spec, String architecture) {
            this.out = out;
            this.spec = spec;
            this.architecture = architecture;
            var vocab = buildVocabulary(spec.fillInMiddle());
            this.tokens = new ArrayList<>(vocab.keySet());
            this.tokenTypes = vocab.values().stream().mapToInt(Integer::intValue).toArray();
        }

        private record Tensor(String name, long[] dims, int type) {
            long elements() {
                long n = 1;
                for (long d : dims) {
                    n *= d;
                }
                return n;
            }

            long bytes() {
                return type == GGML_F32 ? elements() * 4 : elements() / 32 * 34;
            }
        }

        void write() throws IOException {
            int e = spec.embedding();
            int kv = e / spec.heads() * spec.kvHeads();
            int v = tokens.size();
            int matrix = spec.quantised() ? GGML_Q8_0 : GGML_F32;
            var tensors = new ArrayList<Tensor>();
            tensors.add(new Tensor("token_embd.weight", new long[] {e, v}, matrix));
            tensors.add(new Tensor("output_norm.weight", new long[] {e}, GGML_F32));
            tensors.add(new Tensor("output.weight", new long[] {e, v}, matrix));
            for (int layer = 0; layer < spec.layers(); layer++) {
                String p = "blk." + layer + ".";
                tensors.add(new Tensor(p + "attn_norm.weight", new long[] {e}, GGML_F32));
                tensors.add(new Tensor(p + "attn_q.weight", new long[] {e, e}, matrix));
                tensors.add(new Tensor(p + "attn_k.weight", new long[] {e, kv}, matrix));
                tensors.add(new Tensor(p + "attn_v.weight", new long[] {e, kv}, matrix));
                tensors.add(new Tensor(p + "attn_output.weight", new long[] {e, e}, matrix));
                tensors.add(new Tensor(p + "ffn_norm.weight", new long[] {e}, GGML_F32));
                tensors.add(new Tensor(p + "ffn_gate.weight", new long[] {e, spec.feedForward()}, matrix));
                tensors.add(new Tensor(p + "ffn_up.weight", new long[] {e, spec.feedForward()}, matrix));
                tensors.add(new Tensor(p + "ffn_down.weight", new long[] {spec.feedForward(), e}, matrix));
            }

            var meta = metadata(v);
            bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
            u32(3);
            u64(tensors.size());
            u64(meta.size());
            for (var entry : meta.entrySet()) {
                string(entry.getKey());
                value(entry.getValue());
            }
            long offset = 0;
            for (Tensor t : tensors) {
                string(t.name());
                u32(t.dims().length);
                for (long d : t.dims()) {
                    u64(d);
                }
                u32(t.type());
                u64(offset);
                offset = align(offset + t.bytes());
            }
            pad();
            for (Tensor t : tensors) {
                tensorData(t);
                pad();
            }
        }

        private Map<String, Object> metadata(int vocabularySize) {
            var m = new LinkedHashMap<String, Object>();
            String a = architecture;
            m.put("general.architecture", a);
            m.put("general.name", "CyberDevStudio test model " + spec.name());
            m.put("general.alignment", new U32(ALIGNMENT));
            m.put("general.file_type", new U32(spec.quantised() ? 7 : 0));
            m.put(a + ".context_length", new U32(spec.contextLength()));
            m.put(a + ".embedding_length", new U32(spec.embedding()));
            m.put(a + ".block_count", new U32(spec.layers()));
            m.put(a + ".feed_forward_length", new U32(spec.feedForward()));
            m.put(a + ".attention.head_count", new U32(spec.heads()));
            m.put(a + ".attention.head_count_kv", new U32(spec.kvHeads()));
            m.put(a + ".rope.dimension_count", new U32(spec.embedding() / spec.heads()));
            m.put(a + ".rope.freq_base", 10000.0f);
            m.put(a + ".attention.layer_norm_rms_epsilon", 1e-5f);
            m.put(a + ".vocab_size", new U32(vocabularySize));
            m.put("tokenizer.ggml.model", "llama");
            m.put("tokenizer.ggml.tokens", tokens.toArray(String[]::new));
            float[] scores = new float[tokens.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = tokenTypes[i] == TYPE_NORMAL ? -i : 0f;
            }
            m.put("tokenizer.ggml.scores", scores);
            m.put("tokenizer.ggml.token_type", tokenTypes);
            m.put("tokenizer.ggml.bos_token_id", new U32(tokens.indexOf("<s>")));
            m.put("tokenizer.ggml.eos_token_id", new U32(tokens.indexOf("</s>")));
            m.put("tokenizer.ggml.unknown_token_id", new U32(tokens.indexOf("<unk>")));
            m.put("tokenizer.ggml.eot_token_id", new U32(tokens.indexOf(IM_END)));
            m.put("tokenizer.ggml.add_bos_token", Boolean.TRUE);
            m.put("tokenizer.ggml.add_eos_token", Boolean.FALSE);
            if (spec.fillInMiddle()) {
                m.put("tokenizer.ggml.fim_pre_token_id", new U32(tokens.indexOf(FIM_PREFIX)));
                m.put("tokenizer.ggml.fim_suf_token_id", new U32(tokens.indexOf(FIM_SUFFIX)));
                m.put("tokenizer.ggml.fim_mid_token_id", new U32(tokens.indexOf(FIM_MIDDLE)));
            }
            m.put("tokenizer.chat_template", CHAT_TEMPLATE);
            return m;
        }

        private record U32(long value) {
        }

        private void value(Object value) throws IOException {
            switch (value) {
                case U32 u -> {
                    u32(4);
                    u32(u.value());
                }
                case Float f -> {
                    u32(6);
                    f32(f);
                }
                case Boolean b -> {
                    u32(7);
                    out.write(b ? 1 : 0);
                    position++;
                }
                case String s -> {
                    u32(8);
                    string(s);
                }
                case String[] array -> {
                    u32(9);
                    u32(8);
                    u64(array.length);
                    for (String s : array) {
                        string(s);
                    }
                }
                case float[] array -> {
                    u32(9);
                    u32(6);
                    u64(array.length);
                    for (float f : array) {
                        f32(f);
                    }
                }
                case int[] array -> {
                    u32(9);
                    u32(5);
                    u64(array.length);
                    for (int i : array) {
                        u32(i);
                    }
                }
                default -> throw new IllegalArgumentException("no GGUF type for " + value);
            }
        }

        private void tensorData(Tensor t) throws IOException {
            var random = new SplittableRandom(spec.seed() * 31 + t.name().hashCode());
            boolean norm = t.dims().length == 1;
            boolean output = t.name().equals("output.weight");
            long rowLength = t.dims()[0];
            long rows = t.elements() / rowLength;
            // scale by fan-in so activations stay in range through the residual stream
            double scale = norm ? 0 : (t.name().equals("token_embd.weight") ? 1.0 : 1.0 / Math.sqrt(rowLength));
            float[] row = new float[(int) rowLength];
            ByteBuffer buffer = ByteBuffer.allocate((int) (rowLength * 4)).order(ByteOrder.LITTLE_ENDIAN);
            for (long r = 0; r < rows; r++) {
                boolean silent = output && tokenTypes[(int) r] == TYPE_CONTROL;
                for (int i = 0; i < row.length; i++) {
                    row[i] = norm ? 1f : silent ? 0f : (float) ((random.nextDouble() * 2 - 1) * scale * 1.7);
                }
                buffer.clear();
                if (t.type() == GGML_F32) {
                    for (float f : row) {
                        buffer.putFloat(f);
                    }
                } else {
                    quantiseQ8(row, buffer);
                }
                bytes(buffer.array(), buffer.position());
            }
        }

        private static void quantiseQ8(float[] row, ByteBuffer buffer) {
            for (int block = 0; block < row.length; block += 32) {
                float max = 0;
                for (int i = 0; i < 32; i++) {
                    max = Math.max(max, Math.abs(row[block + i]));
                }
                float d = max / 127f;
                short half = Float.floatToFloat16(d);
                float inverse = d == 0 ? 0 : 1f / Float.float16ToFloat(half);
                buffer.putShort(half);
                for (int i = 0; i < 32; i++) {
                    buffer.put((byte) Math.max(-127, Math.min(127, Math.round(row[block + i] * inverse))));
                }
            }
        }

        private static long align(long offset) {
            return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        }

        private void pad() throws IOException {
            while (position % ALIGNMENT != 0) {
                out.write(0);
                position++;
            }
        }

        private void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            bytes(b);
        }

        private void u32(long v) throws IOException {
            scratch.clear();
            scratch.putInt((int) v);
            bytes(scratch.array(), 4);
        }

        private void u64(long v) throws IOException {
            scratch.clear();
            scratch.putLong(v);
            bytes(scratch.array(), 8);
        }

        private void f32(float v) throws IOException {
            scratch.clear();
            scratch.putFloat(v);
            bytes(scratch.array(), 4);
        }

        private void bytes(byte[] b) throws IOException {
            bytes(b, b.length);
        }

        private void bytes(byte[] b, int length) throws IOException {
            out.write(b, 0, length);
            position += length;
        }
    }
}
