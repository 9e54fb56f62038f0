package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.Subscription;

/**
 * Wavy underlines under the problems of one file, drawn on the editor's overlay for the visible lines only and
 * drawn again whenever the view moves or the text changes. Red for errors, amber for warnings, a faint line for
 * information and hints (the colours come from the theme through the stylesheet).
 */
final class SquiggleLayer implements AutoCloseable {

    private static final double WAVE = 2;
    private static final double MIN_WIDTH = 6;

    private final CodeArea area;
    private final Pane overlay;
    private final Supplier<List<Diagnostic>> diagnostics;
    private final Group layer = new Group();
    private final Subscription viewport;
    private boolean drawing;
    private boolean dirtyWhileDrawing;
    private boolean redrawPending;

    SquiggleLayer(CodeArea area, Pane overlay, Supplier<List<Diagnostic>> diagnostics) {
        this.area = area;
        this.overlay = overlay;
        this.diagnostics = diagnostics;
        layer.setManaged(false);
        layer.getStyleClass().add("lsp-squiggles");
        overlay.getChildren().add(layer);
        viewport = area.viewportDirtyEvents().subscribe(ignored -> redrawSoon());
    }

    // The viewport reports itself dirty from inside a text change, while the area's paragraphs are still being
    // replaced; asking it for visible paragraphs then throws. Draw once the change is through, once per burst.
    private void redrawSoon() {
        if (!redrawPending) {
            redrawPending = true;
            javafx.application.Platform.runLater(() -> {
                redrawPending = false;
                redraw();
            });
        }
    }

    /** The drawn underlines, for tests. */
    List<Path> squiggles() {
        return layer.getChildren().stream().map(Path.class::cast).toList();
    }

    /**
     * Draws the visible underlines again. Asking the area where characters are may lay it out, which reports the
     * viewport dirty again from inside this method: that report is taken as one more pass, not a nested one.
     */
    void redraw() {
        if (drawing) {
            dirtyWhileDrawing = true;
            return;
        }
        drawing = true;
        try {
            int passes = 0;
            do {
                dirtyWhileDrawing = false;
                layer.getChildren().setAll(draw());
            } while (dirtyWhileDrawing && ++passes < 3);
        } finally {
            drawing = false;
        }
    }

    private List<Path> draw() {
        var paths = new ArrayList<Path>();
        var all = diagnostics.get();
        if (all.isEmpty() || area.getVisibleParagraphs().isEmpty() || overlay.getScene() == null) {
            return paths;
        }
        int first = area.firstVisibleParToAllParIndex();
        int last = area.lastVisibleParToAllParIndex();
        int paragraphs = area.getParagraphs().size();
        for (var diagnostic : all) {
            int startLine = diagnostic.span().start().line();
            int endLine = Math.max(startLine, diagnostic.span().end().line());
            if (endLine < first || startLine > last || startLine >= paragraphs) {
                continue;
            }
            for (int line = Math.max(startLine, first); line <= Math.min(Math.min(endLine, last), paragraphs - 1);
                 line++) {
                int length = area.getParagraph(line).length();
                int from = line == startLine ? Math.min(diagnostic.span().start().character(), length) : 0;
                int to = line == endLine ? Math.min(diagnostic.span().end().character(), length) : length;
                underline(diagnostic, line, from, Math.max(from, to), length).ifPresent(paths::add);
            }
        }
        return paths;
    }

    private Optional<Path> underline(Diagnostic diagnostic, int line, int from, int to, int length) {
        if (from == to) {
            // An empty span (a missing token) marks the character after it, or before it at the end of the line.
            if (length == 0) {
                return Optional.empty();
            }
            if (to < length) {
                to++;
            } else {
                from--;
            }
        }
        int start = area.getAbsolutePosition(line, from);
        int end = area.getAbsolutePosition(line, to);
        return area.getCharacterBoundsOnScreen(start, end).flatMap(onScreen -> wave(diagnostic, onScreen));
    }

    private Optional<Path> wave(Diagnostic diagnostic, Bounds onScreen) {
        var local = overlay.screenToLocal(onScreen);
        if (local == null) {
            return Optional.empty();
        }
        double left = local.getMinX();
        double right = Math.max(local.getMaxX(), left + MIN_WIDTH);
        double base = local.getMaxY() - 1;
        var path = new Path();
        path.getStyleClass().addAll("lsp-squiggle", Severities.styleClass(diagnostic.severity()));
        path.getElements().add(new MoveTo(left, base));
        boolean up = true;
        for (double x = left + WAVE; x <= right; x += WAVE) {
            path.getElements().add(new LineTo(x, up ? base - WAVE : base));
            up = !up;
        }
        path.setUserData(diagnostic);
        return Optional.of(path);
    }

    @Override
    public void close() {
        viewport.unsubscribe();
        overlay.getChildren().remove(layer);
    }
}
