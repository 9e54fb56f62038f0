package dev.cyberdevstudio.app.admin;

import static dev.cyberdevstudio.app.admin.AdminFixtures.MIB;
import static dev.cyberdevstudio.app.admin.AdminFixtures.installed;
import static dev.cyberdevstudio.app.admin.AdminFixtures.usage;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.engine.system.SystemMonitor;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.MemoryFit;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.ModelRole;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Renders the admin pane with test doubles and writes one PNG per tab: {@code AdminPaneScreenshot OUT_FOLDER [theme]}.
 * Run under {@code xvfb-run -a} on the test class path. The system charts show this machine, sampled every 400 ms.
 */
public final class AdminPaneScreenshot {

    private AdminPaneScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        var out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var backend = backend();
        var ledger = ledger();
        var executor = new FxTaskExecutor();
        var monitor = SystemMonitor.start(Duration.ofMillis(400), Duration.ofMinutes(2));
        var shown = new CountDownLatch(1);
        var holder = new Object[2];
        Platform.runLater(() -> {
            var catalog = ThemeCatalog.load();
            var theme = args.length > 1 ? catalog.byId(args[1]).orElseThrow() : catalog.defaultTheme();
            Application.setUserAgentStylesheet(theme.baseStylesheet());
            var admin = new AdminViewModel(executor, backend, monitor, ledger, new TestAdminDialogs());
            var pane = new AdminPane(admin);
            admin.start();
            var stage = new Stage();
            var scene = new Scene(pane, 1280, 820);
            scene.getStylesheets().setAll(catalog.sharedStylesheet(), theme.tokensStylesheet());
            stage.setScene(scene);
            stage.setTitle("Admin");
            stage.show();
            holder[0] = admin;
            holder[1] = pane;
            shown.countDown();
        });
        shown.await();
        var admin = (AdminViewModel) holder[0];
        var pane = (AdminPane) holder[1];
        waitUntil(() -> admin.models().installed().size() == 2);
        Platform.runLater(() -> {
            var models = admin.models();
            models.download(backend.catalog.get(1));
            models.selectedInstalledProperty().set(models.installed().getFirst());
            models.load().thenRun(() -> Platform.runLater(() -> {
                models.selectedInstalledProperty().set(models.installed().get(1));
                models.contextSizeProperty().set(32768);
            }));
        });
        waitUntil(() -> backend.downloads.size() == 1 && admin.models().loaded().size() == 1);
        backend.downloads.getFirst().running(612 * MIB, 7.5 * MIB);
        Thread.sleep(8000);
        for (int tab = 0; tab < 3; tab++) {
            int index = tab;
            var done = new CountDownLatch(1);
            Platform.runLater(() -> {
                pane.tabs().getSelectionModel().select(index);
                done.countDown();
            });
            done.await();
            Thread.sleep(700);
            var names = new String[] {"models", "system", "usage"};
            write(pane.getScene(), out.resolve("admin-" + names[index] + ".png"));
        }
        admin.close();
        monitor.close();
        executor.close();
        Platform.exit();
        System.exit(0);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the pane did not get there in 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static void write(Scene scene, Path file) throws Exception {
        var image = new CountDownLatch(1);
        var result = new WritableImage[1];
        Platform.runLater(() -> {
            result[0] = scene.snapshot(null);
            image.countDown();
        });
        if (!image.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no snapshot");
        }
        var fx = result[0];
        int width = (int) fx.getWidth();
        int height = (int) fx.getHeight();
        var pixels = new int[width * height];
        fx.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels,
            0, width);
        var awt = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        awt.setRGB(0, 0, width, height, pixels, 0, width);
        try {
            ImageIO.write(awt, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestModelsBackend backend() {
        var backend = new TestModelsBackend();
        backend.catalog.add(entry("qwen2.5-coder-1.5b", "Qwen2.5 Coder 1.5B Instruct", ModelRole.CODE, "1.5B",
            "qwen2.5-coder-1.5b-instruct-q8_0.gguf", 1_650 * MIB, "Apache-2.0", "Q8_0"));
        backend.catalog.add(entry("llama-3.2-1b", "Llama 3.2 1B Instruct", ModelRole.CHAT, "1.2B",
            "llama-3.2-1b-instruct-q8_0.gguf", 1_260 * MIB, "Llama 3.2", "Q8_0"));
        backend.catalog.add(entry("hermes-3b", "Hermes 3 Llama 3.2 3B", ModelRole.FUNCTION_CALLING, "3.2B",
            "hermes-3-llama-3.2-3b-q4_k_m.gguf", 1_930 * MIB, "Llama 3.2", "Q4_K_M"));
        backend.catalog.add(entry("nomic-embed", "nomic-embed-text v1.5", ModelRole.EMBEDDING, "137M",
            "nomic-embed-text-v1.5.f16.gguf", 262 * MIB, "Apache-2.0", "F16"));
        var folder = Path.of("/home/you/.local/share/cyberdevstudio/models");
        backend.install(installed(folder, "qwen2.5-coder-1.5b-instruct-q8_0.gguf", Optional.of("qwen2.5-coder-1.5b")));
        backend.install(installed(folder, "nomic-embed-text-v1.5.f16.gguf", Optional.of("nomic-embed")));
        backend.runtime.memoryPerLoad = 1_730 * MIB;
        backend.runtime.fit = (file, parameters) -> parameters.contextSize() > 8192
            ? new MemoryFit(MemoryFit.Verdict.SHRINK_CONTEXT, 9L << 30, 6L << 30, OptionalInt.of(8192),
                "A 32768-token context needs a 3.5 GB KV cache.")
            : new MemoryFit(MemoryFit.Verdict.FITS, 1_900 * MIB, 6L << 30, OptionalInt.empty(), "fits");
        return backend;
    }

    private static TestTokenLedger ledger() {
        var ledger = new TestTokenLedger();
        var now = Instant.now();
        var models = new String[] {"qwen2.5-coder-1.5b-instruct-q8_0.gguf", "llama-3.2-1b-instruct-q8_0.gguf"};
        var outcomes = GenerationOutcome.values();
        for (int i = 0; i < 160; i++) {
            var at = now.minus(Duration.ofHours(i * 2L + 1));
            ledger.record(usage(at, models[i % 3 == 0 ? 1 : 0], 200 + (i * 37) % 900, 40 + (i * 53) % 400,
                outcomes[i % 11 == 0 ? 2 : i % 7 == 0 ? 1 : 0]));
        }
        return ledger;
    }

    private static CatalogEntry entry(String id, String name, ModelRole role, String parameters, String fileName,
                                      long size, String licence, String quantisation) {
        return new CatalogEntry(id, name, role, parameters, URI.create("https://huggingface.co/" + fileName), fileName,
            Optional.of(size), Optional.of("ab".repeat(32)), licence, 32768, quantisation, false);
    }
}
