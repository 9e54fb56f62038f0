package dev.cyberdevstudio.engine.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/** Settings in the {@code settings} table. */
final class DatabaseSettings implements Settings {

    private final Database database;
    private final Clock clock;

    DatabaseSettings(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> get(String key) {
        SettingRules.checkKey(key);
        return database.query("read the setting " + key, connection -> {
            try (var select = connection.prepareStatement(
                    "SELECT setting_value FROM settings WHERE setting_key = ?")) {
                select.setString(1, key);
                try (var rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String key, String value) {
        SettingRules.checkKey(key);
        SettingRules.checkValue(key, value);
        database.update("save the setting " + key, connection -> {
            var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            try (var update = connection.prepareStatement(
                    "UPDATE settings SET setting_value = ?, updated_at = ? WHERE setting_key = ?")) {
                update.setString(1, value);
                update.setObject(2, now);
                update.setString(3, key);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (var insert = connection.prepareStatement(
                    "INSERT INTO settings (setting_key, setting_value, updated_at) VALUES (?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.setObject(3, now);
                insert.executeUpdate();
            }
        });
    }

    @Override
    public void remove(String key) {
        SettingRules.checkKey(key);
        database.update("remove the setting " + key, connection -> {
            try (var delete = connection.prepareStatement("DELETE FROM settings WHERE setting_key = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
        });
    }
}
