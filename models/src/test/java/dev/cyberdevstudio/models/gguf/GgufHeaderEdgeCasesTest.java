package dev.cyberdevstudio.models.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.models.ModelsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-built headers for the cases the generator never writes: other value types, odd tensors, missing keys. */
class GgufHeaderEdgeCasesTest {

    @TempDir
    Path dir;

    /** Builds a GGUF v3 header byte by byte; tensors get no data unless {@code data} bytes are appended. */
    private static final class Header {
        private final ByteArrayOutputStream kv = new ByteArrayOutputStream();
        private final ByteArrayOutputStream tensors = new ByteArrayOutputStream();
        private int kvCount;
        private int tensorCount;

        Header value(String key, int type, byte[] raw) {
            kvCount++;
            write(kv, string(key));
            write(kv, u32(type));
            write(kv, raw);
            return this;
        }

        Header text(String key, String value) {
            return value(key, 8, string(value));
        }

        Header tensor(String name, int type, long... dims) {
            tensorCount++;
            write(tensors, string(name));
            write(tensors, u32(dims.length));
            for (long d : dims) {
                write(tensors, u64(d));
            }
            write(tensors, u32(type));
            write(tensors, u64(0));
            return this;
        }

        Path write(Path file, int dataBytes) throws IOException {
            var out = new ByteArrayOutputStream();
            write(out, "GGUF".getBytes(StandardCharsets.US_ASCII));
            write(out, u32(3));
            write(out, u64(tensorCount));
            write(out, u64(kvCount));
            write(out, kv.toByteArray());
            write(out, tensors.toByteArray());
            while (out.size() % 32 != 0) {
                out.write(0);
            }
            write(out, new byte[dataBytes]);
            return Files.write(file, out.toByteArray());
        }

        private static void write(ByteArrayOutputStream out, byte[] bytes) {
            out.write(bytes, 0, bytes.length);
        }
    }

    static byte[] string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + b.length).order(ByteOrder.LITTLE_ENDIAN).putLong(b.length).put(b).array();
    }

    static byte[] u32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    @Test
    void readsEveryScalarTypeAndFallsBackToTheFileNameAndDominantType() throws IOException {
        Path file = new Header().text("general.architecture", "qwen2")
            .value("qwen2.context_length", 10, u64(32768))
            .value("qwen2.embedding_length", 2, new byte[] {0, 2})
            .value("qwen2.block_count", 0, new byte[] {24})
            .value("some.i8", 1, new byte[] {-1})
            .value("some.i16", 3, new byte[] {-1, -1})
            .value("some.i32", 5, u32(-5))
            .value("some.i64", 11, u64(-7))
            .value("some.f32", 6, u32(Float.floatToIntBits(1.5f)))
            .value("some.f64", 12, u64(Double.doubleToLongBits(2.5)))
            .value("some.bool", 7, new byte[] {1})
            .value("some.floats", 9, concat(u32(6), u64(2), new byte[8]))
            .tensor("token_embd.weight", 1, 64, 32)
            .tensor("output_norm.weight", 0, 64)
            .write(dir.resolve("qwen-custom.gguf"), 64 * 32 * 2 + 256);

        GgufInfo info = GgufReader.read(file);

        assertThat(info.architecture()).isEqualTo("qwen2");
        assertThat(info.name()).isEqualTo("qwen-custom");
        assertThat(info.contextLength()).isEqualTo(32768);
        assertThat(info.embeddingLength()).isEqualTo(512);
        assertThat(info.layerCount()).isEqualTo(24);
        assertThat(info.parameterCount()).isEqualTo(64 * 32 + 64);
        assertThat(info.quantisation()).isEqualTo("F16");
        assertThat(info.tokenizerModel()).isEqualTo("none");
        assertThat(info.vocabularySize()).isZero();
        assertThat(info.chatTemplate()).isEmpty();
        GgufReader.checkSupported(info);
    }

    @Test
    void aFileWithoutArchitectureIsCorrupt() throws IOException {
        Path file = new Header().text("general.name", "x").write(dir.resolve("no-arch.gguf"), 0);
        assertThatThrownBy(() -> GgufReader.read(file)).isInstanceOf(ModelsException.class)
            .hasMessageContaining("no-arch.gguf").hasMessageContaining("no general.architecture");
    }

    @Test
    void unknownValueTypesNestedArraysAndBadTensorsAreCorrupt() throws IOException {
        assertCorrupt(new Header().value("x", 42, new byte[4]), "unknown type 42");
        assertCorrupt(new Header().value("x", 9, concat(u32(9), u64(1))), "nests arrays");
        assertCorrupt(new Header().value("x", 9, concat(u32(77), u64(1))), "unknown type 77");
        assertCorrupt(new Header().text("general.architecture", "llama").tensor("t", 0), "0 dimensions");
        assertCorrupt(new Header().text("general.architecture", "llama").tensor("t", 0, 0), "implausible dimension");
        assertCorrupt(new Header().text("general.architecture", "llama").tensor("t", 99, 32), "unknown type 99");
        assertCorrupt(new Header().value("k", 8, concat(u64(2), new byte[] {(byte) 0xff, (byte) 0xfe})), "not UTF-8");
    }

    @Test
    void fimIsSeenFromTheLegacyKeyToo() throws IOException {
        Path file = new Header().text("general.architecture", "llama")
            .value("tokenizer.ggml.prefix_token_id", 4, u32(5)).write(dir.resolve("fim.gguf"), 0);
        assertThat(GgufReader.read(file).hasFillInMiddle()).isTrue();
    }

    private void assertCorrupt(Header header, String cause) throws IOException {
        Path file = header.write(dir.resolve("bad.gguf"), 0);
        assertThatThrownBy(() -> GgufReader.read(file)).isInstanceOf(ModelsException.class)
            .hasMessageContaining("bad.gguf").hasMessageContaining("corrupt").hasMessageContaining(cause);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }
}
