package dev.cyberdevstudio.engine.agents.security;

/**
 * What a running scan asks and tells its caller: whether to stop, and each file it has finished. A scan with more
 * than one thread calls {@link #fileScanned} from those threads.
 */
public interface ScanMonitor {

    /** A monitor that never cancels and wants no progress. */
    ScanMonitor NONE = new ScanMonitor() {
    };

    /** Asked between files; a scan also stops when its thread is interrupted. */
    default boolean isCancelled() {
        return false;
    }

    /** Called after each scanned file, with how many files are done and how many there are in all. */
    default void fileScanned(String path, int done, int total) {
    }
}
