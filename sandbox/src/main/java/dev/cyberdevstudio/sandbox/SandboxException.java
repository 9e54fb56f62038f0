package dev.cyberdevstudio.sandbox;

/**
 * The sandbox module's one unchecked root exception: a request the sandbox refuses (a path outside the root, a grant
 * that was not given) or a failure of the host underneath it. The message names what was refused and why, in words a
 * user can act on. Expected outcomes of a run (an exit code, a kill, a timeout) are values, not exceptions.
 */
public class SandboxException extends RuntimeException {

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
