package dev.cyberdevstudio.engine.git;

/** A file as the last commit (HEAD) has it. */
public sealed interface HeadVersion {

    /** HEAD has no such file (new or untracked), or there is no commit yet; {@code reason} says which. */
    record Missing(String reason) implements HeadVersion {
    }

    /** The file's text, decoded as UTF-8 (a byte-order mark dropped) or, failing that, ISO-8859-1. */
    record Text(String text) implements HeadVersion {
    }

    record Binary(long size) implements HeadVersion {
    }

    record TooLarge(long size, long limit) implements HeadVersion {
    }
}
