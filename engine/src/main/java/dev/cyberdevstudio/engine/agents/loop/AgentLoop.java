package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.llm.ChatMessage;
import dev.cyberdevstudio.sandbox.SandboxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent at work: asks the model for the next step as grammar-constrained JSON, runs the tool it names in a
 * sandbox, gives it the result, and repeats until it answers or the budget (steps, tokens, time) is spent.
 *
 * <p>Model output is never trusted: a reply that does not parse, names a tool the role may not use, or makes a
 * call that fails comes back to the model as an error result, and the loop goes on. Before each step the
 * conversation is fitted to the model's context, oldest tool output first; the listener hears when that happens.
 *
 * <pre>{@code
 * var result = new AgentLoop(model, LoopBudget.defaults()).run(AgentRole.CODE, "Make add() handle None", context,
 *     toolContext, listener, recorder);
 * result.changes().ifPresent(review::show);
 * }</pre>
 */
public final class AgentLoop {

    private static final Logger LOG = LoggerFactory.getLogger(AgentLoop.class);

    private final AgentModel model;
    private final LoopBudget budget;

    public AgentLoop(AgentModel model, LoopBudget budget) {
        this.model = model;
        this.budget = budget;
    }

    /**
     * @param goal    what the user asked
     * @param context what the studio gathered for it (open file, selection, diagnostics, last run's output)
     */
    public LoopResult run(AgentRole role, String goal, String context, ToolContext tools, LoopListener listener,
                          StepRecorder recorder) {
        var allowed = Tools.of(role);
        var schema = StepFormat.schema(allowed);
        var messages = new ArrayList<ChatMessage>();
        messages.add(ChatMessage.system(StepFormat.instructions(role, allowed)));
        messages.add(ChatMessage.user(context.isBlank() ? goal : goal + "\n\nContext:\n" + context));
        var window = new ContextWindow(model::countTokens, model.contextTokens() - budget.maxReplyTokens());
        long started = System.nanoTime();
        long promptTokens = 0;
        long generatedTokens = 0;
        int step = 0;
        while (true) {
            if (tools.cancelled().getAsBoolean()) {
                return end(LoopResult.Ending.CANCELLED, "Stopped at your request.", step, promptTokens,
                    generatedTokens, started, tools);
            }
            if (step >= budget.maxSteps()) {
                return end(LoopResult.Ending.STEP_BUDGET, "Stopped after " + step + " steps without an answer"
                    + " (the limit).", step, promptTokens, generatedTokens, started, tools);
            }
            if (promptTokens + generatedTokens >= budget.maxTokens()) {
                return end(LoopResult.Ending.TOKEN_BUDGET, "Stopped after " + (promptTokens + generatedTokens)
                    + " tokens without an answer (the limit is " + budget.maxTokens() + ").", step, promptTokens,
                    generatedTokens, started, tools);
            }
            if (elapsedMillis(started) >= budget.maxTime().toMillis()) {
                return end(LoopResult.Ending.TIME_BUDGET, "Stopped after " + budget.maxTime().toSeconds()
                    + " s without an answer (the limit).", step, promptTokens, generatedTokens, started, tools);
            }
            var fitted = window.fit(messages);
            if (fitted.trimmedMessages() > 0) {
                messages.clear();
                messages.addAll(fitted.messages());
                listener.trimmed(step, fitted.trimmedMessages(), fitted.tokensFreed());
                recorder.record("note", "", "", "Left out " + fitted.trimmedMessages() + " older tool results ("
                    + fitted.tokensFreed() + " tokens) to fit the model's context", 0, 0);
            }
            if (!fitted.fits()) {
                return end(LoopResult.Ending.NO_ROOM, "The task and its context do not fit the model's context of "
                    + model.contextTokens() + " tokens: select less, or load the model with a larger context.",
                    step, promptTokens, generatedTokens, started, tools);
            }
            int current = step;
            long askStarted = System.nanoTime();
            var reply = model.next(List.copyOf(messages), schema, budget.maxReplyTokens(),
                piece -> listener.modelText(current, piece), tools.cancelled());
            promptTokens += reply.promptTokens();
            generatedTokens += reply.generatedTokens();
            recorder.record("model", "", "", reply.text(), elapsedMillis(askStarted),
                reply.promptTokens() + reply.generatedTokens());
            if (reply.failure().isPresent()) {
                var cancelled = tools.cancelled().getAsBoolean();
                return end(cancelled ? LoopResult.Ending.CANCELLED : LoopResult.Ending.MODEL_FAILED,
                    cancelled ? "Stopped at your request." : "The model failed: " + reply.failure().get(),
                    step + 1, promptTokens, generatedTokens, started, tools);
            }
            step++;
            messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, reply.text()));
            var parsed = StepFormat.parse(reply.text());
            if (parsed instanceof StepFormat.Parsed.Call(var tool, var arguments)
                && tool.equals(StepFormat.FINAL_ANSWER)) {
                var answer = arguments.path("answer").asText("").strip();
                return end(LoopResult.Ending.ANSWERED, answer.isEmpty() ? "(The model gave an empty answer.)"
                    : answer, step, promptTokens, generatedTokens, started, tools);
            }
            var result = switch (parsed) {
                case StepFormat.Parsed.Invalid(var problem) -> ToolResult.error(reply.cutOff()
                    ? "the reply was cut off at " + budget.maxReplyTokens() + " tokens before it was complete; make"
                        + " the next one shorter (propose smaller edits)"
                    : problem + ". Reply with one JSON object naming a tool.");
                case StepFormat.Parsed.Call(var tool, var arguments) -> call(role, tool, arguments.toString(),
                    arguments, tools, listener, recorder, current);
            };
            messages.add(new ChatMessage(ChatMessage.Role.TOOL, result.text()));
        }
    }

    private ToolResult call(AgentRole role, String name, String argumentsText,
                            com.fasterxml.jackson.databind.JsonNode arguments, ToolContext tools,
                            LoopListener listener, StepRecorder recorder, int step) {
        listener.toolCall(step, name, argumentsText);
        long started = System.nanoTime();
        ToolResult result;
        var tool = Tools.named(name);
        if (tool.isEmpty() || !role.tools().contains(name)) {
            result = ToolResult.error("the " + role.displayName() + " agent has no tool " + name + "; its tools are "
                + String.join(", ", role.tools()) + " and final_answer");
        } else {
            try {
                result = tool.get().run(arguments, tools);
            } catch (SandboxException | EngineException refused) {
                result = ToolResult.error(refused.getMessage());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                result = ToolResult.error("interrupted");
            } catch (Exception | StackOverflowError failure) {
                LOG.debug("Tool {} failed", name, failure);
                result = ToolResult.error(name + " failed: " + failure);
            }
        }
        long millis = elapsedMillis(started);
        listener.toolResult(step, name, result, millis);
        recorder.record("tool", name, argumentsText, result.text(), millis, 0);
        return result;
    }

    private static LoopResult end(LoopResult.Ending ending, String answer, int steps, long promptTokens,
                                  long generatedTokens, long started, ToolContext tools) {
        var changes = tools.proposed().isEmpty() ? Optional.<dev.cyberdevstudio.engine.agents.changes.ChangeSet>empty()
            : Optional.of(tools.proposed().toChangeSet(UUID.randomUUID().toString(), answer.lines().findFirst()
                .orElse("Agent changes"), tools.taskId())).filter(set -> !set.edits().isEmpty());
        return new LoopResult(ending, answer, steps, promptTokens, generatedTokens, elapsedMillis(started), changes);
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
