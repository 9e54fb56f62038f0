package dev.cyberdevstudio.engine.git;

/** How a file in the work tree differs from HEAD, as a project tree would mark it. */
public enum FileStatus {
    /** New in the index, not in HEAD. */
    ADDED,
    /** Changed in the index or the work tree. */
    MODIFIED,
    /** In HEAD, but removed from the index or the work tree. */
    DELETED,
    /** In the work tree only, not ignored. */
    UNTRACKED,
    /** Left with merge conflicts. */
    CONFLICTING
}
