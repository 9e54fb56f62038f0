package dev.cyberdevstudio.app.bench;

import atlantafx.base.theme.PrimerDark;
import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.app.editor.EditorDialogs;
import dev.cyberdevstudio.app.editor.EditorTabsPane;
import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.app.editor.highlight.SyntaxHighlighting;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.engine.syntax.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The editor on a large generated Java file, in a real window with the studio's theme and tree-sitter highlighting:
 * time from asking to open the file to the first frame that shows its text (and to the moment all of it is in the
 * editor), the heap in use after a full GC once the file is open and styled, then keystroke-to-paint latency (a
 * typed character to the end of the frame that shows it) over a few hundred keystrokes at typing pace.
 *
 * <pre>./bench editor [LINES] [KEYSTROKES] [studio|plain|bare]</pre>
 * {@code studio} (the default) is the studio's editor with highlighting; {@code plain} the same without highlighting;
 * {@code bare} is the reference: a bare RichTextFX CodeArea with line numbers and the same text, no view model.
 * Besides the sentences, the results come as {@code RESULT key value} lines, which {@code ./bench editor} (no
 * arguments) gathers from a 10k-line and a 100k-line run into one table beside the goals.
 */
public final class EditorBench {

    private static final PrintStream OUT = System.out;
    private static final long TYPING_INTERVAL_MS = 60;

    private EditorBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int keystrokes = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        var mode = args.length > 2 ? args[2] : "studio";
        boolean highlighted = mode.equals("studio");
        var file = Files.createTempDirectory("studio-editor-bench").resolve("Big.java");
        Files.writeString(file, javaSource(lines));
        OUT.printf("File: %s (%d lines, %d MB), %s%n", file, lines, Files.size(file) >> 20,
            switch (mode) {
                case "studio" -> "studio editor with tree-sitter highlighting";
                case "plain" -> "studio editor without highlighting";
                default -> "bare RichTextFX CodeArea (reference)";
            });

        var started = new CompletableFuture<Void>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());

        var executor = new FxTaskExecutor();
        var opened = new CompletableFuture<CodeArea>();
        var firstPaint = new CompletableFuture<Long>();
        if (mode.equals("bare")) {
            Platform.runLater(() -> openBare(file, opened, firstPaint));
        } else {
            Platform.runLater(() -> openInWindow(file, executor, highlighted, opened, firstPaint));
        }
        long coldPaint = firstPaint.get(120, TimeUnit.SECONDS);
        OUT.printf("Open to first paint of the text (cold JVM): %d ms%n", coldPaint);
        result("paint.cold", coldPaint);
        long coldComplete = complete.get(120, TimeUnit.SECONDS);
        OUT.printf("Open to all of the text in the editor (cold JVM): %d ms%n", coldComplete);
        result("complete.cold", coldComplete);
        var first = opened.get();
        var area = first;
        if (!mode.equals("bare")) {
            // The same file again in the warm JVM: what opening a large file later in a session costs.
            var reopened = new CompletableFuture<CodeArea>();
            var secondPaint = new CompletableFuture<Long>();
            complete = new CompletableFuture<>();
            Platform.runLater(() -> reopen(first, file, reopened, secondPaint));
            long warmPaint = secondPaint.get(120, TimeUnit.SECONDS);
            OUT.printf("Open to first paint of the text (warm JVM): %d ms%n", warmPaint);
            result("paint.warm", warmPaint);
            long warmComplete = complete.get(120, TimeUnit.SECONDS);
            OUT.printf("Open to all of the text in the editor (warm JVM): %d ms%n", warmComplete);
            result("complete.warm", warmComplete);
            area = reopened.get();
        }

        // Let the first styling pass of the whole file finish, as it would while a person reads the file.
        Thread.sleep(Long.getLong("bench.settleMillis", 8000));
        long heap = usedHeapAfterGc();
        OUT.printf("Heap in use after a full GC, the file open and styled: %d MB%n", heap >> 20);
        result("heap.mb", heap >> 20);
        var latencies = new ArrayList<Long>();
        var work = new ArrayList<Long>();
        for (int i = 0; i < keystrokes; i++) {
            var sample = typeOneKey(area, i);
            latencies.add(sample[0]);
            work.add(sample[1]);
            Thread.sleep(TYPING_INTERVAL_MS);
        }
        report("Keystroke to painted frame", "keys", latencies);
        report("UI-thread work per keystroke (key handling + layout)", "work", work);
        executor.close();
        Platform.exit();
        System.exit(0);
    }

    private static EditorTabsViewModel tabs;
    private static EditorTabsPane tabsPane;
    private static volatile CompletableFuture<Long> complete = new CompletableFuture<>();

    private static void result(String key, long value) {
        OUT.printf("RESULT %s %d%n", key, value);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void reopen(CodeArea previous, Path file, CompletableFuture<CodeArea> opened,
                               CompletableFuture<Long> firstPaint) {
        var scene = previous.getScene();
        tabs.closeAll();
        probeFirstPaint(scene, () -> tabsPane.activeEditor().map(CodeEditor::area), System.nanoTime(), opened,
            firstPaint);
        tabs.open(file);
    }

    private static void openInWindow(Path file, FxTaskExecutor executor, boolean highlighted,
                                     CompletableFuture<CodeArea> opened,
                                     CompletableFuture<Long> firstPaint) {
        var catalog = ThemeCatalog.load();
        var viewModel = new EditorTabsViewModel(executor, new AnswerYes());
        var pane = new EditorTabsPane(viewModel);
        tabs = viewModel;
        tabsPane = pane;
        if (highlighted) {
            pane.setHighlighting((path, area) -> SyntaxHighlighting.attach(area, Language.JAVA, executor));
        }
        var scene = new Scene(pane, 1400, 900);
        scene.getStylesheets().setAll(catalog.sharedStylesheet(), catalog.defaultTheme().tokensStylesheet());
        var stage = new Stage();
        stage.setScene(scene);
        stage.show();
        probeFirstPaint(scene, () -> pane.activeEditor().map(CodeEditor::area), System.nanoTime(), opened,
            firstPaint);
        viewModel.open(file);
    }

    /** Completes when a frame shows the file's text: the area has it and a layout pulse has run with it. */
    /**
     * Completes {@code firstPaint} after the first layout pass that has the file's first lines on screen, and
     * {@code complete} once the editor holds every line (a large file is filled in after its first frame).
     */
    private static void probeFirstPaint(Scene scene, Supplier<Optional<CodeArea>> shownArea, long asked,
                                        CompletableFuture<CodeArea> opened, CompletableFuture<Long> firstPaint) {
        Runnable[] probe = new Runnable[1];
        probe[0] = () -> shownArea.get()
            .filter(area -> area.getLength() > 0 && !area.getVisibleParagraphs().isEmpty())
            .ifPresent(area -> {
                if (!firstPaint.isDone()) {
                    firstPaint.complete((System.nanoTime() - asked) / 1_000_000);
                }
                boolean loading = tabs != null && tabs.activeDocument().map(DocumentViewModel::isLoading)
                    .orElse(false);
                if (loading) {
                    return;
                }
                scene.removePostLayoutPulseListener(probe[0]);
                complete.complete((System.nanoTime() - asked) / 1_000_000);
                Platform.runLater(() -> {
                    area.requestFocus();
                    area.moveTo(area.getParagraphs().size() / 2, 0);
                    area.requestFollowCaret();
                    opened.complete(area);
                });
            });
        scene.addPostLayoutPulseListener(probe[0]);
        Platform.requestNextPulse();
    }

    private static void openBare(Path file, CompletableFuture<CodeArea> opened, CompletableFuture<Long> firstPaint) {
        var catalog = ThemeCatalog.load();
        var area = new CodeArea();
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        var scene = new Scene(new VirtualizedScrollPane<>(area), 1400, 900);
        scene.getStylesheets().setAll(catalog.sharedStylesheet(), catalog.defaultTheme().tokensStylesheet());
        var stage = new Stage();
        stage.setScene(scene);
        stage.show();
        long asked = System.nanoTime();
        try {
            area.replaceText(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        area.moveTo(0);
        probeFirstPaint(scene, () -> Optional.of(area), asked, opened, firstPaint);
    }

    private static void report(String what, String key, List<Long> samples) {
        samples.sort(Long::compare);
        long median = samples.get(samples.size() / 2);
        long p99 = samples.get((int) (samples.size() * 0.99));
        OUT.printf("%s over %d keys: median %.2f ms, p99 %.2f ms, max %.2f ms%n", what, samples.size(),
            median / 1e6, p99 / 1e6, samples.getLast() / 1e6);
        result(key + ".median.us", median / 1000);
        result(key + ".p99.us", p99 / 1000);
    }

    /**
     * Types one character and returns {latency, work}: latency runs from the key event to the end of the pulse that
     * lays out and draws it (so it includes waiting for the pulse); work is the time the UI thread spent handling
     * the key plus that pulse's layout pass.
     */
    private static long[] typeOneKey(CodeArea area, int index) throws Exception {
        var done = new CompletableFuture<long[]>();
        Platform.runLater(() -> {
            var scene = area.getScene();
            long typed = System.nanoTime();
            long[] layoutStart = new long[1];
            Runnable[] before = new Runnable[1];
            Runnable[] after = new Runnable[1];
            before[0] = () -> {
                scene.removePreLayoutPulseListener(before[0]);
                layoutStart[0] = System.nanoTime();
            };
            var character = index % 20 == 19 ? " " : "x";
            Event.fireEvent(area, new KeyEvent(KeyEvent.KEY_TYPED, character, "", KeyCode.UNDEFINED,
                false, false, false, false));
            long handled = System.nanoTime() - typed;
            after[0] = () -> {
                scene.removePostLayoutPulseListener(after[0]);
                long layout = System.nanoTime() - layoutStart[0];
                Platform.runLater(() -> done.complete(new long[] {System.nanoTime() - typed, handled + layout}));
            };
            scene.addPreLayoutPulseListener(before[0]);
            scene.addPostLayoutPulseListener(after[0]);
            Platform.requestNextPulse();
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    private static String javaSource(int lines) {
        var text = new StringBuilder(lines * 40);
        text.append("package bench;\n\npublic class Big {\n");
        int line = 3;
        int method = 0;
        while (line < lines - 1) {
            text.append("    /** Method ").append(method).append(". */\n")
                .append("    public int method").append(method).append("(int value, String name) {\n")
                .append("        int total = value * ").append(method % 97).append(" + name.length();\n")
                .append("        String label = \"item-\" + total; // a comment\n")
                .append("        return label.isEmpty() ? 0 : total;\n")
                .append("    }\n");
            line += 6;
            method++;
        }
        return text.append("}\n").toString();
    }

    /** The benchmark never meets a question: the file is small enough and never dirty on close. */
    private static final class AnswerYes implements EditorDialogs {
        @Override
        public UnsavedChoice askUnsaved(Path file) {
            return UnsavedChoice.DONT_SAVE;
        }

        @Override
        public ReloadChoice askReloadOrKeep(Path file) {
            return ReloadChoice.KEEP_MINE;
        }

        @Override
        public boolean confirmOpenLarge(Path file, long size) {
            return true;
        }

        @Override
        public void showError(String title, String message) {
            OUT.println(title + ": " + message);
        }

        @Override
        public Optional<String> askGoToLine(int currentLine, int lineCount) {
            return Optional.empty();
        }
    }
}
