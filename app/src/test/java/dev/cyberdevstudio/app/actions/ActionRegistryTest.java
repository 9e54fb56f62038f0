package dev.cyberdevstudio.app.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

/** The keymap: defaults, rebinding with conflicts, what is saved, resets, and the palette's recent actions. */
class ActionRegistryTest {

    private final InMemorySettings settings = new InMemorySettings();
    private final List<String> ran = new ArrayList<>();

    private ActionRegistry registry() {
        var registry = new ActionRegistry(settings, new CurrentThreadTaskExecutor());
        registry.register(action("file.save", "Save", "File", "Shortcut+S"));
        registry.register(action("edit.find", "Find…", "Edit", "Shortcut+F"));
        registry.register(action("edit.replace", "Replace…", "Edit", "Shortcut+H"));
        registry.register(action("help.about", "About", "Help", null));
        return registry;
    }

    private StudioAction action(String id, String name, String category, String key) {
        return new StudioAction(id, name, category, key, () -> ran.add(id));
    }

    private static KeyCombination key(String text) {
        return KeyCombination.keyCombination(text);
    }

    @Test
    void actionsStartWithTheirDefaultKeysAndRunByIdOrKey() {
        var registry = registry();

        assertThat(registry.keyOf("file.save")).contains(key("Shortcut+S"));
        assertThat(registry.keyOf("help.about")).isEmpty();
        assertThat(registry.all()).extracting(StudioAction::id)
                .containsExactly("edit.find", "edit.replace", "file.save", "help.about");
        assertThat(registry.run("edit.find")).isTrue();
        assertThat(registry.run("no.such")).isFalse();
        var ctrlH = new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.H, false, true, false, false);
        assertThat(registry.actionFor(ctrlH)).map(StudioAction::id).contains("edit.replace");
        assertThat(ran).containsExactly("edit.find");
    }

    @Test
    void aRebindingSurvivesANewRegistryOverTheSameSettings() {
        registry().rebind("edit.find", key("Shortcut+Alt+F"));

        var again = registry();

        assertThat(again.keyOf("edit.find")).contains(key("Shortcut+Alt+F"));
        assertThat(again.isCustomized("edit.find")).isTrue();
        assertThat(again.isCustomized("file.save")).isFalse();
        assertThat(settings.get(KeymapStore.KEYMAP_KEY)).contains("edit.find\tAlt+Shortcut+F\n");
    }

    @Test
    void bindingAKeyAnotherActionHoldsTakesItFromThatActionForGood() {
        var registry = registry();

        var displaced = registry.rebind("help.about", key("Ctrl+F"));

        assertThat(displaced).map(StudioAction::id).contains("edit.find");
        assertThat(registry.keyOf("edit.find")).isEmpty();
        assertThat(registry.boundTo(key("Shortcut+F"))).map(StudioAction::id).contains("help.about");
        var again = registry();
        assertThat(again.keyOf("edit.find")).isEmpty();
        assertThat(again.keyOf("help.about")).contains(key("Ctrl+F"));
    }

    @Test
    void settingTheShortcutPropertyIsARebindingToo() {
        var registry = registry();

        registry.shortcut("file.save").set(key("Shortcut+H"));

        assertThat(registry.keyOf("edit.replace")).isEmpty();
        assertThat(registry().keyOf("file.save")).contains(key("Shortcut+H"));
    }

    @Test
    void onlyChangesAreSavedSoANewDefaultActionStillGetsItsKey() {
        var registry = registry();
        registry.rebind("file.save", key("Shortcut+Alt+S"));
        registry.rebind("file.save", key("Shortcut+S"));
        assertThat(settings.get(KeymapStore.KEYMAP_KEY)).isEmpty();

        registry.rebind("edit.replace", null);
        var later = registry();
        later.register(action("view.new", "Something New", "View", "Shortcut+Shift+N"));

        assertThat(later.keyOf("view.new")).contains(key("Shortcut+Shift+N"));
        assertThat(later.keyOf("edit.replace")).isEmpty();
    }

    @Test
    void aNewDefaultThatTheUserGaveAwayStaysWithTheUsersChoice() {
        registry().rebind("help.about", key("Shortcut+Shift+N"));

        var later = registry();
        later.register(action("view.new", "Something New", "View", "Shortcut+Shift+N"));

        assertThat(later.keyOf("help.about")).contains(key("Shortcut+Shift+N"));
        assertThat(later.keyOf("view.new")).isEmpty();
    }

    @Test
    void aSavedKeyForAnActionRegisteredLaterWinsOverAnEarlierDefault() {
        settings.put(KeymapStore.KEYMAP_KEY, "late.action\tShortcut+S\n");

        var registry = registry();
        registry.register(action("late.action", "Late", "Tools", null));

        assertThat(registry.keyOf("late.action")).contains(key("Shortcut+S"));
        assertThat(registry.keyOf("file.save")).isEmpty();
    }

    @Test
    void resetsGiveDefaultsBackOneAtATimeOrAll() {
        var registry = registry();
        registry.rebind("help.about", key("Shortcut+F"));
        registry.rebind("file.save", key("Shortcut+Alt+S"));

        assertThat(registry.resetToDefault("edit.find")).map(StudioAction::id).contains("help.about");
        assertThat(registry.keyOf("help.about")).isEmpty();

        registry.resetAllToDefaults();

        assertThat(registry.keyOf("file.save")).contains(key("Shortcut+S"));
        assertThat(registry.keyOf("edit.find")).contains(key("Shortcut+F"));
        assertThat(registry.keyOf("help.about")).isEmpty();
        assertThat(settings.get(KeymapStore.KEYMAP_KEY)).isEmpty();
        assertThat(registry().isCustomized("file.save")).isFalse();
    }

    @Test
    void unreadableSavedLinesAndKeysAreIgnored() {
        settings.put(KeymapStore.KEYMAP_KEY, "no tab here\nedit.find\tNotAKey+++\n");

        var registry = registry();

        assertThat(registry.keyOf("edit.find")).isEmpty();
        assertThat(registry.keyOf("file.save")).contains(key("Shortcut+S"));
    }

    @Test
    void anIdIsRegisteredOnceAndAnUnknownIdHasNoShortcut() {
        var registry = registry();

        assertThatThrownBy(() -> registry.register(action("file.save", "Save", "File", null)))
                .hasMessageContaining("file.save");
        assertThatThrownBy(() -> registry.shortcut("nope")).hasMessageContaining("nope");
        assertThat(registry.find("nope")).isEqualTo(Optional.empty());
    }

    @Test
    void recentlyUsedActionsComeLatestFirstAndAreRemembered() {
        var registry = registry();
        registry.noteUsed("file.save");
        registry.noteUsed("edit.find");
        registry.noteUsed("file.save");
        for (int i = 0; i < ActionRegistry.MAX_RECENT + 5; i++) {
            registry.noteUsed("x" + i);
        }
        registry.noteUsed("edit.find");

        var again = registry();
        assertThat(again.recentlyUsed()).hasSize(ActionRegistry.MAX_RECENT).startsWith("edit.find", "x24");
    }

    @Test
    void onlyKeysThatCannotGetInTheWayOfTypingAreBindable() {
        assertThat(Shortcuts.isBindable(key("Shortcut+K"))).isTrue();
        assertThat(Shortcuts.isBindable(key("Alt+K"))).isTrue();
        assertThat(Shortcuts.isBindable(key("F12"))).isTrue();
        assertThat(Shortcuts.isBindable(key("K"))).isFalse();
        assertThat(Shortcuts.isBindable(key("Shift+Enter"))).isFalse();
        assertThat(Shortcuts.parse("Shortcut+Shift+P")).contains(key("Shortcut+Shift+P"));
        assertThat(Shortcuts.parse("")).isEmpty();
        assertThat(Shortcuts.parse("Shortcut+")).isEmpty();
        var recorded = Shortcuts.recorded(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.K, true, true, false,
                false));
        assertThat(recorded.map(Shortcuts::display)).contains(Shortcuts.display(key("Shortcut+Shift+K")));
        assertThat(Shortcuts.recorded(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.CONTROL, false, true,
                false, false))).isEmpty();
    }
}
