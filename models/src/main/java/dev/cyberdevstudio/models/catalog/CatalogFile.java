package dev.cyberdevstudio.models.catalog;

import java.util.List;

/** The JSON shape of the bundled catalog and of the user's catalog file. Nullable fields mean "not published". */
record CatalogFile(int version, List<Entry> models) {

    static final int VERSION = 1;

    CatalogFile {
        models = models == null ? List.of() : List.copyOf(models);
    }

    record Entry(String id, String name, ModelRole role, String parameters, String source, String fileName,
                 Long sizeBytes, String sha256, String licence, Long contextLength, String quantisation) {
    }
}
