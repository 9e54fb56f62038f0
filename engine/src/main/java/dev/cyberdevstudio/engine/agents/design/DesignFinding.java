package dev.cyberdevstudio.engine.agents.design;

import java.nio.file.Path;

/**
 * One accessibility or consistency problem in user-interface code.
 *
 * @param rule    {@code contrast}, {@code missing-alt}, {@code missing-label}, {@code spacing-scale}
 * @param file    relative to the project
 * @param line    1-based
 */
public record DesignFinding(String rule, Severity severity, Path file, int line, String message) {

    public enum Severity { ERROR, WARNING, INFO }
}
