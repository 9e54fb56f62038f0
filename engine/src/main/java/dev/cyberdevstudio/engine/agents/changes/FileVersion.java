package dev.cyberdevstudio.engine.agents.changes;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One file of a checkpoint: its content before and after, as SHA-256 names of blobs in the journal; empty when the
 * file did not exist.
 */
public record FileVersion(Path file, Optional<String> before, Optional<String> after) {
}
