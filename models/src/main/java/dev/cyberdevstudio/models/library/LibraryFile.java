package dev.cyberdevstudio.models.library;

import java.util.List;

/** The JSON shape of {@code library.json}: what the studio knows about each model file beyond the file itself. */
record LibraryFile(int version, List<Entry> models) {

    static final int VERSION = 1;

    LibraryFile {
        models = models == null ? List.of() : List.copyOf(models);
    }

    /**
     * @param state            VERIFIED, MISMATCH or UNVERIFIED (the others are not stored: they are found again)
     * @param sha256           the hash computed when it was last checked or downloaded, if ever
     * @param checkedSize      the size when that hash was computed: another size or time means the file changed
     * @param checkedModified  the modification time (ms) when that hash was computed
     */
    record Entry(String file, String catalogId, VerificationState state, String sha256, Long checkedSize,
                 Long checkedModified, String installedAt) {
    }
}
