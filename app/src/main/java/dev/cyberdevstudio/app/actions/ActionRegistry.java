package dev.cyberdevstudio.app.actions;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.store.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every action of the window by id, with the key each one is bound to now. Menus, the command palette and the
 * keymap dialog read the bindings from here, so that a rebinding shows everywhere at once.
 *
 * <pre>{@code
 * var actions = new ActionRegistry(engine.settings(), executor);   // the user's keymap, saved as they change it
 * actions.register(new StudioAction("editor.toggle-comment", "Toggle Line Comment", "Edit", "Shortcut+Slash",
 *     () -> activeEditor().ifPresent(EditingCommands::toggleComment)));
 * actions.rebind("editor.toggle-comment", KeyCombination.keyCombination("Shortcut+Alt+C"));
 * KeyBindings.install(scene, actions);                             // the keys run the actions
 * }</pre>
 *
 * <p>A key belongs to one action at most: binding a key that another action holds takes it from that action
 * ({@link #rebind} says which). What is saved is only how the user's keymap differs from the defaults, so that an
 * action added later gets its default key unless the user gave that key to something else. Setting a
 * {@link #shortcut(String)} property directly is a rebinding too. Use it on the FX thread.
 */
public final class ActionRegistry {

    static final int MAX_RECENT = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ActionRegistry.class);

    private final Map<String, StudioAction> actions = new LinkedHashMap<>();
    private final Map<String, ObjectProperty<KeyCombination>> shortcuts = new LinkedHashMap<>();
    private final ObservableList<StudioAction> registered = FXCollections.observableArrayList();
    private final KeymapStore store;
    /** The user's changes by action id, those of actions not registered (yet) included: "" means no key. */
    private final Map<String, String> overrides;
    private final List<String> recent;
    private boolean rebinding;

    /** A registry whose keymap lives only in memory. */
    public ActionRegistry() {
        this(KeymapStore.inMemory());
    }

    /** A registry with the user's keymap from {@code settings}, saving changes there on {@code executor}. */
    public ActionRegistry(Settings settings, TaskExecutor executor) {
        this(new KeymapStore(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(executor,
                "executor")));
    }

    private ActionRegistry(KeymapStore store) {
        this.store = store;
        this.overrides = store.loadOverrides();
        this.recent = new ArrayList<>(store.loadRecent());
    }

    /**
     * Adds {@code action}, bound to the key the user chose for it, or else its default key. A default key that
     * another action already holds is not taken from it: the new action starts without a key.
     *
     * @throws IllegalArgumentException when an action with that id is already registered
     */
    public StudioAction register(StudioAction action) {
        if (actions.putIfAbsent(action.id(), action) != null) {
            throw new IllegalArgumentException("An action with the id " + action.id() + " is already registered");
        }
        var chosen = overrides.containsKey(action.id());
        var key = chosen ? Shortcuts.parse(overrides.get(action.id())).orElse(null) : defaultKey(action).orElse(null);
        var holder = key == null ? Optional.<StudioAction>empty() : boundTo(key);
        if (holder.isPresent() && !chosen) {
            LOG.info("{} keeps {}; the action {} starts without a key", holder.get().id(), Shortcuts.display(key),
                    action.id());
            key = null;
        }
        var property = new SimpleObjectProperty<>(this, action.id(), key);
        shortcuts.put(action.id(), property);
        holder.filter(other -> chosen).ifPresent(other -> unbindQuietly(other.id()));
        property.addListener((observable, before, after) -> rebound(action.id(), after));
        registered.add(action);
        return action;
    }

    public Optional<StudioAction> find(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** All actions, by category and then name. */
    public List<StudioAction> all() {
        return actions.values().stream()
                .sorted(Comparator.comparing(StudioAction::category).thenComparing(StudioAction::name))
                .toList();
    }

    /** The actions in the order they were registered, growing as more are: for views that follow it. */
    public ObservableList<StudioAction> registered() {
        return FXCollections.unmodifiableObservableList(registered);
    }

    /** The key {@code id} is bound to now (null for none); setting it rebinds, as {@link #rebind} does. */
    public ObjectProperty<KeyCombination> shortcut(String id) {
        var shortcut = shortcuts.get(id);
        if (shortcut == null) {
            throw new IllegalArgumentException("No action with the id " + id);
        }
        return shortcut;
    }

    /** The key of {@code id} now, if it has one. */
    public Optional<KeyCombination> keyOf(String id) {
        return Optional.ofNullable(shortcut(id).get());
    }

    /** The default key of {@code id}; empty for none or an unreadable one. */
    public Optional<KeyCombination> defaultKeyOf(String id) {
        return find(id).flatMap(ActionRegistry::defaultKey);
    }

    /** Whether the user changed the key of {@code id} away from its default. */
    public boolean isCustomized(String id) {
        var now = keyOf(id);
        var byDefault = defaultKeyOf(id);
        return now.isPresent() != byDefault.isPresent()
                || now.isPresent() && !Shortcuts.same(now.get(), byDefault.get());
    }

    /** The action bound to {@code key}, if any. */
    public Optional<StudioAction> boundTo(KeyCombination key) {
        if (key == null) {
            return Optional.empty();
        }
        return shortcuts.entrySet().stream()
                .filter(entry -> Shortcuts.same(entry.getValue().get(), key))
                .map(entry -> actions.get(entry.getKey()))
                .findFirst();
    }

    /** The action whose key {@code event} presses, if any. */
    public Optional<StudioAction> actionFor(KeyEvent event) {
        return shortcuts.entrySet().stream()
                .filter(entry -> entry.getValue().get() != null && entry.getValue().get().match(event))
                .map(entry -> actions.get(entry.getKey()))
                .findFirst();
    }

    /**
     * Binds {@code id} to {@code key} (null: no key) and saves the keymap. The action that held the key loses it.
     *
     * @return the action that lost the key, if one did
     * @throws IllegalArgumentException when there is no action {@code id}
     */
    public Optional<StudioAction> rebind(String id, KeyCombination key) {
        var property = shortcut(id);
        var displaced = boundTo(key).filter(other -> !other.id().equals(id));
        property.set(key);
        return displaced;
    }

    /** Gives {@code id} its default key back (taking it from whoever holds it). */
    public Optional<StudioAction> resetToDefault(String id) {
        return rebind(id, defaultKeyOf(id).orElse(null));
    }

    /** Forgets every change the user made: each action gets its default key, and the saved keymap is emptied. */
    public void resetAllToDefaults() {
        rebinding = true;
        try {
            shortcuts.values().forEach(property -> property.set(null));
            for (var action : actions.values()) {
                var key = defaultKey(action).orElse(null);
                if (key != null && boundTo(key).isEmpty()) {
                    shortcuts.get(action.id()).set(key);
                }
            }
        } finally {
            rebinding = false;
        }
        overrides.clear();
        store.saveOverrides(overrides);
    }

    /** Runs the action {@code id}; false when there is none. */
    public boolean run(String id) {
        var action = actions.get(id);
        if (action == null) {
            return false;
        }
        action.handler().run();
        return true;
    }

    /** Notes that the user ran {@code id} from the palette, which lists recent actions first. */
    public void noteUsed(String id) {
        recent.remove(id);
        recent.addFirst(id);
        while (recent.size() > MAX_RECENT) {
            recent.removeLast();
        }
        store.saveRecent(List.copyOf(recent));
    }

    /** Ids of the actions run from the palette, the latest first. */
    public List<String> recentlyUsed() {
        return List.copyOf(recent);
    }

    private void rebound(String id, KeyCombination key) {
        if (rebinding) {
            return;
        }
        rebinding = true;
        try {
            for (var entry : shortcuts.entrySet()) {
                if (!entry.getKey().equals(id) && Shortcuts.same(entry.getValue().get(), key)) {
                    entry.getValue().set(null);
                    remember(entry.getKey());
                }
            }
        } finally {
            rebinding = false;
        }
        remember(id);
        store.saveOverrides(overrides);
    }

    private void unbindQuietly(String id) {
        rebinding = true;
        try {
            shortcuts.get(id).set(null);
        } finally {
            rebinding = false;
        }
    }

    /** Keeps {@code id}'s key in the overrides when it differs from the default, and drops it when it does not. */
    private void remember(String id) {
        if (isCustomized(id)) {
            overrides.put(id, keyOf(id).map(KeyCombination::getName).orElse(""));
        } else {
            overrides.remove(id);
        }
    }

    private static Optional<KeyCombination> defaultKey(StudioAction action) {
        var text = action.defaultShortcutText();
        var key = text.flatMap(Shortcuts::parse);
        if (text.isPresent() && key.isEmpty()) {
            LOG.warn("The default key \"{}\" of {} is not a key combination", text.get(), action.id());
        }
        return key;
    }
}
