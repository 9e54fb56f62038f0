package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.engine.system.SystemSample;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.UsageRecord;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.ModelRole;
import dev.cyberdevstudio.models.gguf.GgufInfo;
import dev.cyberdevstudio.models.library.InstalledModel;
import dev.cyberdevstudio.models.library.VerificationState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Records for the admin tests: catalog entries, installed files with headers, usage records, samples. */
final class AdminFixtures {

    static final long MIB = 1024L * 1024;
    static final long GIB = 1024L * MIB;

    private AdminFixtures() {
    }

    static CatalogEntry entry(String id, ModelRole role, String fileName, long size) {
        return new CatalogEntry(id, "Tiny " + id, role, "1.5B", URI.create("http://127.0.0.1:1/" + fileName), fileName,
            Optional.of(size), Optional.of("ab".repeat(32)), "Apache-2.0", 32768, "Q8_0", false);
    }

    static GgufInfo header(Path file, String name) {
        return new GgufInfo(file, 100 * MIB, 3, "llama", name, 1_540_000_000L, "Q8_0", 32768, 1536, 28, "gpt2",
            151_936, Optional.empty(), false);
    }

    static InstalledModel installed(Path folder, String fileName, Optional<String> catalogId) {
        var file = folder.resolve(fileName);
        return new InstalledModel(file, 1_650 * MIB, catalogId, Optional.of(header(file, fileName)),
            VerificationState.VERIFIED, Optional.empty(), Instant.parse("2026-11-01T10:00:00Z"));
    }

    static UsageRecord usage(Instant at, String model, int prompt, int generated, GenerationOutcome outcome) {
        return new UsageRecord(at, model, UsageRecord.RequestKind.CHAT, prompt, generated, Duration.ofMillis(180),
            Duration.ofSeconds(2), 42.5, outcome);
    }

    static SystemSample sample(Instant at, double cpu, long available, long rss) {
        return new SystemSample(at, cpu, 16 * GIB, available, rss, cpu / 4, 8);
    }
}
