package dev.cyberdevstudio.app.theme;

import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Applies a theme to every window of the studio, dialogs included, and switches it live.
 * The AtlantaFX base goes in as the user-agent stylesheet; our shared rules and the theme's tokens go on each scene.
 */
public final class ThemeManager {

    private final ThemeCatalog catalog;
    private final ReadOnlyObjectWrapper<StudioTheme> current;

    public ThemeManager(ThemeCatalog catalog, StudioTheme initial) {
        this.catalog = catalog;
        this.current = new ReadOnlyObjectWrapper<>(Objects.requireNonNull(initial));
    }

    public ReadOnlyObjectProperty<StudioTheme> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public StudioTheme current() {
        return current.get();
    }

    /** Themes windows that exist now and every window opened later (dialogs, popups). Call once, on the FX thread. */
    public void install() {
        Application.setUserAgentStylesheet(current().baseStylesheet());
        Window.getWindows().forEach(this::follow);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::follow);
            }
        });
    }

    public void apply(StudioTheme theme) {
        current.set(Objects.requireNonNull(theme));
        Application.setUserAgentStylesheet(theme.baseStylesheet());
        Window.getWindows().stream().filter(window -> !(window instanceof PopupWindow)).map(Window::getScene)
            .filter(Objects::nonNull).forEach(this::style);
    }

    public List<String> stylesheets() {
        return List.of(catalog.sharedStylesheet(), current().tokensStylesheet());
    }

    /** Gives a scene that is not in a window yet (a dialog's, say) the current theme. */
    public void style(Scene scene) {
        scene.getStylesheets().setAll(stylesheets());
    }

    private void follow(Window window) {
        if (window instanceof PopupWindow) {
            // Menus and tooltips take their owner's style sheets; replacing them breaks their transparent frame.
            return;
        }
        if (window.getScene() != null) {
            style(window.getScene());
        }
        window.sceneProperty().addListener((observable, before, after) -> {
            if (after != null) {
                style(after);
            }
        });
    }
}
