package dev.cyberdevstudio.app.symbols;

import dev.cyberdevstudio.engine.syntax.SymbolKind;
import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The icon of each kind of symbol, coloured by the theme through {@code .symbol-icon.<kind>}. */
final class SymbolIcons {

    private SymbolIcons() {
    }

    static FontIcon of(SymbolKind kind) {
        var icon = new FontIcon();
        show(icon, kind);
        return icon;
    }

    /** Turns {@code icon} into the icon of {@code kind}: list cells reuse one icon rather than make one per update. */
    static void show(FontIcon icon, SymbolKind kind) {
        icon.setIconCode(ikon(kind));
        icon.getStyleClass().setAll("symbol-icon", styleClassOf(kind));
    }

    private static String styleClassOf(SymbolKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Ikon ikon(SymbolKind kind) {
        return switch (kind) {
            case CLASS -> Material2AL.CLASS;
            case INTERFACE -> Material2AL.EXTENSION;
            case ENUM -> Material2AL.FORMAT_LIST_NUMBERED;
            case RECORD -> Material2MZ.VIEW_MODULE;
            case ANNOTATION -> Material2AL.ALT_ROUTE;
            case CONSTRUCTOR -> Material2AL.BUILD;
            case METHOD, FUNCTION -> Material2AL.FUNCTIONS;
            case FIELD, PROPERTY, VARIABLE -> Material2AL.LABEL;
            case ENUM_CONSTANT -> Material2AL.LOOKS_ONE;
            case TYPE_ALIAS -> Material2MZ.SHORT_TEXT;
            case NAMESPACE -> Material2AL.FOLDER_OPEN;
            case HEADING -> Material2MZ.TITLE;
            case KEY -> Material2MZ.VPN_KEY;
        };
    }
}
