package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.library.InstalledModel;
import java.util.Objects;
import java.util.Optional;

/** An installed model file with the catalog entry it was downloaded for, as one row of the Installed table. */
public record InstalledRow(InstalledModel model, Optional<CatalogEntry> entry) {

    public InstalledRow {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(entry, "entry");
    }

    public String fileName() {
        return model.file().getFileName().toString();
    }

    public String name() {
        return entry.map(CatalogEntry::name)
            .or(() -> model.info().map(info -> info.name()))
            .orElse(fileName());
    }

    public String role() {
        return entry.map(e -> Roles.label(e.role())).orElse("—");
    }

    public String parameters() {
        return model.info().map(info -> Formats.count(info.parameterCount()))
            .or(() -> entry.map(CatalogEntry::parameters)).orElse("—");
    }

    public String size() {
        return Formats.bytes(model.sizeBytes());
    }

    public String quantisation() {
        return model.info().map(info -> info.quantisation()).or(() -> entry.map(CatalogEntry::quantisation))
            .orElse("—");
    }

    public String licence() {
        return entry.map(CatalogEntry::licence).filter(licence -> !licence.isBlank()).orElse("—");
    }

    public String verification() {
        var state = switch (model.verification()) {
            case VERIFIED -> "✓ verified";
            case UNVERIFIED -> "unverified";
            case CHECKING -> "checking…";
            case MISMATCH -> "✗ checksum mismatch";
            case UNREADABLE -> "✗ unreadable";
        };
        return state;
    }
}
