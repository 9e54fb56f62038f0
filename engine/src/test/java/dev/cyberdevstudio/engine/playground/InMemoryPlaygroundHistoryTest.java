package dev.cyberdevstudio.engine.playground;

class InMemoryPlaygroundHistoryTest extends PlaygroundHistoryContract {

    private final InMemoryPlaygroundHistory history = new InMemoryPlaygroundHistory();

    @Override
    protected PlaygroundHistory history() {
        return history;
    }
}
