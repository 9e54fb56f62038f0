package dev.cyberdevstudio.models.library;

import dev.cyberdevstudio.models.gguf.GgufInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A model file in the user's models folder (or one the user pointed the studio at).
 *
 * @param catalogId which catalog entry it was downloaded for, if any
 * @param info      the header, when it could be read
 * @param problem   why it cannot be used (header unreadable, checksum mismatch), naming the file and the cause
 */
public record InstalledModel(Path file, long sizeBytes, Optional<String> catalogId, Optional<GgufInfo> info,
                             VerificationState verification, Optional<String> problem, Instant installedAt) {

    public InstalledModel {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(catalogId, "catalogId");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(installedAt, "installedAt");
    }

    /** Whether the runtime may load it: a readable header and no checksum mismatch. */
    public boolean usable() {
        return info.isPresent() && verification != VerificationState.MISMATCH
            && verification != VerificationState.UNREADABLE && verification != VerificationState.CHECKING;
    }
}
