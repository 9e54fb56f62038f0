package dev.cyberdevstudio.app.admin;

import static dev.cyberdevstudio.app.admin.AdminFixtures.GIB;
import static dev.cyberdevstudio.app.admin.AdminFixtures.MIB;
import static dev.cyberdevstudio.app.admin.AdminFixtures.entry;
import static dev.cyberdevstudio.app.admin.AdminFixtures.installed;
import static dev.cyberdevstudio.app.admin.AdminFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.llm.MemoryFit;
import dev.cyberdevstudio.llm.RuntimeEvent;
import dev.cyberdevstudio.models.catalog.ModelRole;
import dev.cyberdevstudio.models.download.DownloadState;
import dev.cyberdevstudio.models.library.VerificationState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Models tab's view model over test doubles of the local models, with work run inline. */
class AdminModelsViewModelTest {

    private static final Path FOLDER = Path.of("/data/models");

    private final TestModelsBackend backend = new TestModelsBackend();
    private final TestAdminDialogs dialogs = new TestAdminDialogs();
    private ModelsViewModel viewModel;

    @BeforeEach
    void setUp() {
        backend.catalog.add(entry("coder", ModelRole.CODE, "coder.gguf", 1_650 * MIB));
        backend.catalog.add(entry("embed", ModelRole.EMBEDDING, "embed.gguf", 90 * MIB));
        backend.install(installed(FOLDER, "coder.gguf", Optional.of("coder")));
        backend.install(installed(FOLDER, "mine.gguf", Optional.empty()));
        viewModel = new ModelsViewModel(new CurrentThreadTaskExecutor(), backend, dialogs);
        viewModel.refresh().join();
    }

    @Test
    void showsCatalogAndInstalledFilesWithWhatTheCatalogKnows() {
        assertThat(viewModel.catalog()).extracting(entry -> entry.id()).containsExactly("coder", "embed");
        var coder = viewModel.installed().get(0);
        assertThat(coder.name()).isEqualTo("Tiny coder");
        assertThat(coder.role()).isEqualTo("Code");
        assertThat(coder.licence()).isEqualTo("Apache-2.0");
        assertThat(coder.parameters()).isEqualTo("1.5B");
        assertThat(coder.size()).isEqualTo("1.6 GB");
        assertThat(coder.quantisation()).isEqualTo("Q8_0");
        assertThat(coder.verification()).isEqualTo("✓ verified");
        var mine = viewModel.installed().get(1);
        assertThat(mine.role()).isEqualTo("—");
        assertThat(mine.licence()).isEqualTo("—");
        assertThat(mine.name()).isEqualTo("mine.gguf");
    }

    @Test
    void showsDownloadProgressWithSpeedAndTimeLeftThenTheInstalledFile() {
        viewModel.download(backend.catalog.get(1));
        var handle = backend.downloads.getFirst();
        var row = viewModel.downloads().getFirst();

        handle.running(45 * MIB, 5 * MIB);

        assertThat(row.fractionProperty().get()).isEqualTo(0.5);
        assertThat(row.detailProperty().get()).isEqualTo("45.0 MB of 90.0 MB · 5.0 MB/s · 9 s left");
        assertThat(row.canPauseProperty().get()).isTrue();
        assertThat(row.canResumeProperty().get()).isFalse();

        backend.install(installed(FOLDER, "embed.gguf", Optional.of("embed")));
        handle.finish(FOLDER.resolve("embed.gguf"));

        assertThat(viewModel.downloads()).isEmpty();
        assertThat(viewModel.installed()).extracting(InstalledRow::fileName).contains("embed.gguf");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Downloaded embed.gguf");
    }

    @Test
    void pauseResumeAndCancelActOnTheHandle() {
        viewModel.download(backend.catalog.get(0));
        var handle = backend.downloads.getFirst();
        var row = viewModel.downloads().getFirst();
        handle.running(100, 10);

        row.pause();
        assertThat(handle.pauses).hasValue(1);
        assertThat(row.stateProperty().get()).isEqualTo(DownloadState.PAUSED);
        assertThat(row.canResumeProperty().get()).isTrue();
        assertThat(row.canPauseProperty().get()).isFalse();

        row.resume();
        assertThat(handle.resumes).hasValue(1);
        assertThat(row.stateProperty().get()).isEqualTo(DownloadState.RUNNING);

        viewModel.cancel(row);
        assertThat(handle.cancels).hasValue(1);
        assertThat(viewModel.downloads()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Cancelled the download of coder.gguf");
    }

    @Test
    void doesNotDownloadTheSameFileTwiceAtOnce() {
        viewModel.download(backend.catalog.get(0));
        viewModel.download(backend.catalog.get(0));

        assertThat(backend.downloads).hasSize(1);
        assertThat(viewModel.messageProperty().get()).isEqualTo("coder.gguf is already downloading");
    }

    @Test
    void aChecksumFailureKeepsTheRowWithTheFileAndTheCause() {
        viewModel.download(backend.catalog.get(1));
        var handle = backend.downloads.getFirst();
        handle.running(90 * MIB, 0);

        handle.fail("embed.gguf: SHA-256 is 1f2e… but the catalog publishes abab…; the partial file was deleted");

        var row = viewModel.downloads().getFirst();
        assertThat(row.stateProperty().get()).isEqualTo(DownloadState.FAILED);
        assertThat(row.detailProperty().get()).contains("failed", "SHA-256 is 1f2e");
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get())
            .startsWith("Download of embed.gguf failed: embed.gguf: SHA-256 is 1f2e");

        viewModel.cancel(row);
        assertThat(viewModel.downloads()).isEmpty();
        assertThat(handle.cancels).hasValue(0);
    }

    @Test
    void aFullDiskMidDownloadSaysWhichFolder() {
        viewModel.download(backend.catalog.get(0));
        backend.downloads.getFirst().running(800 * MIB, 3 * MIB);

        backend.downloads.getFirst().fail("Disk full writing coder.gguf.part in /data/models: 0 bytes left");

        assertThat(viewModel.messageProperty().get())
            .isEqualTo("Download of coder.gguf failed: Disk full writing coder.gguf.part in /data/models: 0 bytes left");
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
    }

    @Test
    void aDownloadRefusedAtTheStartSaysWhy() {
        backend.downloadRefusal = Optional.of("coder.gguf needs 1.6 GB but /data/models has 200 MB free");

        viewModel.download(backend.catalog.get(0));

        assertThat(viewModel.downloads()).isEmpty();
        assertThat(viewModel.messageProperty().get())
            .isEqualTo("Could not download coder.gguf: coder.gguf needs 1.6 GB but /data/models has 200 MB free");
    }

    @Test
    void showsTheFitVerdictForTheSelectedModelAndParameters() {
        viewModel.selectedInstalledProperty().set(viewModel.installed().getFirst());

        assertThat(viewModel.fitProperty().get().verdict()).isEqualTo(MemoryFit.Verdict.FITS);
        assertThat(viewModel.fitTextProperty().get()).isEqualTo("✓ Fits: needs 600 MB, 8.0 GB free");

        backend.runtime.fit = (file, parameters) -> parameters.contextSize() > 8192
            ? new MemoryFit(MemoryFit.Verdict.SHRINK_CONTEXT, 9 * GIB, 8 * GIB, OptionalInt.of(8192),
                "The KV cache for 32768 tokens needs 3 GB.")
            : TestLlmRuntime.fits();
        viewModel.contextSizeProperty().set(32768);

        assertThat(viewModel.fitTextProperty().get()).isEqualTo(
            "⚠ Too big with this context (needs 9.0 GB, 8.0 GB free); context 8192 would fit. "
                + "The KV cache for 32768 tokens needs 3 GB.");
    }

    @Test
    void loadsAFittingModelAndListsItWithItsMemory() {
        viewModel.selectedInstalledProperty().set(viewModel.installed().getFirst());
        viewModel.threadsProperty().set(2);
        viewModel.contextSizeProperty().set(2048);
        viewModel.batchSizeProperty().set(256);
        viewModel.parallelSlotsProperty().set(2);

        var model = viewModel.load().join();

        assertThat(model).isPresent();
        var parameters = backend.runtime.loads.getFirst();
        assertThat(parameters.threads()).isEqualTo(2);
        assertThat(parameters.contextSize()).isEqualTo(2048);
        assertThat(parameters.batchSize()).isEqualTo(256);
        assertThat(parameters.parallelSlots()).isEqualTo(2);
        assertThat(parameters.embeddings()).isFalse();
        assertThat(viewModel.loaded()).hasSize(1);
        var row = viewModel.loaded().getFirst();
        assertThat(row.fileName()).isEqualTo("coder.gguf");
        assertThat(row.memoryBytesProperty().get()).isEqualTo(512 * MIB);
        assertThat(row.parameters()).isEqualTo("ctx 2048 · 2 threads · batch 256 · 2 slots");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Loaded coder.gguf (512 MB in memory)");
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    @Test
    void aRefreshAfterTheLoadKeepsTheRowTheUserSelectedAndUpdatesItsNumbers() {
        viewModel.selectedInstalledProperty().set(viewModel.installed().getFirst());
        var model = viewModel.load().join().orElseThrow();
        var row = viewModel.loaded().getFirst();

        backend.runtime.loadedModel(0).memory.set(700 * MIB);
        viewModel.onRuntimeEvent(new RuntimeEvent.Loaded(model));

        assertThat(viewModel.loaded()).singleElement().isSameAs(row);
        assertThat(row.memoryBytesProperty().get()).isEqualTo(700 * MIB);
    }

    @Test
    void refusesAModelTooBigForMemoryWithTheReasonAndLoadsNothing() {
        backend.runtime.fit = (file, parameters) -> new MemoryFit(MemoryFit.Verdict.TOO_BIG, 40 * GIB, 8 * GIB,
            OptionalInt.empty(), "coder.gguf needs 40 GB even with a 512-token context; 8 GB are free.");
        viewModel.selectedInstalledProperty().set(viewModel.installed().getFirst());

        var model = viewModel.load().join();

        assertThat(model).isEmpty();
        assertThat(backend.runtime.loads).isEmpty();
        assertThat(viewModel.loaded()).isEmpty();
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get()).isEqualTo(
            "Not loading coder.gguf: coder.gguf needs 40 GB even with a 512-token context; 8 GB are free.");
        assertThat(viewModel.fitTextProperty().get()).startsWith("✗ Too big for this machine (needs 40.0 GB");
    }

    @Test
    void proposesASmallerContextAndLoadsWithItOnTheSecondAsk() {
        backend.runtime.fit = (file, parameters) -> parameters.contextSize() > 8192
            ? new MemoryFit(MemoryFit.Verdict.SHRINK_CONTEXT, 9 * GIB, 8 * GIB, OptionalInt.of(8192),
                "With 32768 tokens of context it needs 9 GB.")
            : TestLlmRuntime.fits();
        viewModel.selectedInstalledProperty().set(viewModel.installed().getFirst());
        viewModel.contextSizeProperty().set(32768);

        assertThat(viewModel.load().join()).isEmpty();
        assertThat(backend.runtime.loads).isEmpty();
        assertThat(viewModel.contextSizeProperty().get()).isEqualTo(8192);
        assertThat(viewModel.messageProperty().get()).isEqualTo("Not loading coder.gguf yet: With 32768 tokens of "
            + "context it needs 9 GB. Context set to 8192; press Load again.");

        assertThat(viewModel.load().join()).isPresent();
        assertThat(backend.runtime.loads.getFirst().contextSize()).isEqualTo(8192);
    }

    @Test
    void aFailedLoadNamesTheFileAndTheCause() {
        backend.runtime.loadFailure = Optional.of("coder.gguf uses architecture 'mamba3', which llama.cpp b4916 "
            + "does not support");
        viewModel.selectedInstalledProperty().set(viewModel.installed().getFirst());

        assertThat(viewModel.load().join()).isEmpty();

        assertThat(viewModel.messageProperty().get()).isEqualTo("Could not load coder.gguf: coder.gguf uses "
            + "architecture 'mamba3', which llama.cpp b4916 does not support");
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    @Test
    void refusesToLoadAFileWhoseChecksumFailed() {
        var broken = installed(FOLDER, "bad.gguf", Optional.of("coder"));
        backend.install(new dev.cyberdevstudio.models.library.InstalledModel(broken.file(), broken.sizeBytes(),
            broken.catalogId(), broken.info(), VerificationState.MISMATCH,
            Optional.of("bad.gguf: SHA-256 differs from the published one"), broken.installedAt()));
        viewModel.refresh().join();
        viewModel.selectedInstalledProperty().set(viewModel.installed().getLast());

        assertThat(viewModel.load().join()).isEmpty();

        assertThat(backend.runtime.fitChecks).isEmpty();
        assertThat(viewModel.messageProperty().get())
            .isEqualTo("bad.gguf cannot be loaded: bad.gguf: SHA-256 differs from the published one");
        assertThat(viewModel.fitTextProperty().get()).startsWith("bad.gguf cannot be loaded");
    }

    @Test
    void loadsEmbeddingModelsForEmbeddings() {
        backend.install(installed(FOLDER, "embed.gguf", Optional.of("embed")));
        viewModel.refreshInstalled();
        viewModel.selectedInstalledProperty().set(viewModel.installed().getLast());

        viewModel.load().join();

        assertThat(backend.runtime.loads.getFirst().embeddings()).isTrue();
    }

    @Test
    void refusesParametersOutOfRange() {
        viewModel.selectedInstalledProperty().set(viewModel.installed().getFirst());
        viewModel.parallelSlotsProperty().set(0);

        assertThat(viewModel.parameters()).isEmpty();
        assertThat(viewModel.fitTextProperty().get()).isEqualTo("Threads, context, batch and slots must be at least 1");
        assertThat(viewModel.load().join()).isEmpty();
        assertThat(backend.runtime.loads).isEmpty();
    }

    @Test
    void unloadsAndFollowsUnloadsTheRuntimeDoesByItself() {
        viewModel.selectedInstalledProperty().set(viewModel.installed().getFirst());
        viewModel.load().join();
        viewModel.load().join();
        assertThat(viewModel.loaded()).hasSize(2);

        viewModel.unload(viewModel.loaded().getFirst());
        assertThat(viewModel.loaded()).extracting(LoadedModelRow::id).containsExactly("coder.gguf#2");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Unloaded coder.gguf");

        backend.runtime.unload("coder.gguf#2");
        viewModel.onRuntimeEvent(new RuntimeEvent.Unloaded("coder.gguf#2", "idle for 10 minutes"));
        assertThat(viewModel.loaded()).isEmpty();
    }

    @Test
    void showsFreeMemoryAndWhatEachLoadedModelHoldsLive() {
        viewModel.selectedInstalledProperty().set(viewModel.installed().getFirst());
        viewModel.load().join();
        var id = viewModel.loaded().getFirst().id();

        viewModel.applySample(sample(Instant.now(), 0.3, 5 * GIB, 700 * MIB),
            Map.of(id, new LoadedStats(700 * MIB, 1)));

        assertThat(viewModel.freeMemoryProperty().get()).isEqualTo(5 * GIB);
        assertThat(viewModel.memoryTextProperty().get())
            .isEqualTo("Free memory 5.0 GB of 16.0 GB · models hold 700 MB");
        assertThat(viewModel.loaded().getFirst().memoryBytesProperty().get()).isEqualTo(700 * MIB);
        assertThat(viewModel.loaded().getFirst().activeGenerationsProperty().get()).isEqualTo(1);
    }

    @Test
    void deletesOnlyAfterConfirmingAndNeverALoadedModel() {
        var mine = viewModel.installed().get(1);
        dialogs.confirm = false;
        viewModel.delete(mine);
        assertThat(backend.deleted).isEmpty();
        assertThat(dialogs.confirmations).containsExactly("mine.gguf 1.6 GB");

        dialogs.confirm = true;
        viewModel.delete(mine);
        assertThat(backend.deleted).containsExactly(mine.model().file());
        assertThat(viewModel.installed()).extracting(InstalledRow::fileName).containsExactly("coder.gguf");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Deleted mine.gguf");

        viewModel.selectedInstalledProperty().set(viewModel.installed().getFirst());
        viewModel.load().join();
        viewModel.delete(viewModel.installed().getFirst());
        assertThat(backend.deleted).hasSize(1);
        assertThat(viewModel.messageProperty().get()).isEqualTo("Unload coder.gguf before deleting it");
    }

    @Test
    void verifyingSaysWhetherTheChecksumMatched() {
        viewModel.verify(viewModel.installed().getFirst());
        assertThat(viewModel.messageProperty().get()).isEqualTo("coder.gguf matches its published SHA-256");

        backend.verifyResult = VerificationState.MISMATCH;
        backend.verifyProblem = Optional.of("SHA-256 is 00ff…, the catalog publishes abab…");
        viewModel.verify(viewModel.installed().getFirst());

        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get())
            .isEqualTo("coder.gguf: SHA-256 is 00ff…, the catalog publishes abab…. Delete it and download again.");
        assertThat(viewModel.installed().getFirst().verification()).isEqualTo("✗ checksum mismatch");
    }

    @Test
    void picksUpDownloadsAlreadyUnderWay() {
        var fresh = new TestModelsBackend();
        fresh.catalog.addAll(backend.catalog);
        fresh.download(fresh.catalog.getFirst()).pause();
        var other = new ModelsViewModel(new CurrentThreadTaskExecutor(), fresh, new TestAdminDialogs());

        other.refresh().join();
        other.refresh().join();

        assertThat(other.downloads()).hasSize(1);
        assertThat(other.downloads().getFirst().stateProperty().get()).isEqualTo(DownloadState.PAUSED);
    }

    @Test
    void addsAModelByUrlToTheCatalog() {
        var answer = viewModel.addByUrl(new ModelUrlForm(" https://example.org/m/my-coder-q4_k_m.gguf ", "My coder",
            ModelRole.CODE, " " + "AB".repeat(32) + " ", "1,000,000")).join();

        assertThat(answer).isEmpty();
        assertThat(viewModel.catalog()).extracting(entry -> entry.id())
            .containsExactly("coder", "embed", "user-my-coder-q4_k_m");
        var added = viewModel.catalog().getLast();
        assertThat(added.userAdded()).isTrue();
        assertThat(added.name()).isEqualTo("My coder");
        assertThat(added.role()).isEqualTo(ModelRole.CODE);
        assertThat(added.source()).hasToString("https://example.org/m/my-coder-q4_k_m.gguf");
        assertThat(added.sha256()).contains("AB".repeat(32));
        assertThat(added.sizeBytes()).contains(1_000_000L);
        assertThat(viewModel.messageIsErrorProperty().get()).isFalse();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Added My coder (my-coder-q4_k_m.gguf) to the catalog");
    }

    @Test
    void addingByUrlSaysWhatIsWrongAndAddsNothing() {
        var invalid = viewModel.addByUrl(new ModelUrlForm("ftp://example.org/x.gguf", "", ModelRole.CHAT, "", ""))
            .join();
        assertThat(invalid).contains("ftp://example.org/x.gguf is not an http or https URL");
        assertThat(viewModel.messageProperty().get()).isEqualTo(invalid.orElseThrow());
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();

        var badSize = viewModel.addByUrl(new ModelUrlForm("https://example.org/x.gguf", "", ModelRole.CHAT, "",
            "big")).join();
        assertThat(badSize).contains("The size must be a whole number of bytes, not big");

        var duplicate = viewModel.addByUrl(new ModelUrlForm("https://example.org/other/coder.gguf", "", ModelRole.CODE,
            "", "")).join();
        assertThat(duplicate).contains("Could not add https://example.org/other/coder.gguf: coder.gguf from the "
            + "catalog is already in the catalog as coder");
        assertThat(viewModel.messageProperty().get()).isEqualTo(duplicate.orElseThrow());
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.catalog()).extracting(entry -> entry.id()).containsExactly("coder", "embed");
    }

    @Test
    void theUrlDialogStaysOpenUntilTheModelIsAdded() {
        dialogs.urlForms = List.of(new ModelUrlForm("", "", ModelRole.CHAT, "", ""),
            new ModelUrlForm("https://example.org/chat.gguf", "", ModelRole.CHAT, "", ""));

        viewModel.addByUrl();

        assertThat(dialogs.urlAnswers).containsExactly(Optional.of("Enter the URL of the model's .gguf file"),
            Optional.empty());
        assertThat(viewModel.catalog()).extracting(entry -> entry.name()).contains("chat.gguf");
    }

    @Test
    void addsAChosenFileToTheInstalledModels() {
        dialogs.chosenFile = Optional.of(Path.of("/home/me/Downloads/picked.gguf"));

        viewModel.addFile();

        assertThat(backend.addedFiles).containsExactly(Path.of("/home/me/Downloads/picked.gguf"));
        assertThat(viewModel.installed()).extracting(InstalledRow::fileName)
            .containsExactly("coder.gguf", "mine.gguf", "picked.gguf");
        assertThat(viewModel.selectedInstalledProperty().get().fileName()).isEqualTo("picked.gguf");
        assertThat(viewModel.messageIsErrorProperty().get()).isFalse();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Added picked.gguf to the models folder");
    }

    @Test
    void addingAFileThatIsNotAModelSaysWhyAndCancellingDoesNothing() {
        viewModel.addFile();
        assertThat(backend.addedFiles).isEmpty();

        backend.addFileRefusal = Optional.of("/home/me/photo.gguf is not a GGUF file: bad magic");
        viewModel.addFile(Path.of("/home/me/photo.gguf"));

        assertThat(viewModel.installed()).extracting(InstalledRow::fileName).containsExactly("coder.gguf", "mine.gguf");
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get())
            .isEqualTo("Could not add photo.gguf: /home/me/photo.gguf is not a GGUF file: bad magic");
    }

    @Test
    void removesOnlyEntriesTheUserAdded() {
        viewModel.addByUrl(new ModelUrlForm("https://example.org/chat.gguf", "Chat", ModelRole.CHAT, "", "")).join();
        var added = viewModel.catalog().getLast();

        viewModel.removeEntry(viewModel.catalog().getFirst());
        assertThat(backend.removedEntries).isEmpty();
        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get())
            .isEqualTo("Tiny coder is one of the studio's recommended models and cannot be removed");

        viewModel.removeEntry(added);

        assertThat(backend.removedEntries).containsExactly(added.id());
        assertThat(viewModel.catalog()).extracting(entry -> entry.id()).containsExactly("coder", "embed");
        assertThat(viewModel.messageIsErrorProperty().get()).isFalse();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Removed Chat from the catalog");
    }

    @Test
    void removingSaysWhyTheBackendRefused() {
        var ghost = new dev.cyberdevstudio.models.catalog.CatalogEntry("user-ghost", "Ghost", ModelRole.CHAT, "?",
            java.net.URI.create("https://example.org/ghost.gguf"), "ghost.gguf", Optional.empty(), Optional.empty(),
            "unknown", 0, "unknown", true);

        viewModel.removeEntry(ghost);

        assertThat(viewModel.messageIsErrorProperty().get()).isTrue();
        assertThat(viewModel.messageProperty().get())
            .isEqualTo("Could not remove Ghost: The catalog has no model user-ghost");
    }
}
