package dev.cyberdevstudio.engine.agents;

import dev.cyberdevstudio.engine.agents.api.AgentApi;
import dev.cyberdevstudio.engine.agents.changes.ProjectChanges;
import dev.cyberdevstudio.engine.agents.loop.AgentModel;
import dev.cyberdevstudio.engine.agents.loop.LoopBudget;
import dev.cyberdevstudio.engine.agents.tasks.Orchestrator;
import dev.cyberdevstudio.engine.agents.tasks.TaskStore;
import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.wasm.WasmSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's agent face: the orchestrator that runs tasks, the JSON API over it, the agents' answers, and each
 * project's changes (apply, roll back) through its checkpoint journal.
 */
public final class Agents implements AutoCloseable {

    /** Tasks that run at once: agents mostly wait for the model, which runs one request per slot anyway. */
    static final int PARALLEL_TASKS = 4;

    private final Orchestrator orchestrator;
    private final StudioAgents studioAgents;
    private final AgentApi api;
    private final Path journals;
    private final TaskStore store;
    private final Map<Path, ProjectChanges> changes = new ConcurrentHashMap<>();

    private Agents(TaskStore store, Path journals, Supplier<Optional<AgentModel>> model) {
        this.store = store;
        this.journals = journals;
        store.abandonUnfinished("The studio stopped while the task ran");
        this.studioAgents = new StudioAgents(model, ProcessSandbox.detect(), new WasmSandbox(), this::changes,
            LoopBudget.defaults());
        this.orchestrator = new Orchestrator(studioAgents.workers(), store, PARALLEL_TASKS, Clock.systemUTC());
        this.api = new AgentApi(orchestrator);
    }

    public static Agents start(TaskStore store, Path journals, Supplier<Optional<AgentModel>> model) {
        return new Agents(store, journals, model);
    }

    public Orchestrator orchestrator() {
        return orchestrator;
    }

    public StudioAgents studioAgents() {
        return studioAgents;
    }

    public AgentApi api() {
        return api;
    }

    /** The changes of the project at {@code root}, its journal opened (and any crashed apply recovered) once. */
    public ProjectChanges changes(Path root) {
        var key = root.toAbsolutePath().normalize();
        return changes.computeIfAbsent(key, folder -> ProjectChanges.open(folder, journals.resolve(
            journalName(folder))));
    }

    // The folder's name for people looking, a digest of its whole path so that two "app" folders never share one.
    public static String journalName(Path folder) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(folder.toString().getBytes(StandardCharsets.UTF_8));
            var name = folder.getFileName() == null ? "root" : folder.getFileName().toString();
            return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void close() {
        orchestrator.close();
        store.flush();
    }
}
