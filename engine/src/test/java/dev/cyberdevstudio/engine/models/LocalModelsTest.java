package dev.cyberdevstudio.engine.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.llm.LoadParameters;
import dev.cyberdevstudio.llm.MemoryFit;
import dev.cyberdevstudio.llm.UsageRecorder;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.ModelRole;
import dev.cyberdevstudio.models.library.VerificationState;
import dev.cyberdevstudio.models.testing.TestModels;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade over a real models folder, a real catalog and library, and llama.cpp on a generated tiny model. */
class LocalModelsTest {

    @TempDir
    Path home;

    @TempDir
    Path generated;

    @Test
    void listsAFileDroppedInTheFolderLoadsItAndRefusesToDeleteItWhileLoaded() throws Exception {
        try (var models = LocalModels.open(new StudioHome(home), UsageRecorder.none())) {
            assertThat(models.folder()).isEqualTo(home.resolve("models"));
            assertThat(models.catalog()).isNotEmpty();
            assertThat(models.installed()).isEmpty();
            var changes = new AtomicInteger();
            models.addLibraryListener(changes::incrementAndGet);

            var tiny = TestModels.tiny(generated);
            var file = Files.copy(tiny, models.folder().resolve(tiny.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            models.refresh();

            assertThat(models.installed()).extracting(model -> model.file()).contains(file);
            var parameters = LoadParameters.defaults().withContextSize(256);
            assertThat(models.runtime().checkFit(file, parameters).verdict()).isEqualTo(MemoryFit.Verdict.FITS);
            var loaded = models.runtime().load(file, parameters).join();
            assertThat(models.runtime().loaded()).extracting(model -> model.id()).containsExactly(loaded.id());
            assertThat(loaded.memoryBytes()).isPositive();

            assertThatThrownBy(() -> models.delete(file)).isInstanceOf(EngineException.class)
                .hasMessageContaining(file.getFileName().toString()).hasMessageContaining("unload");
            models.runtime().unload(loaded.id());
            models.delete(file);
            assertThat(models.installed()).isEmpty();
            assertThat(changes.get()).isPositive();
        }
    }

    @Test
    void listsFilesItCannotLoadWithTheReasonAndMarksThemUnusable() throws Exception {
        var models = home.resolve("models");
        Files.createDirectories(models);
        Files.copy(TestModels.unsupportedArchitecture(generated), models.resolve("exotic.gguf"));
        Files.copy(TestModels.notGguf(generated), models.resolve("photo.gguf"));
        try (var local = LocalModels.open(new StudioHome(home), UsageRecorder.none())) {
            assertThat(local.installed()).hasSize(2).allSatisfy(model -> {
                assertThat(model.usable()).isFalse();
                assertThat(model.verification()).isEqualTo(VerificationState.UNREADABLE);
                assertThat(model.problem()).get().asString().contains(model.file().getFileName().toString());
            });
            assertThat(local.installed()).anySatisfy(model -> assertThat(model.problem()).get().asString()
                .contains("quantumnet"));
        }
    }

    @Test
    void addsALocalGgufFileByCopyingItAndRefusesAFileThatIsNot() throws Exception {
        try (var models = LocalModels.open(new StudioHome(home), UsageRecorder.none())) {
            var changes = new AtomicInteger();
            models.addLibraryListener(changes::incrementAndGet);
            var tiny = TestModels.tiny(generated);

            var added = models.addLocalFile(tiny);

            var copy = models.folder().resolve(tiny.getFileName());
            assertThat(added.file()).isEqualTo(copy);
            assertThat(added.usable()).isTrue();
            assertThat(added.verification()).isEqualTo(VerificationState.UNVERIFIED);
            assertThat(copy).exists();
            assertThat(tiny).exists();
            assertThat(models.installed()).extracting(model -> model.file()).containsExactly(copy);
            assertThat(changes.get()).isPositive();

            var notGguf = Files.move(TestModels.notGguf(generated), generated.resolve("holiday.gguf"));
            assertThatThrownBy(() -> models.addLocalFile(notGguf)).isInstanceOf(EngineException.class)
                .hasMessageContaining("holiday.gguf");
            assertThat(models.folder().resolve("holiday.gguf")).doesNotExist();
            assertThat(models.installed()).extracting(model -> model.file()).containsExactly(copy);
        }
    }

    @Test
    void keepsAModelAddedByUrlAcrossRestartsAndRemovesItOnRequest() {
        var url = URI.create("https://example.org/models/my-coder-1.5b-q4_k_m.gguf");
        String id;
        try (var models = LocalModels.open(new StudioHome(home), UsageRecorder.none())) {
            var changes = new AtomicInteger();
            models.addLibraryListener(changes::incrementAndGet);
            var entry = models.addCatalogEntry(url, "My coder", ModelRole.CODE, Optional.empty(),
                Optional.of(1_000_000L));
            id = entry.id();
            assertThat(entry.userAdded()).isTrue();
            assertThat(entry.fileName()).isEqualTo("my-coder-1.5b-q4_k_m.gguf");
            assertThat(models.catalog()).contains(entry);
            assertThat(changes.get()).isPositive();

            assertThatThrownBy(() -> models.addCatalogEntry(url, "Again", ModelRole.CODE, Optional.empty(),
                Optional.empty())).isInstanceOf(EngineException.class)
                .hasMessageContaining("my-coder-1.5b-q4_k_m.gguf");
            assertThatThrownBy(() -> models.addCatalogEntry(URI.create("ftp://example.org/x.gguf"), "Ftp",
                ModelRole.CODE, Optional.empty(), Optional.empty())).isInstanceOf(EngineException.class)
                .hasMessageNotContaining("null");
        }
        try (var models = LocalModels.open(new StudioHome(home), UsageRecorder.none())) {
            assertThat(models.catalog()).filteredOn(CatalogEntry::userAdded).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.id()).isEqualTo(id);
                    assertThat(entry.name()).isEqualTo("My coder");
                    assertThat(entry.source()).isEqualTo(url);
                    assertThat(entry.sizeBytes()).contains(1_000_000L);
                });
            var bundled = models.catalog().stream().filter(entry -> !entry.userAdded()).findFirst().orElseThrow();
            assertThatThrownBy(() -> models.removeCatalogEntry(bundled.id())).isInstanceOf(EngineException.class)
                .hasMessageContaining(bundled.id());

            models.removeCatalogEntry(id);

            assertThat(models.catalog()).noneMatch(CatalogEntry::userAdded);
        }
        try (var models = LocalModels.open(new StudioHome(home), UsageRecorder.none())) {
            assertThat(models.catalog()).noneMatch(CatalogEntry::userAdded);
        }
    }
}
