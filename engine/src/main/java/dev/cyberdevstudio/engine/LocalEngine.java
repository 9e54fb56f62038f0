package dev.cyberdevstudio.engine;

import dev.cyberdevstudio.engine.agents.Agents;
import dev.cyberdevstudio.engine.agents.loop.LlamaAgentModel;
import dev.cyberdevstudio.engine.agents.tasks.InMemoryTaskStore;
import dev.cyberdevstudio.engine.agents.tasks.TaskStore;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.lsp.LanguageServerSettings;
import dev.cyberdevstudio.engine.models.LocalModels;
import dev.cyberdevstudio.engine.runs.HostKeyPrompts;
import dev.cyberdevstudio.engine.runs.InMemoryRunHistory;
import dev.cyberdevstudio.engine.runs.ProcessRunLauncher;
import dev.cyberdevstudio.engine.runs.RunLaunchers;
import dev.cyberdevstudio.engine.runs.RunRequest;
import dev.cyberdevstudio.engine.runs.RunService;
import dev.cyberdevstudio.engine.runs.SshRunLauncher;
import dev.cyberdevstudio.engine.runs.SshTargets;
import dev.cyberdevstudio.engine.runs.WasmRunLauncher;
import dev.cyberdevstudio.engine.playground.InMemoryPlaygroundHistory;
import dev.cyberdevstudio.engine.playground.PlaygroundHistory;
import dev.cyberdevstudio.engine.store.InMemoryRecentProjects;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import dev.cyberdevstudio.engine.store.RecentProjects;
import dev.cyberdevstudio.engine.store.Settings;
import dev.cyberdevstudio.engine.store.StoreOpening;
import dev.cyberdevstudio.engine.store.StudioStore;
import dev.cyberdevstudio.engine.system.SystemMonitor;
import dev.cyberdevstudio.engine.usage.InMemoryTokenLedger;
import dev.cyberdevstudio.engine.usage.TokenLedger;
import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.ssh.SshRunner;
import dev.cyberdevstudio.sandbox.wasm.WasmSandbox;
import dev.cyberdevstudio.llm.SamplingParameters;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine as the desktop embeds it: the user's data folder and the store in it.
 *
 * <p>When the store cannot be opened (corrupt, locked by another studio, unreadable) the engine still starts, with
 * settings and recent projects kept in memory for this session, and {@link #storeProblem()} says why.
 */
public final class LocalEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

    private final StudioHome home;
    private final Optional<StudioStore> store;
    private final Settings settings;
    private final RecentProjects recentProjects;
    private final Optional<String> storeProblem;
    private final TokenLedger tokenLedger;
    private final PlaygroundHistory playgroundHistory;
    private final SshTargets sshTargets;
    private final HostKeyPrompts hostKeyPrompts = new HostKeyPrompts();
    // Opened on first use: scanning the models folder and sampling the system need not delay the first frame.
    private LocalModels models;
    private SystemMonitor systemMonitor;
    private RunService runs;
    private Agents agents;
    private boolean closed;

    private LocalEngine(StudioHome home, Optional<StudioStore> store, Settings settings,
                        RecentProjects recentProjects, Optional<String> storeProblem) {
        this.home = home;
        this.store = store;
        this.settings = settings;
        this.recentProjects = recentProjects;
        this.storeProblem = storeProblem;
        this.tokenLedger = store.map(StudioStore::tokenLedger).orElseGet(InMemoryTokenLedger::new);
        this.playgroundHistory = store.map(StudioStore::playgroundHistory).orElseGet(InMemoryPlaygroundHistory::new);
        this.sshTargets = new SshTargets(settings, home);
    }

    public static LocalEngine start(StudioHome home) {
        return switch (StudioStore.open(home)) {
            case StoreOpening.Opened opened -> new LocalEngine(home, Optional.of(opened.store()),
                opened.store().settings(), opened.store().recentProjects(), Optional.empty());
            case StoreOpening.Unavailable unavailable -> {
                LOG.warn("Starting without the store: {}", unavailable.reason());
                yield new LocalEngine(home, Optional.empty(), new InMemorySettings(), new InMemoryRecentProjects(),
                    Optional.of(unavailable.reason()));
            }
        };
    }

    public StudioHome home() {
        return home;
    }

    public Settings settings() {
        return settings;
    }

    public RecentProjects recentProjects() {
        return recentProjects;
    }

    /** The token ledger the llm runtime records every request in (in memory when the store is unavailable). */
    public TokenLedger tokenLedger() {
        return tokenLedger;
    }

    /** The LLM playground's runs (in memory when the store is unavailable). */
    public PlaygroundHistory playgroundHistory() {
        return playgroundHistory;
    }

    /** The SSH targets the user configured, kept in the settings; SSH runs read them at each run. */
    public SshTargets sshTargets() {
        return sshTargets;
    }

    /**
     * Where SSH runs ask about unknown host keys: refused until the desktop sets its prompt, e.g.
     * {@code engine.hostKeyPrompts().set(new FxHostKeyPrompt(() -> stage))}.
     */
    public HostKeyPrompts hostKeyPrompts() {
        return hostKeyPrompts;
    }

    /** Why settings and recent projects are not being kept, when the store could not be opened. */
    public Optional<String> storeProblem() {
        return storeProblem;
    }

    /** The models folder, downloads and the llama.cpp runtime, whose every request goes to the token ledger. */
    public synchronized LocalModels models() {
        ensureOpen();
        if (models == null) {
            models = LocalModels.open(home, tokenLedger);
        }
        return models;
    }

    /** The machine's and the studio's CPU and memory, sampled every second once first asked for. */
    public synchronized SystemMonitor systemMonitor() {
        ensureOpen();
        if (systemMonitor == null) {
            systemMonitor = SystemMonitor.start();
        }
        return systemMonitor;
    }

    /**
     * Runs of commands, files, WASM modules and SSH targets for the execution view, recorded in the run history.
     * The process sandbox is probed on first use (bubblewrap, cgroups), so the isolation it reports is the real one.
     */
    public synchronized RunService runs() {
        ensureOpen();
        if (runs == null) {
            var history = store.map(StudioStore::runHistory).orElseGet(InMemoryRunHistory::new);
            runs = new RunService(RunLaunchers.byKind(Map.of(
                RunRequest.Kind.PROCESS, new ProcessRunLauncher(ProcessSandbox.detect()),
                RunRequest.Kind.WASM, new WasmRunLauncher(new WasmSandbox()),
                RunRequest.Kind.SSH, new SshRunLauncher(new SshRunner(), sshTargets::list, hostKeyPrompts))),
                history);
        }
        return runs;
    }

    /** Which language server serves which file type, as the user configured it (built-in defaults otherwise). */
    public LanguageServerSettings languageServerSettings() {
        return new LanguageServerSettings(settings);
    }

    /**
     * The agents and their orchestrator: tasks kept in the store, edits applied through each project's checkpoint
     * journal, thinking with the first model loaded in {@link #models()} (none loaded: deterministic parts only).
     */
    public synchronized Agents agents() {
        ensureOpen();
        if (agents == null) {
            var tasks = store.map(StudioStore::taskStore).<TaskStore>map(store -> store)
                .orElseGet(InMemoryTaskStore::new);
            agents = Agents.start(tasks, home.checkpointsFolder(), () -> models().runtime().loaded().stream()
                .findFirst().map(loaded -> new LlamaAgentModel(loaded, SamplingParameters.defaults())));
        }
        return agents;
    }

    private void ensureOpen() {
        if (closed) {
            throw new EngineException("The engine has been closed");
        }
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                closed = true;
                if (agents != null) {
                    agents.close();
                }
                if (runs != null) {
                    runs.close();
                }
                if (systemMonitor != null) {
                    systemMonitor.close();
                }
                if (models != null) {
                    models.close();
                }
            }
        } finally {
            // Whatever failed above, the database must be released, or the next start finds it locked.
            store.ifPresent(StudioStore::close);
        }
    }
}
