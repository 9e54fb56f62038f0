package dev.cyberdevstudio.app.playground;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.playground.InMemoryPlaygroundHistory;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import dev.cyberdevstudio.engine.usage.InMemoryTokenLedger;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Shows the playground alone, with the streaming test double, runs two prompts and writes a PNG of the window: a
 * picture for reviewers, not a test. Run with the test class path: {@code PlaygroundScreenshot OUT.png [theme-id]}.
 */
public final class PlaygroundScreenshot {

    private PlaygroundScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        var out = Path.of(args.length > 0 ? args[0] : "target/playground.png");
        var themeId = args.length > 1 ? args[1] : "";
        var started = new CompletableFuture<Void>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        var models = Files.createTempDirectory("playground-shot");
        var files = List.of(Files.writeString(models.resolve("qwen2.5-coder-1.5b-q8_0.gguf"), "GGUF"),
                Files.writeString(models.resolve("llama-3.2-1b-instruct-q4_k_m.gguf"), "GGUF"));
        var ledger = new InMemoryTokenLedger();
        var runtime = new TestRuntime(ledger, Duration.ofMillis(100), Duration.ofMillis(40));
        var executor = new FxTaskExecutor();
        var ready = new CompletableFuture<PlaygroundPane>();
        Platform.runLater(() -> {
            var pane = PlaygroundPane.create(runtime, () -> files, ledger, new InMemoryPlaygroundHistory(),
                    new InMemorySettings(), executor);
            var catalog = ThemeCatalog.load();
            var theme = catalog.byId(themeId).orElse(catalog.defaultTheme());
            var themes = new ThemeManager(catalog, theme);
            themes.install();
            var stage = new Stage();
            var scene = new Scene(pane, 1280, 800);
            themes.style(scene);
            stage.setScene(scene);
            stage.setTitle("LLM Playground");
            stage.show();
            ready.complete(pane);
        });
        var pane = ready.get(30, TimeUnit.SECONDS);
        var viewModel = pane.viewModel();
        await(() -> viewModel.models().size() == 2);
        Platform.runLater(() -> viewModel.selectedModelProperty().set(viewModel.models().getFirst()));
        await(() -> viewModel.currentModel().isPresent());
        Platform.runLater(() -> {
            viewModel.pricePer1kTokensProperty().set(0.002);
            viewModel.userPromptProperty().set("What is a context window?");
            viewModel.run();
        });
        await(() -> viewModel.phaseProperty().get() == PlaygroundPhase.IDLE && !viewModel.runs().isEmpty());
        Platform.runLater(() -> {
            viewModel.systemPromptProperty().set("You are a terse senior engineer. Answer in two sentences.");
            viewModel.userPromptProperty().set("Explain top-p sampling to a new colleague");
            viewModel.seedProperty().set("42");
            viewModel.stopStringsProperty().set("\\n\\nUser:");
            viewModel.maxTokensProperty().set(256);
            viewModel.run();
        });
        await(() -> viewModel.generatedTokensProperty().get() >= 20);
        var image = new CompletableFuture<WritableImage>();
        Platform.runLater(() -> image.complete(pane.getScene().snapshot(null)));
        write(image.get(30, TimeUnit.SECONDS), out);
        Platform.runLater(viewModel::stop);
        Thread.sleep(300);
        runtime.close();
        Thread.sleep(200);
        executor.close();
        Platform.exit();
        System.exit(0);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            var met = new CompletableFuture<Boolean>();
            Platform.runLater(() -> met.complete(condition.getAsBoolean()));
            if (met.get(10, TimeUnit.SECONDS)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the playground did not get there in 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static void write(WritableImage image, Path out) throws IOException {
        var width = (int) image.getWidth();
        var height = (int) image.getHeight();
        var buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var reader = image.getPixelReader();
        for (var y = 0; y < height; y++) {
            for (var x = 0; x < width; x++) {
                buffered.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(buffered, "png", out.toFile());
    }
}
