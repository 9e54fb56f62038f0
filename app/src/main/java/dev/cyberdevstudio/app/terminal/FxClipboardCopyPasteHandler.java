package dev.cyberdevstudio.app.terminal;

import com.techsenger.jeditermfx.ui.TerminalCopyPasteHandler;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Copy and paste through JavaFX's clipboard. JediTermFX's default handler goes through AWT's toolkit, which the
 * studio never starts and which refuses to work headless; JavaFX has no separate X11 selection clipboard, so both
 * kinds of request use the system clipboard. Called on the FX thread (key and menu actions).
 */
final class FxClipboardCopyPasteHandler implements TerminalCopyPasteHandler {

    @Override
    public void setContents(String text, boolean useSystemSelectionClipboardIfAvailable) {
        var content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public String getContents(boolean useSystemSelectionClipboardIfAvailable) {
        var clipboard = Clipboard.getSystemClipboard();
        return clipboard.hasString() ? clipboard.getString() : null;
    }
}
