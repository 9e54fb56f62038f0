package dev.cyberdevstudio.models.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.ModelCatalog;
import dev.cyberdevstudio.models.catalog.ModelRole;
import dev.cyberdevstudio.models.gguf.GgufInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's bookkeeping, with a stand-in header reader (files starting with "GGUF" are models); parsing real
 * GGUF headers is the reader's job and is tested with it.
 */
class ModelLibraryTest {

    @TempDir
    Path root;

    private Path folder;
    private ModelCatalog catalog;
    private final AtomicInteger headerReads = new AtomicInteger();
    private final HeaderReader fakeReader = file -> {
        headerReads.incrementAndGet();
        try {
            byte[] start = Arrays.copyOf(Files.readAllBytes(file), 4);
            if (!new String(start, StandardCharsets.US_ASCII).equals("GGUF")) {
                throw new ModelsException(file.getFileName() + " is not a GGUF file");
            }
        } catch (IOException e) {
            throw new ModelsException(file + " cannot be read", e);
        }
        return new GgufInfo(file, 0, 3, "llama", file.getFileName().toString(), 1000, "Q8_0", 512, 64, 2, "llama",
            300, Optional.empty(), false);
    };

    @BeforeEach
    void setUp() {
        folder = root.resolve("models");
        catalog = ModelCatalog.load(root.resolve("user-catalog.json"));
    }

    private static byte[] model(int size, int seed) {
        byte[] data = new byte[size];
        new java.util.Random(seed).nextBytes(data);
        System.arraycopy("GGUF".getBytes(StandardCharsets.US_ASCII), 0, data, 0, 4);
        return data;
    }

    private static String sha(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private CatalogEntry publish(String fileName, byte[] data) throws Exception {
        return catalog.addByUrl(URI.create("https://example.org/" + fileName), fileName, ModelRole.CHAT,
            Optional.of(sha(data)), Optional.of((long) data.length));
    }

    private ModelLibrary open() {
        return ModelLibrary.open(folder, fakeReader, catalog);
    }

    @Test
    void aFileDroppedInByHandAppearsUnverifiedAndVerifiesAgainstTheCatalog() throws Exception {
        byte[] data = model(5000, 1);
        CatalogEntry entry = publish("dropped-1b-q8_0.gguf", data);
        ModelLibrary library = open();
        assertThat(library.installed()).isEmpty();
        Files.write(folder.resolve("dropped-1b-q8_0.gguf"), data);
        Files.writeString(folder.resolve("notes.txt"), "not a model");
        Files.write(folder.resolve("partial.gguf.part"), data);

        library.refresh();

        assertThat(library.installed()).singleElement().satisfies(m -> {
            assertThat(m.file()).isEqualTo(folder.resolve("dropped-1b-q8_0.gguf"));
            assertThat(m.sizeBytes()).isEqualTo(5000);
            assertThat(m.verification()).isEqualTo(VerificationState.UNVERIFIED);
            assertThat(m.catalogId()).contains(entry.id());
            assertThat(m.info()).isPresent();
            assertThat(m.usable()).isTrue();
        });

        InstalledModel checked = library.verify(folder.resolve("dropped-1b-q8_0.gguf")).get(10, TimeUnit.SECONDS);

        assertThat(checked.verification()).isEqualTo(VerificationState.VERIFIED);
        assertThat(checked.problem()).isEmpty();
        assertThat(open().installed()).singleElement()
            .satisfies(m -> assertThat(m.verification()).isEqualTo(VerificationState.VERIFIED));
    }

    @Test
    void aMismatchingFileIsMarkedAndNotUsableAcrossRestarts() throws Exception {
        byte[] published = model(4000, 2);
        publish("bad-1b-q4_0.gguf", published);
        byte[] damaged = published.clone();
        damaged[2000] ^= 1;
        ModelLibrary library = open();
        Path file = folder.resolve("bad-1b-q4_0.gguf");
        Files.write(file, damaged);
        List<List<InstalledModel>> changes = new CopyOnWriteArrayList<>();
        library.addListener(changes::add);

        InstalledModel checked = library.verify(file).get(10, TimeUnit.SECONDS);

        assertThat(checked.verification()).isEqualTo(VerificationState.MISMATCH);
        assertThat(checked.usable()).isFalse();
        String damagedSha = sha(damaged);
        String publishedSha = sha(published);
        assertThat(checked.problem()).hasValueSatisfying(p -> assertThat(p)
            .contains("bad-1b-q4_0.gguf").contains(damagedSha).contains(publishedSha));
        assertThat(changes).anySatisfy(list -> assertThat(list).singleElement()
            .extracting(InstalledModel::verification).isEqualTo(VerificationState.CHECKING));
        assertThat(changes.getLast()).singleElement()
            .extracting(InstalledModel::verification).isEqualTo(VerificationState.MISMATCH);

        ModelLibrary reopened = open();
        assertThat(reopened.find(file)).get().satisfies(m -> {
            assertThat(m.verification()).isEqualTo(VerificationState.MISMATCH);
            assertThat(m.usable()).isFalse();
            assertThat(m.installedAt()).isEqualTo(checked.installedAt());
        });

        // Replaced by the right bytes (another size or time), it is unverified again until checked.
        Files.write(file, published);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        reopened.refresh();
        assertThat(reopened.find(file)).get().extracting(InstalledModel::verification)
            .isEqualTo(VerificationState.UNVERIFIED);
        assertThat(reopened.verify(file).get(10, TimeUnit.SECONDS).verification())
            .isEqualTo(VerificationState.VERIFIED);
    }

    @Test
    void withoutAPublishedChecksumVerificationSaysUnverified() throws Exception {
        ModelLibrary library = open();
        Path file = folder.resolve("homemade.gguf");
        Files.write(file, model(100, 3));

        assertThat(library.verify(file).get(10, TimeUnit.SECONDS).verification())
            .isEqualTo(VerificationState.UNVERIFIED);
    }

    @Test
    void anUnreadableHeaderIsReportedWithTheReadersReason() throws Exception {
        ModelLibrary library = open();
        Files.writeString(folder.resolve("zip-in-disguise.gguf"), "PK not a model");

        library.refresh();

        assertThat(library.installed()).singleElement().satisfies(m -> {
            assertThat(m.verification()).isEqualTo(VerificationState.UNREADABLE);
            assertThat(m.problem()).contains("zip-in-disguise.gguf is not a GGUF file");
            assertThat(m.info()).isEmpty();
            assertThat(m.usable()).isFalse();
        });
    }

    @Test
    void headersAreReadOnceUntilTheFileChanges() throws Exception {
        ModelLibrary library = open();
        Files.write(folder.resolve("a.gguf"), model(100, 4));
        library.refresh();
        int reads = headerReads.get();

        library.refresh();
        library.refresh();

        assertThat(headerReads.get()).isEqualTo(reads);
    }

    @Test
    void addLocalFileCopiesIntoTheFolderAndRefusesNonModelsAndDuplicates() throws Exception {
        ModelLibrary library = open();
        Path outside = root.resolve("downloads");
        Files.createDirectories(outside);
        Path source = outside.resolve("mine-0.5b-q8_0.gguf");
        Files.write(source, model(3000, 5));

        InstalledModel added = library.addLocalFile(source);

        assertThat(added.file()).isEqualTo(folder.resolve("mine-0.5b-q8_0.gguf"));
        assertThat(Files.readAllBytes(added.file())).isEqualTo(Files.readAllBytes(source));
        assertThat(source).exists();
        assertThat(added.verification()).isEqualTo(VerificationState.UNVERIFIED);
        assertThat(library.addLocalFile(added.file())).isEqualTo(added);
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                .containsExactlyInAnyOrder("mine-0.5b-q8_0.gguf", ModelLibrary.METADATA_FILE);
        }

        assertThatThrownBy(() -> library.addLocalFile(source)).hasMessageContaining("already in");
        Path notModel = outside.resolve("fake.gguf");
        Files.writeString(notModel, "hello");
        assertThatThrownBy(() -> library.addLocalFile(notModel)).hasMessageContaining("not a GGUF");
        assertThat(folder.resolve("fake.gguf")).doesNotExist();
        Path text = outside.resolve("readme.txt");
        Files.writeString(text, "GGUF");
        assertThatThrownBy(() -> library.addLocalFile(text)).hasMessageContaining("not a .gguf");
        assertThatThrownBy(() -> library.addLocalFile(outside.resolve("missing.gguf")))
            .hasMessageContaining("is not a file");
    }

    @Test
    void deleteRemovesTheFileAndItsRecordButNothingOutsideTheFolder() throws Exception {
        ModelLibrary library = open();
        Path file = folder.resolve("gone.gguf");
        Files.write(file, model(100, 6));
        library.refresh();

        library.delete(file);

        assertThat(file).doesNotExist();
        assertThat(library.installed()).isEmpty();
        assertThat(Files.readString(folder.resolve(ModelLibrary.METADATA_FILE))).doesNotContain("gone.gguf");
        Path outside = root.resolve("keep.gguf");
        Files.write(outside, model(10, 7));
        assertThatThrownBy(() -> library.delete(outside)).hasMessageContaining("not in the models folder");
        assertThatThrownBy(() -> library.delete(folder.resolve("../keep.gguf")))
            .hasMessageContaining("not in the models folder");
        assertThat(outside).exists();
    }

    @Test
    void aDownloadIsRecordedWithoutHashingAgainAndFilesRemovedByHandDisappear() throws Exception {
        byte[] data = model(2000, 8);
        CatalogEntry entry = publish("fetched.gguf", data);
        ModelLibrary library = open();
        Path file = folder.resolve("fetched.gguf");
        Files.write(file, data);

        library.recordDownload(file, Optional.of(entry.id()), sha(data), true);

        assertThat(library.find(file)).get().satisfies(m -> {
            assertThat(m.verification()).isEqualTo(VerificationState.VERIFIED);
            assertThat(m.catalogId()).contains(entry.id());
        });
        assertThat(open().find(file)).get().extracting(InstalledModel::verification)
            .isEqualTo(VerificationState.VERIFIED);

        Files.delete(file);
        library.refresh();
        assertThat(library.installed()).isEmpty();
        assertThat(library.find(file)).isEmpty();
    }

    @Test
    void verifyingAFileThatIsNotThereFails() {
        ModelLibrary library = open();

        assertThatThrownBy(() -> library.verify(folder.resolve("none.gguf")).get(10, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ModelsException.class)
            .hasMessageContaining("none.gguf is not in");
    }

    @Test
    void aCorruptLibraryFileIsMovedAsideAndEverythingIsUnverifiedAgain() throws Exception {
        Files.createDirectories(folder);
        Files.write(folder.resolve("m.gguf"), model(100, 9));
        Files.writeString(folder.resolve(ModelLibrary.METADATA_FILE), "{ broken");
        List<List<InstalledModel>> changes = new CopyOnWriteArrayList<>();

        ModelLibrary library = open();
        library.addListener(changes::add);
        library.addListener(list -> {
            throw new IllegalStateException("a broken listener must not stop the others");
        });
        library.refresh();

        assertThat(library.installed()).singleElement().extracting(InstalledModel::verification)
            .isEqualTo(VerificationState.UNVERIFIED);
        assertThat(folder.resolve(ModelLibrary.METADATA_FILE + ".corrupt")).exists();
        assertThat(changes).hasSize(1);
        assertThat(library.folder()).isEqualTo(folder.toAbsolutePath());
    }

    @Test
    void openWithTheBundledCatalogMatchesItsFileNames() throws Exception {
        Files.createDirectories(folder);
        Files.write(folder.resolve("bge-small-en-v1.5-q8_0.gguf"), model(100, 10));

        ModelLibrary library = ModelLibrary.open(folder, fakeReader);

        assertThat(library.installed()).singleElement().satisfies(m -> {
            assertThat(m.catalogId()).contains("bge-small-en-v1.5-q8_0");
            assertThat(m.verification()).isEqualTo(VerificationState.UNVERIFIED);
        });
        // A tiny file cannot be the published 36.8 MB one.
        assertThat(library.verify(folder.resolve("bge-small-en-v1.5-q8_0.gguf")).get(10, TimeUnit.SECONDS)
            .verification()).isEqualTo(VerificationState.MISMATCH);
    }
}
