package dev.cyberdevstudio.engine.store;

class InMemorySettingsTest extends SettingsContract {

    private final Settings settings = new InMemorySettings();

    @Override
    protected Settings settings() {
        return settings;
    }
}
