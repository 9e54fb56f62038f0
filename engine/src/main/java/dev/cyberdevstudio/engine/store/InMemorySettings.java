package dev.cyberdevstudio.engine.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Settings kept only while the studio runs: what it uses when its database is unavailable. */
public final class InMemorySettings implements Settings {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(SettingRules.checkKey(key)));
    }

    @Override
    public void put(String key, String value) {
        values.put(SettingRules.checkKey(key), SettingRules.checkValue(key, value));
    }

    @Override
    public void remove(String key) {
        values.remove(SettingRules.checkKey(key));
    }
}
