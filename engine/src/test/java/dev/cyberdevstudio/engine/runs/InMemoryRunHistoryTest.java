package dev.cyberdevstudio.engine.runs;

class InMemoryRunHistoryTest extends RunHistoryContract {

    private final InMemoryRunHistory history = new InMemoryRunHistory();

    @Override
    protected RunHistory history() {
        return history;
    }

    @Override
    protected RunHistory keeping(int limit) {
        return new InMemoryRunHistory(limit);
    }
}
