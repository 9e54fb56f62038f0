package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt;
import java.util.Objects;

/**
 * The host key prompt the engine's SSH runs use, which the UI plugs in once it has a window to ask in. The engine is
 * built before any window exists and knows nothing of JavaFX, so its SSH launcher holds this delegating prompt and
 * the desktop sets the real one later:
 *
 * <pre>{@code
 * engine.hostKeyPrompts().set(new FxHostKeyPrompt(() -> stage));
 * }</pre>
 *
 * Until then, and after {@link #reset()}, unknown host keys are refused ({@link HostKeyPrompt#rejectUnknown()}).
 */
public final class HostKeyPrompts implements HostKeyPrompt {

    // Read by run threads, set by the UI thread: volatile is all the coordination one reference needs.
    private volatile HostKeyPrompt delegate = HostKeyPrompt.rejectUnknown();

    /** Asks {@code prompt} about every unknown host key from now on. */
    public void set(HostKeyPrompt prompt) {
        delegate = Objects.requireNonNull(prompt, "prompt");
    }

    /** Refuses unknown host keys again, e.g. when the window that asked is closed. */
    public void reset() {
        delegate = HostKeyPrompt.rejectUnknown();
    }

    /** The prompt asked now. */
    public HostKeyPrompt current() {
        return delegate;
    }

    @Override
    public Decision ask(UnknownHostKey key) {
        return delegate.ask(Objects.requireNonNull(key, "key"));
    }
}
