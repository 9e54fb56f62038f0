package dev.cyberdevstudio.sandbox.ssh;

import java.util.Objects;

/**
 * The policy hook for a host key that known_hosts does not list yet: the studio's UI asks the user, a headless caller
 * refuses. A key that differs from the one known_hosts lists is never offered here: it is always refused.
 *
 * <p>Called from a background thread, never while a network timeout is running, so an implementation may block until
 * the user answers.
 */
@FunctionalInterface
public interface HostKeyPrompt {

    Decision ask(UnknownHostKey key);

    /** What the user decided about an unknown host key. */
    enum Decision {
        /** Trust the key and append it to the target's known_hosts file, so the next connection does not ask. */
        ACCEPT_AND_REMEMBER,
        /** Trust the key for this one connection only. */
        ACCEPT_ONCE,
        /** Do not connect. */
        REJECT
    }

    /**
     * A host key seen for the first time.
     *
     * @param keyType     the SSH name of the key type, e.g. {@code ssh-ed25519}
     * @param fingerprint the OpenSSH SHA-256 fingerprint, e.g. {@code SHA256:Rm5k...}, as {@code ssh-keygen -l} shows
     */
    record UnknownHostKey(String host, int port, String keyType, String fingerprint) {

        public UnknownHostKey {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(keyType, "keyType");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        /** A sentence for the dialog. */
        public String describe() {
            return "The host " + host + ":" + port + " is not in known_hosts yet. Its " + keyType
                    + " key has the fingerprint " + fingerprint + ".";
        }
    }

    /** For callers with no one to ask (tests, headless runs): only hosts already in known_hosts are reached. */
    static HostKeyPrompt rejectUnknown() {
        return key -> Decision.REJECT;
    }
}
