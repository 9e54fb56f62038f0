package dev.cyberdevstudio.app.actions;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import dev.cyberdevstudio.engine.store.Settings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the keymap lives between runs: only the user's changes to the default keys, one line per action
 * ({@code id<TAB>Shortcut+Alt+C}, or {@code id<TAB>} for an action the user unbound), so that an action added in a
 * later version still gets its default key. The recently run actions of the palette are kept beside it.
 *
 * <p>Reads happen once, when the registry is built; writes go to the background in order, a later one winning.
 */
final class KeymapStore {

    static final String KEYMAP_KEY = "ui.keymap";
    static final String RECENT_KEY = "ui.palette.recent";
    private static final Logger LOG = LoggerFactory.getLogger(KeymapStore.class);

    private final Settings settings;
    private final TaskExecutor executor;
    private final AtomicLong requested = new AtomicLong();
    private final Map<String, Long> written = new HashMap<>();

    KeymapStore(Settings settings, TaskExecutor executor) {
        this.settings = settings;
        this.executor = executor;
    }

    /** The saved changes: action id to its key text, "" where the user removed the key. */
    Map<String, String> loadOverrides() {
        var overrides = new LinkedHashMap<String, String>();
        read(KEYMAP_KEY).ifPresent(text -> text.lines().forEach(line -> {
            var tab = line.indexOf('\t');
            if (tab <= 0) {
                LOG.warn("Ignoring a keymap line without an action id: {}", line);
                return;
            }
            overrides.put(line.substring(0, tab), line.substring(tab + 1).strip());
        }));
        return overrides;
    }

    List<String> loadRecent() {
        return read(RECENT_KEY).map(text -> text.lines().filter(line -> !line.isBlank()).toList()).orElse(List.of());
    }

    void saveOverrides(Map<String, String> overrides) {
        var text = new StringBuilder();
        overrides.forEach((id, key) -> text.append(id).append('\t').append(key).append('\n'));
        write(KEYMAP_KEY, text.toString());
    }

    void saveRecent(List<String> recent) {
        write(RECENT_KEY, String.join("\n", recent));
    }

    private Optional<String> read(String key) {
        try {
            return settings.get(key);
        } catch (RuntimeException error) {
            LOG.warn("Cannot read the setting {}; the defaults apply", key, error);
            return Optional.empty();
        }
    }

    /** Every write carries a number; one that lost the race to a later write of the same key is dropped. */
    private void write(String key, String value) {
        var number = requested.incrementAndGet();
        executor.submit(() -> {
            synchronized (written) {
                if (number > written.getOrDefault(key, 0L)) {
                    if (value.isEmpty()) {
                        settings.remove(key);
                    } else {
                        settings.put(key, value);
                    }
                    written.put(key, number);
                }
            }
            return null;
        }).exceptionally(error -> {
            LOG.warn("Cannot save the setting {}", key, error);
            return null;
        });
    }

    /** A store kept in memory only: for a registry built without settings (tests, tools). */
    static KeymapStore inMemory() {
        return new KeymapStore(new InMemorySettings(), new CurrentThreadTaskExecutor());
    }
}
