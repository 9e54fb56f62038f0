package dev.cyberdevstudio.engine.files;

/** Whether {@link TextFiles#load} may read a file above {@link TextFiles#LARGE_FILE_LIMIT}. */
public enum LoadMode {
    /** Files above the limit come back as {@link LoadResult.TooLarge}, so that the caller can ask the user first. */
    NORMAL,
    /** The user agreed: read files above the limit too (the editor shows them read-only). */
    ALLOW_LARGE
}
