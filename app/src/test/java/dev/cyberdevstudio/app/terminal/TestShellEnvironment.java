package dev.cyberdevstudio.app.terminal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of login shells started by tests: a temporary home, so that no test reads the real user's profile
 * (it may be slow, and a shell killed while it runs can leave lock files behind, pyenv's among them).
 */
public final class TestShellEnvironment {

    private TestShellEnvironment() {
    }

    /** A mutable map, so that a test can add its own variables. */
    public static Map<String, String> inHome(Path home) {
        var environment = new HashMap<String, String>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", home.toString());
        environment.put("SHELL", "/bin/bash");
        environment.put("LANG", "C.UTF-8");
        environment.put("PS1", "$ ");
        return environment;
    }
}
