package dev.cyberdevstudio.engine.agents;

import dev.cyberdevstudio.engine.agents.changes.ProjectChanges;
import dev.cyberdevstudio.engine.agents.debug.Problem;
import dev.cyberdevstudio.engine.agents.design.DesignChecker;
import dev.cyberdevstudio.engine.agents.design.DesignFinding;
import dev.cyberdevstudio.engine.agents.security.ScanMonitor;
import dev.cyberdevstudio.engine.agents.security.SecurityReport;
import dev.cyberdevstudio.engine.agents.security.SecurityScanner;
import dev.cyberdevstudio.engine.agents.debug.RunOutputAnalyzer;
import dev.cyberdevstudio.engine.agents.loop.AgentLoop;
import dev.cyberdevstudio.engine.agents.loop.AgentModel;
import dev.cyberdevstudio.engine.agents.loop.AgentRole;
import dev.cyberdevstudio.engine.agents.loop.LoopBudget;
import dev.cyberdevstudio.engine.agents.loop.LoopListener;
import dev.cyberdevstudio.engine.agents.loop.ProposedChanges;
import dev.cyberdevstudio.engine.agents.loop.ToolContext;
import dev.cyberdevstudio.engine.agents.loop.Tools;
import dev.cyberdevstudio.engine.agents.tasks.AgentWorker;
import dev.cyberdevstudio.engine.agents.tasks.TaskContext;
import dev.cyberdevstudio.engine.agents.tasks.TaskOutcome;
import dev.cyberdevstudio.sandbox.fs.FsLimits;
import dev.cyberdevstudio.sandbox.fs.ProjectFileSystem;
import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.wasm.WasmSandbox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The studio's agents as orchestrator workers. Each does its deterministic part first (the Test agent runs the
 * tests, the Debug agent reads the last run's output into file:line places), then, when a model is loaded, runs
 * the loop with that report as context. With no model, the answer says so and still gives the report.
 *
 * <p>Task parameters the agents read: {@code file} and {@code selection} (the open file and what is selected in
 * it), {@code output} (the last run's output), {@code diagnostics}.
 */
public final class StudioAgents {

    static final int MAX_FINDINGS_LISTED = 30;

    private final Supplier<Optional<AgentModel>> model;
    private final ProcessSandbox processes;
    private final WasmSandbox wasm;
    private final Function<Path, ProjectChanges> changes;
    private final LoopBudget budget;
    private final Map<String, AgentAnswer> answers = new ConcurrentHashMap<>();
    private final Map<String, LoopListener> listeners = new ConcurrentHashMap<>();

    public StudioAgents(Supplier<Optional<AgentModel>> model, ProcessSandbox processes, WasmSandbox wasm,
                        Function<Path, ProjectChanges> changes, LoopBudget budget) {
        this.model = model;
        this.processes = processes;
        this.wasm = wasm;
        this.changes = changes;
        this.budget = budget;
    }

    /** One worker per role, named as tasks name them ({@code code}, {@code test} …). */
    public Map<String, AgentWorker> workers() {
        var workers = new LinkedHashMap<String, AgentWorker>();
        for (var role : AgentRole.values()) {
            workers.put(role.name().toLowerCase(Locale.ROOT), context -> work(role, context));
        }
        return workers;
    }

    /** The answer of a finished task. */
    public Optional<AgentAnswer> answer(String taskId) {
        return Optional.ofNullable(answers.get(taskId));
    }

    /** Streams the steps of task {@code taskId} to {@code listener} while it runs (set it right after dispatch). */
    public void listen(String taskId, LoopListener listener) {
        listeners.put(taskId, listener);
    }

    private TaskOutcome work(AgentRole role, TaskContext task) {
        var request = task.request();
        var root = Path.of(request.project());
        var tools = new ToolContext(ProjectFileSystem.open(root, FsLimits.defaults()), new ProposedChanges(),
            processes, wasm, Optional.of(changes.apply(root)), task.id().value(), task::isCancelled);
        var report = deterministic(role, task, tools);
        var available = model.get();
        var markdown = new StringBuilder(report);
        Optional<dev.cyberdevstudio.engine.agents.loop.LoopResult> loop = Optional.empty();
        if (available.isEmpty()) {
            markdown.append(markdown.isEmpty() ? "" : "\n\n").append("_No model is loaded, so the ")
                .append(role.displayName()).append(" agent did only what needs none. Load a model in Tools →")
                .append(" Models to have it ").append(role == AgentRole.CODE ? "write the change." : "go further.")
                .append("_");
        } else {
            var context = new StringBuilder(report);
            request.parameters().forEach((key, value) -> {
                if (!key.equals("output") || report.isEmpty()) {
                    context.append("\n[").append(key).append("]\n").append(value);
                }
            });
            var listener = listeners.getOrDefault(task.id().value(), LoopListener.silent());
            var result = new AgentLoop(available.get(), budget).run(role, request.goal(), context.toString(), tools,
                listener, task::recordStep);
            loop = Optional.of(result);
            markdown.append(markdown.isEmpty() ? "" : "\n\n").append(result.answer());
        }
        var changeSet = tools.proposed().isEmpty() ? Optional.<dev.cyberdevstudio.engine.agents.changes.ChangeSet>empty()
            : Optional.of(tools.proposed().toChangeSet(task.id().value(), request.goal(), task.id().value()))
                .filter(set -> !set.edits().isEmpty());
        answers.put(task.id().value(), new AgentAnswer(task.id().value(), markdown.toString(), changeSet,
            available.map(AgentModel::name), loop));
        listeners.remove(task.id().value());
        if (task.isCancelled()) {
            return TaskOutcome.failed("cancelled");
        }
        return TaskOutcome.succeeded(markdown.toString().lines().findFirst().orElse(role.displayName() + " done"));
    }

    private String deterministic(AgentRole role, TaskContext task, ToolContext tools) {
        var parameters = task.request().parameters();
        return switch (role) {
            case TEST -> {
                long started = System.nanoTime();
                var result = run(tools, "run_tests");
                task.recordStep("tool", "run_tests", "{}", result, (System.nanoTime() - started) / 1_000_000, 0);
                yield "**Tests**\n\n```\n" + result.strip() + "\n```";
            }
            case DEBUG -> {
                var output = parameters.getOrDefault("output", "");
                if (output.isBlank()) {
                    yield "";
                }
                var problems = new RunOutputAnalyzer(tools.files().root()).analyze(output);
                task.recordStep("note", "", "", problems.size() + " problems found in the run's output", 0, 0);
                yield describe(problems);
            }
            case SECURITY -> {
                var report = new SecurityScanner().scan(tools.files().root(), new ScanMonitor() {
                    @Override
                    public boolean isCancelled() {
                        return task.isCancelled();
                    }
                });
                task.recordStep("note", "", "", report.summary(), 0, 0);
                yield describeSecurity(report);
            }
            case DESIGN -> {
                try {
                    var findings = DesignChecker.check(tools.files().root());
                    task.recordStep("note", "", "", findings.size() + " design findings", 0, 0);
                    yield describeDesign(findings);
                } catch (java.io.IOException unreadable) {
                    yield "Could not read the project's UI files: " + unreadable.getMessage();
                }
            }
            default -> "";
        };
    }

    static String describeSecurity(SecurityReport report) {
        var out = new StringBuilder("**Security scan:** ").append(report.summary()).append('\n');
        report.findings().stream().limit(MAX_FINDINGS_LISTED).forEach(finding -> out.append("\n- ")
            .append(finding.severity().name().toLowerCase(Locale.ROOT)).append(" `").append(finding.location())
            .append("` ").append(finding.title()).append(" (").append(finding.cweTag()).append(")"));
        if (report.findings().size() > MAX_FINDINGS_LISTED) {
            out.append("\n\n… and ").append(report.findings().size() - MAX_FINDINGS_LISTED).append(" more.");
        }
        return out.toString();
    }

    static String describeDesign(java.util.List<DesignFinding> findings) {
        if (findings.isEmpty()) {
            return "No contrast, label or spacing problem found in the project's UI files.";
        }
        var out = new StringBuilder("**Design findings**\n");
        findings.forEach(finding -> out.append("\n- ").append(finding.severity().name().toLowerCase(Locale.ROOT))
            .append(" `").append(finding.file().toString().replace('\\', '/')).append(':').append(finding.line())
            .append("` ").append(finding.message()));
        return out.toString();
    }

    private static String run(ToolContext tools, String tool) {
        try {
            return Tools.named(tool).orElseThrow().run(new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode(), tools).text();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception failure) {
            return tool + " failed: " + failure.getMessage();
        }
    }

    static String describe(java.util.List<Problem> problems) {
        if (problems.isEmpty()) {
            return "No stack trace or compiler error in the run's output.";
        }
        var out = new StringBuilder("**Problems in the run's output**\n");
        for (var problem : problems) {
            out.append("\n- ").append(problem.headline());
            problem.firstInProject().ifPresent(place -> {
                out.append(" — `").append(place.label()).append('`');
                place.excerpt().ifPresent(excerpt -> out.append("\n\n```\n").append(excerpt.render()).append("```"));
            });
        }
        return out.toString();
    }
}
