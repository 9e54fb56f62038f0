package dev.cyberdevstudio.engine.store;

import java.util.Objects;

/**
 * What came of opening the studio's database: the store, or a reason to carry on without it.
 *
 * <pre>{@code
 * switch (StudioStore.open(home)) {
 *     case StoreOpening.Opened(var store) -> useStore(store);
 *     case StoreOpening.Unavailable(var reason) -> {
 *         statusBar.warn(reason);
 *         useStore(new InMemorySettings(), new InMemoryRecentProjects());
 *     }
 * }
 * }</pre>
 */
public sealed interface StoreOpening {

    /** The database is open and up to date; the caller closes the store. */
    record Opened(StudioStore store) implements StoreOpening {

        public Opened {
            Objects.requireNonNull(store, "store");
        }
    }

    /**
     * The database cannot be used; the studio still opens, with in-memory settings and recent projects.
     *
     * @param reason one short sentence for the user naming the database file and the cause, never a stack trace
     */
    record Unavailable(String reason) implements StoreOpening {

        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
