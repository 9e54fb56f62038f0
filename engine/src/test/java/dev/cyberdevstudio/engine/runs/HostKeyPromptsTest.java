package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt.Decision;
import dev.cyberdevstudio.sandbox.ssh.HostKeyPrompt.UnknownHostKey;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyPromptsTest {

    private static final UnknownHostKey KEY = new UnknownHostKey("127.0.0.1", 2222, "ssh-ed25519", "SHA256:abc");

    @TempDir
    Path temp;

    @Test
    void rejectsUntilAPromptIsSetThenAsksItAndRejectsAgainAfterReset() {
        var prompts = new HostKeyPrompts();
        assertThat(prompts.ask(KEY)).isEqualTo(Decision.REJECT);

        var asked = new ArrayList<UnknownHostKey>();
        prompts.set(key -> {
            asked.add(key);
            return Decision.ACCEPT_ONCE;
        });
        assertThat(prompts.ask(KEY)).isEqualTo(Decision.ACCEPT_ONCE);
        assertThat(asked).containsExactly(KEY);

        prompts.reset();
        assertThat(prompts.ask(KEY)).isEqualTo(Decision.REJECT);
        assertThat(asked).hasSize(1);
    }

    @Test
    void theEngineHasOneHolderWhosePromptCanBeSwappedAfterRunsAreOpened() {
        try (var engine = LocalEngine.start(new StudioHome(temp.resolve("home")).ensureCreated())) {
            assertThat(engine.runs()).isNotNull();
            assertThat(engine.hostKeyPrompts()).isSameAs(engine.hostKeyPrompts());
            engine.hostKeyPrompts().set(key -> Decision.ACCEPT_AND_REMEMBER);
            assertThat(engine.hostKeyPrompts().ask(KEY)).isEqualTo(Decision.ACCEPT_AND_REMEMBER);
            assertThat(engine.hostKeyPrompts().current().ask(KEY)).isEqualTo(Decision.ACCEPT_AND_REMEMBER);
        }
    }
}
