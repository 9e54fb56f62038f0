package dev.cyberdevstudio.app.terminal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a terminal's shell gets: the user's own, less what belongs to the studio's JVM.
 *
 * <p>The terminal is the user's shell, so their PATH, HOME, locale and tokens pass through. What does not is the
 * studio's internal configuration ({@code CYBERDEVSTUDIO_*}) and the variables every JVM reads at start-up: left in,
 * {@code JAVA_TOOL_OPTIONS} would put the studio's own flags (an agent, a heap size) into every {@code java} the
 * user runs, and the JVM would announce them on each start.
 */
public final class ShellEnvironment {

    /** What the terminal emulates; programs pick their escape sequences from it. */
    public static final String TERM = "xterm-256color";

    private static final String STUDIO_PREFIX = "CYBERDEVSTUDIO_";
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

    private ShellEnvironment() {
    }

    /** The environment for a shell started from a studio whose own environment is {@code inherited}. */
    public static Map<String, String> forShell(Map<String, String> inherited) {
        var environment = new TreeMap<String, String>();
        inherited.forEach((name, value) -> {
            if (!isStudioInternal(name)) {
                environment.put(name, value);
            }
        });
        environment.put("TERM", TERM);
        return environment;
    }

    /** Whether {@code name} is one of the studio's own variables that must not reach the shell. */
    public static boolean isStudioInternal(String name) {
        // Windows treats variable names without regard to case.
        var upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith(STUDIO_PREFIX) || JVM_VARIABLES.contains(upper);
    }
}
