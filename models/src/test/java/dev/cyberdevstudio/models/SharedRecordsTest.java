package dev.cyberdevstudio.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.ModelRole;
import dev.cyberdevstudio.models.download.DownloadProgress;
import dev.cyberdevstudio.models.download.DownloadState;
import dev.cyberdevstudio.models.gguf.GgufReader;
import dev.cyberdevstudio.models.library.InstalledModel;
import dev.cyberdevstudio.models.library.VerificationState;
import dev.cyberdevstudio.models.testing.TestModels;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The shared records' own rules, with a real header from the reader where they hold one. */
class SharedRecordsTest {

    @Test
    void installedModelIsUsableOnlyWithAHeaderAndNoBadChecksum() {
        var info = Optional.of(GgufReader.read(TestModels.tiny(TestModels.DEFAULT_DIR)));
        Path file = info.get().file();
        for (var state : VerificationState.values()) {
            var model = new InstalledModel(file, 1, Optional.empty(), info, state, Optional.empty(), Instant.EPOCH);
            assertThat(model.usable()).as(state.name())
                .isEqualTo(state == VerificationState.VERIFIED || state == VerificationState.UNVERIFIED);
        }
        assertThat(new InstalledModel(file, 1, Optional.of("id"), Optional.empty(), VerificationState.VERIFIED,
            Optional.of("unreadable"), Instant.EPOCH).usable()).isFalse();
        assertThatThrownBy(() -> new InstalledModel(null, 1, Optional.empty(), info, VerificationState.VERIFIED,
            Optional.empty(), Instant.EPOCH)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void downloadFractionNeedsAKnownTotal() {
        var half = new DownloadProgress("d", DownloadState.RUNNING, 50, OptionalLong.of(100), 1, Optional.empty(),
            Optional.empty());
        assertThat(half.fraction()).isEqualTo(0.5);
        assertThat(new DownloadProgress("d", DownloadState.RUNNING, 50, OptionalLong.empty(), 1, Optional.empty(),
            Optional.empty()).fraction()).isEqualTo(-1);
        assertThat(new DownloadProgress("d", DownloadState.COMPLETED, 150, OptionalLong.of(100), 1, Optional.empty(),
            Optional.empty()).fraction()).isEqualTo(1.0);
    }

    @Test
    void catalogEntryRequiresItsKeysAndExceptionsKeepTheirCause() {
        var entry = new CatalogEntry("id", "Name", ModelRole.CODE, "1B", URI.create("https://example.org/m.gguf"),
            "m.gguf", Optional.of(1L), Optional.empty(), "MIT", 4096, "Q8_0", false);
        assertThat(entry.role()).isEqualTo(ModelRole.CODE);
        assertThat(ModelRole.values()).hasSize(4);
        assertThatThrownBy(() -> new CatalogEntry("id", "Name", ModelRole.CHAT, "1B", null, "m.gguf",
            Optional.empty(), Optional.empty(), "MIT", 1, "Q8_0", false)).isInstanceOf(NullPointerException.class);
        var cause = new IllegalStateException("x");
        assertThat(new ModelsException("m", cause)).hasCause(cause).hasMessage("m");
    }
}
