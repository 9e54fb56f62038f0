package dev.cyberdevstudio.engine.playground;

import java.util.Objects;

/** A playground run as its history keeps it, under an id to find or delete it by. */
public record StoredRun(long id, PlaygroundRun run) {

    public StoredRun {
        Objects.requireNonNull(run, "run");
    }
}
