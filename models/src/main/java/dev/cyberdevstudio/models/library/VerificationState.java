package dev.cyberdevstudio.models.library;

/** Whether an installed model file is known to be the one its source published. */
public enum VerificationState {
    /** Its SHA-256 matched the published one. */
    VERIFIED,
    /** No published checksum to compare with (a file the user dropped in, a URL without one). */
    UNVERIFIED,
    /** Being hashed now. */
    CHECKING,
    /** Its SHA-256 differs from the published one: it must not be loaded. */
    MISMATCH,
    /** Its header cannot be read as GGUF: truncated, corrupt or not a model. */
    UNREADABLE
}
