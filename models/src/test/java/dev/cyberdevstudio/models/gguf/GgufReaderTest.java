package dev.cyberdevstudio.models.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.testing.TestModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufReaderTest {

    private static final Path DIR = TestModels.DEFAULT_DIR;

    @Test
    void readsEveryFieldOfTheTinyModel() throws IOException {
        Path file = TestModels.tiny(DIR);
        int vocabulary = TestModels.vocabulary(false).size();

        GgufInfo info = GgufReader.read(file);

        assertThat(info.file()).isEqualTo(file);
        assertThat(info.fileSize()).isEqualTo(Files.size(file));
        assertThat(info.ggufVersion()).isEqualTo(3);
        assertThat(info.architecture()).isEqualTo("llama");
        assertThat(info.name()).isEqualTo("CyberDevStudio test model tiny");
        assertThat(info.parameterCount()).isEqualTo(TestModels.TINY.parameterCount(vocabulary));
        assertThat(info.quantisation()).isEqualTo("Q8_0");
        assertThat(info.contextLength()).isEqualTo(2048);
        assertThat(info.embeddingLength()).isEqualTo(64);
        assertThat(info.layerCount()).isEqualTo(2);
        assertThat(info.tokenizerModel()).isEqualTo("llama");
        assertThat(info.vocabularySize()).isEqualTo(vocabulary).isGreaterThan(900);
        assertThat(info.chatTemplate()).contains(TestModels.CHAT_TEMPLATE);
        assertThat(info.hasFillInMiddle()).isFalse();
        GgufReader.checkSupported(info);
    }

    @Test
    void seesFillInMiddleTokensAndF32Weights() {
        assertThat(GgufReader.read(TestModels.withFillInMiddle(DIR)).hasFillInMiddle()).isTrue();
        assertThat(GgufReader.read(TestModels.generate(DIR, TestModels.TINY_F32)).quantisation()).isEqualTo("F32");
    }

    @Test
    void generatorCachesFilesByParameters() throws IOException {
        Path first = TestModels.tiny(DIR);
        var modified = Files.getLastModifiedTime(first);
        assertThat(TestModels.tiny(DIR)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(modified);
        assertThat(TestModels.withFillInMiddle(DIR)).isNotEqualTo(first);
    }

    @Test
    void sameSeedWritesTheSameBytes(@TempDir Path other) throws IOException {
        assertThat(Files.readAllBytes(TestModels.tiny(other))).isEqualTo(Files.readAllBytes(TestModels.tiny(DIR)));
    }

    @Test
    void truncatedTensorDataNamesTheFileAndTheEnd() {
        Path file = TestModels.truncated(DIR);
        assertThatThrownBy(() -> GgufReader.read(file)).isInstanceOf(ModelsException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("truncated")
            .hasMessageContaining("tensor data ends at byte");
    }

    @Test
    void truncatedHeaderSaysAtWhichOffset() {
        Path file = TestModels.truncatedHeader(DIR);
        assertThatThrownBy(() -> GgufReader.read(file)).isInstanceOf(ModelsException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("truncated").hasMessageContaining("offset")
            .hasMessageContaining("2000 bytes");
    }

    @Test
    void zipArchiveIsNotGgufAndTheMagicIsNamed() {
        Path file = TestModels.notGguf(DIR);
        assertThatThrownBy(() -> GgufReader.read(file)).isInstanceOf(ModelsException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("not a GGUF file")
            .hasMessageContaining("'PK'").hasMessageContaining("zip");
    }

    @Test
    void htmlPageAndTinyFilesAreNotGguf(@TempDir Path dir) throws IOException {
        Path html = Files.writeString(dir.resolve("model.gguf"), "<!DOCTYPE html><html>404</html>");
        assertThatThrownBy(() -> GgufReader.read(html)).hasMessageContaining("HTML");
        Path empty = Files.write(dir.resolve("empty.gguf"), new byte[2]);
        assertThatThrownBy(() -> GgufReader.read(empty)).hasMessageContaining("only 2 bytes");
        Path ggml = Files.write(dir.resolve("old.bin"), "ggjt\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> GgufReader.read(ggml)).hasMessageContaining("GGML");
        Path torch = Files.write(dir.resolve("t.pt"), new byte[] {(byte) 0x80, 2, 0, 0});
        assertThatThrownBy(() -> GgufReader.read(torch)).hasMessageContaining("converted");
    }

    @Test
    void unsupportedVersionIsNamed() {
        Path file = TestModels.unsupportedVersion(DIR);
        assertThatThrownBy(() -> GgufReader.read(file)).isInstanceOf(ModelsException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("version 99");
    }

    @Test
    void unknownArchitectureReadsButIsNotSupported() {
        Path file = TestModels.unsupportedArchitecture(DIR);
        GgufInfo info = GgufReader.read(file);
        assertThat(info.architecture()).isEqualTo("quantumnet");
        assertThatThrownBy(() -> GgufReader.checkSupported(info)).isInstanceOf(ModelsException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("'quantumnet'");
        assertThatThrownBy(() -> GgufReader.readSupported(file)).hasMessageContaining("does not support");
    }

    @Test
    void hugeFakeArrayLengthFailsWithoutAllocating() {
        Path file = TestModels.hugeArrayLength(DIR);
        long before = usedHeap();
        assertThatThrownBy(() -> GgufReader.read(file)).isInstanceOf(ModelsException.class)
            .hasMessageContaining(file.toString()).hasMessageContaining("4294967295 elements");
        assertThat(usedHeap() - before).isLessThan(64L << 20);
    }

    @Test
    void hugeStringLengthIsCorruptNotAnAllocation(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(TestModels.tiny(DIR));
        // the first key's length field sits right after magic, version and the two counts
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(24, 1L << 40);
        Path file = Files.write(dir.resolve("long-key.gguf"), bytes);
        assertThatThrownBy(() -> GgufReader.read(file)).hasMessageContaining("corrupt")
            .hasMessageContaining("length of 1099511627776 bytes");
    }

    @Test
    void implausibleCountsAreCorrupt(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(TestModels.tiny(DIR));
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(8, Long.MAX_VALUE);
        Path file = Files.write(dir.resolve("counts.gguf"), bytes);
        assertThatThrownBy(() -> GgufReader.read(file)).hasMessageContaining("implausible counts");
    }

    @Test
    void missingFileAndFolderAreNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.gguf");
        assertThatThrownBy(() -> GgufReader.read(missing)).hasMessageContaining(missing + " does not exist");
        assertThatThrownBy(() -> GgufReader.read(dir)).hasMessageContaining("is a folder");
    }

    @Test
    void readsTheBenchmarkSpecArithmetic() {
        assertThat(TestModels.BENCHMARK.parameterCount(TestModels.vocabulary(false).size()))
            .isBetween(100_000_000L, 300_000_000L);
    }

    private static long usedHeap() {
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
