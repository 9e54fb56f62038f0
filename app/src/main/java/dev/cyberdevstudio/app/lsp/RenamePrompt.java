package dev.cyberdevstudio.app.lsp;

import java.util.Optional;
import javafx.stage.Window;

/** Asks the user for a symbol's new name; {@link FxRenamePrompt} asks with a dialog, tests answer directly. */
@FunctionalInterface
public interface RenamePrompt {

    /** The new name for {@code currentName}, or empty when the user cancels. */
    Optional<String> askNewName(Window owner, String currentName);
}
