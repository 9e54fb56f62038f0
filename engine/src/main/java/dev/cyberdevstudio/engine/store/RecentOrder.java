package dev.cyberdevstudio.engine.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** The rules every {@link RecentProjects} follows for paths and times, so that both kinds list alike. */
final class RecentOrder {

    private RecentOrder() {
    }

    static Path normalize(Path folder) {
        return Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
    }

    /**
     * The time to record for an opening now. Databases keep microseconds, so times are cut to them; and the newest
     * opening must sort first even when two land in the same microsecond or the clock was set back, so an opening
     * never gets a time at or before the latest one.
     */
    static Instant nextOpening(Instant now, Optional<Instant> latest) {
        var time = now.truncatedTo(ChronoUnit.MICROS);
        return latest.filter(previous -> !time.isAfter(previous))
                .map(previous -> previous.plus(1, ChronoUnit.MICROS))
                .orElse(time);
    }
}
