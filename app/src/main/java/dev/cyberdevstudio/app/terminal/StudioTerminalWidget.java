package dev.cyberdevstudio.app.terminal;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.TerminalCopyPasteHandler;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;
import javafx.geometry.Dimension2D;
import javafx.scene.canvas.Canvas;

/**
 * A JediTermFX widget painted from a {@link PaletteSettingsProvider}, with copy and paste on JavaFX's clipboard.
 * Create and use it on the FX thread.
 */
final class StudioTerminalWidget extends JediTermFxWidget {

    StudioTerminalWidget(PaletteSettingsProvider settings) {
        super(settings);
    }

    /**
     * Text in the default style carries no colour of its own and is painted with the settings' default colours, so
     * that it follows the palette. The style state's own default colours serve only the painter of the cursor
     * (and of inverse video on such text), which is how the palette's cursor colour reaches the block cursor.
     * Called from the super constructor, before this class's fields are set.
     */
    @Override
    protected StyleState createDefaultStyle() {
        var settings = (PaletteSettingsProvider) mySettingsProvider;
        return new StyleState() {
            @Override
            public TerminalColor getDefaultForeground() {
                return settings.cursorColor();
            }

            @Override
            public TerminalColor getDefaultBackground() {
                return settings.getDefaultBackground();
            }
        };
    }

    @Override
    protected TerminalPanel createTerminalPanel(SettingsProvider settings, StyleState styleState,
                                                TerminalTextBuffer textBuffer) {
        return new StudioTerminalPanel(settings, textBuffer, styleState);
    }

    /** Picks up a new palette: colours are looked up on the next frame, the font and cell size now. */
    void paletteChanged() {
        ((StudioTerminalPanel) myTerminalPanel).reloadFont();
    }

    PaletteSettingsProvider settings() {
        return (PaletteSettingsProvider) mySettingsProvider;
    }

    /** The size of one character cell in pixels, which follows the palette's font. */
    Dimension2D cellSize() {
        return ((StudioTerminalPanel) myTerminalPanel).cellSize();
    }

    /** The node that takes the keyboard. */
    Canvas keyboardTarget() {
        return myTerminalPanel.getCanvas();
    }

    /** Everything the terminal holds: the scrolled-off history, then the screen. */
    String text() {
        var buffer = getTerminalTextBuffer();
        buffer.lock();
        try {
            var history = buffer.getHistoryBuffer().getLines();
            return history.isEmpty() ? buffer.getScreenLines() : history + "\n" + buffer.getScreenLines();
        } finally {
            buffer.unlock();
        }
    }

    private static final class StudioTerminalPanel extends TerminalPanel {

        StudioTerminalPanel(SettingsProvider settings, TerminalTextBuffer textBuffer, StyleState styleState) {
            super(settings, textBuffer, styleState);
        }

        @Override
        protected TerminalCopyPasteHandler createCopyPasteHandler() {
            return new FxClipboardCopyPasteHandler();
        }

        Dimension2D cellSize() {
            return myCharSize;
        }

        void reloadFont() {
            reinitFontAndResize();
            repaint();
        }
    }
}
