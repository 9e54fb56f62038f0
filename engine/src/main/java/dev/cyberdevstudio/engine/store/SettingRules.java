package dev.cyberdevstudio.engine.store;

import java.util.Objects;

/** The bounds every {@link Settings} keeps, so that the in-memory and database ones refuse the same input. */
final class SettingRules {

    static final int MAX_KEY_LENGTH = 255;

    /** H2's longest CHARACTER VARYING. */
    static final int MAX_VALUE_LENGTH = 1_000_000;

    private SettingRules() {
    }

    static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("A setting key must have 1 to " + MAX_KEY_LENGTH
                    + " characters, this one has " + key.length());
        }
        return key;
    }

    static String checkValue(String key, String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("The setting " + key + " may hold at most " + MAX_VALUE_LENGTH
                    + " characters, not " + value.length());
        }
        return value;
    }
}
