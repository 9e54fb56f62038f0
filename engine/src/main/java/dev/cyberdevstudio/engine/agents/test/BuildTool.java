package dev.cyberdevstudio.engine.agents.test;

/** The build and test tools the Test agent knows how to drive and whose reports it reads. */
public enum BuildTool {
    MAVEN("Maven"), GRADLE("Gradle"), NPM("npm"), PYTEST("pytest"), GO("go test"), CARGO("cargo test");

    private final String displayName;

    BuildTool(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
