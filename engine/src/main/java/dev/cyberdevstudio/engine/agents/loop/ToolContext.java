package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.engine.agents.changes.ProjectChanges;
import dev.cyberdevstudio.sandbox.fs.ProjectFileSystem;
import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.wasm.WasmSandbox;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What tools may touch: the project through its confined file system, the edits proposed so far (never written to
 * the project by a tool), the process and WASM sandboxes, and the journal that records what commands change.
 *
 * @param changes  records the files a command changes as a checkpoint; empty when not journaled (tests)
 * @param taskId   the task this loop works for, to tag checkpoints
 */
public record ToolContext(ProjectFileSystem files, ProposedChanges proposed, ProcessSandbox processes,
                          WasmSandbox wasm, Optional<ProjectChanges> changes, String taskId, BooleanSupplier cancelled) {
}
