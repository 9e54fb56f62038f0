package dev.cyberdevstudio.engine.agents.changes;

/**
 * How a person resolved a {@link FileMerge}: write {@code text}, provided the file still holds {@code onDisk} (the
 * {@link FileMerge#current()} the merge was made from).
 */
public record MergeResolution(String onDisk, String text) {
}
