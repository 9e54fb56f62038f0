package dev.cyberdevstudio.sandbox.process;

/** What happens to a run whose output passes its limit; either way the excess is cut and a marker says so. */
public enum OverflowAction {
    /** Stop the run: it ends as {@code LimitExceeded("output ...")}. */
    KILL,
    /** Let the run go on; its further output is read and thrown away so that it never blocks on a full pipe. */
    CONTINUE
}
