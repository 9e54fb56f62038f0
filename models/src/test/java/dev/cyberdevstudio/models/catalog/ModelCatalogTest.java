package dev.cyberdevstudio.models.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.models.ModelsException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {

    private static final Pattern PARAMS = Pattern.compile("(\\d+(?:\\.\\d+)?)([BM])");

    @TempDir
    Path dir;

    @Test
    void bundledCatalogRecommendsOneSmallModelPerRoleWithRealAddresses() {
        ModelCatalog catalog = ModelCatalog.bundled();

        for (ModelRole role : ModelRole.values()) {
            assertThat(catalog.recommended(role)).as("recommended %s", role).isPresent();
            assertThat(catalog.byRole(role).getFirst()).isEqualTo(catalog.recommended(role).orElseThrow());
        }
        for (CatalogEntry e : catalog.entries()) {
            assertThat(e.userAdded()).isFalse();
            assertThat(e.source().getScheme()).isEqualTo("https");
            assertThat(e.source().getHost()).isEqualTo("huggingface.co");
            assertThat(e.source().getPath()).endsWith("/" + e.fileName());
            assertThat(e.contextLength()).isPositive();
            assertThat(e.licence()).isNotBlank().isNotEqualTo("unknown");
            var m = PARAMS.matcher(e.parameters());
            assertThat(m.matches()).as(e.parameters()).isTrue();
            double billions = Double.parseDouble(m.group(1)) / (m.group(2).equals("M") ? 1000 : 1);
            assertThat(billions).as("%s has at most 3B parameters", e.id()).isLessThanOrEqualTo(3.0);
            e.sha256().ifPresent(sha -> assertThat(sha).matches("[0-9a-f]{64}"));
            // A published checksum without its size (or the reverse) would be a sign of a half-copied entry.
            assertThat(e.sha256().isPresent()).isEqualTo(e.sizeBytes().isPresent());
        }
        assertThat(catalog.entries()).extracting(CatalogEntry::id).doesNotHaveDuplicates();
        assertThat(catalog.find("qwen2.5-coder-1.5b-instruct-q8_0")).get()
            .satisfies(e -> {
                assertThat(e.sizeBytes()).contains(1_894_532_160L);
                assertThat(e.sha256()).contains("507de59046601282ba768a9789900e6ccf60ed93ddf346730b7c68eb0715bc47");
                assertThat(e.quantisation()).isEqualTo("Q8_0");
            });
        // Where no checksum could be found the entry says so instead of carrying an invented one.
        assertThat(catalog.find("tinyllama-1.1b-chat-v1.0-q4_k_m")).get()
            .satisfies(e -> assertThat(e.sha256()).isEmpty());
        assertThat(catalog.findByFileName("bge-small-en-v1.5-q8_0.gguf")).get()
            .extracting(CatalogEntry::role).isEqualTo(ModelRole.EMBEDDING);
        assertThat(catalog.find("nope")).isEmpty();
    }

    @Test
    void userEntriesPersistAcrossLoadsAndCanBeRemoved() throws Exception {
        Path file = dir.resolve("user-catalog.json");
        ModelCatalog first = ModelCatalog.load(file);
        String sha = "A".repeat(64);

        CatalogEntry added = first.addByUrl(URI.create("https://example.org/models/phi-mini-2.7b-Q5_K_M.gguf"),
            "Phi mini", ModelRole.CHAT, Optional.of(sha), Optional.of(1234L));

        assertThat(added.userAdded()).isTrue();
        assertThat(added.fileName()).isEqualTo("phi-mini-2.7b-Q5_K_M.gguf");
        assertThat(added.sha256()).contains("a".repeat(64));
        assertThat(added.quantisation()).isEqualTo("Q5_K_M");
        assertThat(added.parameters()).isEqualTo("2.7B");
        assertThat(Files.readString(file)).contains("phi-mini-2.7b-Q5_K_M.gguf");

        ModelCatalog second = ModelCatalog.load(file);
        assertThat(second.find(added.id())).contains(added);
        assertThat(second.entries().getLast()).isEqualTo(added);
        assertThat(second.byRole(ModelRole.CHAT)).contains(added);

        second.remove(added.id());
        assertThat(ModelCatalog.load(file).find(added.id())).isEmpty();
    }

    @Test
    void unknownNamesAreShownAsUnknownAndUnverified() {
        ModelCatalog catalog = ModelCatalog.bundled();
        CatalogEntry entry = catalog.addByUrl(URI.create("http://127.0.0.1:9/files/mystery.gguf"), " ",
            ModelRole.CODE, Optional.empty(), Optional.empty());

        assertThat(entry.name()).isEqualTo("mystery.gguf");
        assertThat(entry.quantisation()).isEqualTo("unknown");
        assertThat(entry.sha256()).isEmpty();
        assertThat(entry.sizeBytes()).isEmpty();
        assertThat(catalog.find(entry.id())).isPresent();
    }

    @Test
    void refusesAddressesWithoutFileBadChecksumsDuplicatesAndRemovingBundledOnes() {
        ModelCatalog catalog = ModelCatalog.bundled();

        assertThatThrownBy(() -> catalog.addByUrl(URI.create("ftp://host/model.gguf"), "x", ModelRole.CHAT,
            Optional.empty(), Optional.empty())).isInstanceOf(ModelsException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> catalog.addByUrl(URI.create("https://host/dir/"), "x", ModelRole.CHAT,
            Optional.empty(), Optional.empty())).hasMessageContaining("file name");
        assertThatThrownBy(() -> catalog.addByUrl(URI.create("https://host/m.gguf"), "x", ModelRole.CHAT,
            Optional.of("abc"), Optional.empty())).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> catalog.addByUrl(URI.create("https://host/m.gguf"), "x", ModelRole.CHAT,
            Optional.empty(), Optional.of(0L))).hasMessageContaining("size");
        assertThatThrownBy(() -> catalog.addByUrl(
            URI.create("https://mirror.example/bge-small-en-v1.5-q8_0.gguf"), "x", ModelRole.EMBEDDING,
            Optional.empty(), Optional.empty())).hasMessageContaining("already in the catalog as bge-small");
        assertThatThrownBy(() -> catalog.remove("bge-small-en-v1.5-q8_0")).hasMessageContaining("cannot be removed");
        assertThatThrownBy(() -> catalog.remove("user-nothing")).hasMessageContaining("no model user-nothing");
    }

    @Test
    void aCorruptUserCatalogIsReportedWithItsPath() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{ not json");

        assertThatThrownBy(() -> ModelCatalog.load(file)).isInstanceOf(ModelsException.class)
            .hasMessageContaining(file.toString());

        Files.writeString(file, """
            {"version":1,"models":[{"id":"x","name":"X","role":"CHAT","source":"https://h/x.gguf",
            "fileName":"../x.gguf"}]}""");
        assertThatThrownBy(() -> ModelCatalog.load(file)).hasMessageContaining("unusable file name");
    }

    @Test
    void safeFileNamesStayInsideTheFolder() {
        assertThat(ModelCatalog.isSafeFileName("model.gguf")).isTrue();
        assertThat(ModelCatalog.isSafeFileName("../model.gguf")).isFalse();
        assertThat(ModelCatalog.isSafeFileName(".hidden.gguf")).isFalse();
        assertThat(ModelCatalog.isSafeFileName("a\\b.gguf")).isFalse();
        assertThat(ModelCatalog.isSafeFileName("m.gguf.part")).isFalse();
        assertThat(ModelCatalog.isSafeFileName("library.json")).isFalse();
        assertThat(ModelCatalog.isSafeFileName(" ")).isFalse();
        assertThat(ModelCatalog.isSafeFileName(null)).isFalse();
    }
}
