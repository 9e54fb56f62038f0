package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.models.ModelsBackend;
import dev.cyberdevstudio.engine.system.SystemMonitor;
import dev.cyberdevstudio.engine.system.SystemSample;
import dev.cyberdevstudio.engine.usage.TokenLedger;
import dev.cyberdevstudio.llm.RuntimeEvent;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View model of the admin pane: the Models, System and Usage tabs over the local models, the system monitor and the
 * token ledger.
 *
 * <pre>{@code
 * var admin = new AdminViewModel(executor, localModels, systemMonitor, tokenLedger,
 *     new FxAdminDialogs(() -> stage));
 * admin.start();                        // reads everything once, then follows the monitor and the runtime
 * var pane = new AdminPane(admin);
 * // on close: admin.close();
 * }</pre>
 *
 * Each monitor sample (once a second) is read on the monitor's thread together with the loaded models' memory, and
 * reaches the UI thread as one update.
 */
public final class AdminViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminViewModel.class);

    private final TaskExecutor executor;
    private final ModelsBackend backend;
    private final SystemMonitor monitor;
    private final ModelsViewModel models;
    private final SystemViewModel system;
    private final UsageViewModel usage;
    private final Consumer<SystemSample> sampleListener = this::onSample;
    private volatile boolean started;
    private volatile boolean closed;

    public AdminViewModel(TaskExecutor executor, ModelsBackend backend, SystemMonitor monitor, TokenLedger ledger,
                          AdminDialogs dialogs) {
        this(executor, backend, monitor, ledger, dialogs, Clock.systemDefaultZone());
    }

    public AdminViewModel(TaskExecutor executor, ModelsBackend backend, SystemMonitor monitor, TokenLedger ledger,
                          AdminDialogs dialogs, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.models = new ModelsViewModel(executor, backend, dialogs);
        this.system = new SystemViewModel(monitor.capacity(), clock.instant());
        this.usage = new UsageViewModel(executor, ledger, clock);
    }

    public ModelsViewModel models() {
        return models;
    }

    public SystemViewModel system() {
        return system;
    }

    public UsageViewModel usage() {
        return usage;
    }

    /** Reads models and usage once and starts following the monitor and the runtime. Call once, on the UI thread. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        system.prefill(monitor.history());
        models.refresh();
        usage.refresh();
        backend.addLibraryListener(() -> {
            if (!closed) {
                executor.runOnUi(models::refreshInstalled);
            }
        });
        // The runtime has no way to remove a listener: after close this one ignores what it hears.
        backend.runtime().addListener(this::onRuntimeEvent);
        monitor.addListener(sampleListener);
    }

    /** Any thread. */
    void onRuntimeEvent(RuntimeEvent event) {
        if (closed) {
            return;
        }
        models.onRuntimeEvent(event);
        usage.onRuntimeEvent(event);
    }

    /** The monitor's thread: reads the loaded models' memory here, then updates the UI in one go. */
    void onSample(SystemSample sample) {
        if (closed) {
            return;
        }
        try {
            var stats = LoadedStats.read(backend.runtime().loaded());
            executor.runOnUi(() -> {
                models.applySample(sample, stats);
                system.applySample(sample, stats.values());
            });
        } catch (RuntimeException error) {
            LOG.warn("Could not read the loaded models' memory", error);
        }
    }

    /** Stops following the monitor and the runtime. */
    @Override
    public void close() {
        closed = true;
        monitor.removeListener(sampleListener);
    }
}
