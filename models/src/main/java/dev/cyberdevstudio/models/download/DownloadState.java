package dev.cyberdevstudio.models.download;

/** Where a download stands. */
public enum DownloadState {
    QUEUED,
    RUNNING,
    PAUSED,
    /** The connection dropped; it resumes by itself from the bytes on disk. */
    RETRYING,
    VERIFYING,
    COMPLETED,
    FAILED,
    CANCELLED
}
