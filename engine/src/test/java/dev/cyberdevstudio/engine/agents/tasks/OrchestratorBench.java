package dev.cyberdevstudio.engine.agents.tasks;

import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.store.StoreOpening;
import dev.cyberdevstudio.engine.store.StudioStore;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Orchestrator throughput with no-op agents: tasks dispatched, run and recorded per second, through the queue alone
 * (in-memory store) and through the studio's H2 store, with everything flushed to the database before the clock
 * stops. Goal: at least 10,000 tasks/s. {@code ./bench orchestrator [TASKS] [PARALLELISM] [ROUNDS]}.
 */
public final class OrchestratorBench {

    private OrchestratorBench() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf("orchestrator: %,d no-op tasks per round, parallelism %d, %d rounds (first is warm-up)%n",
            tasks, parallelism, rounds);
        for (int round = 1; round <= rounds; round++) {
            var memory = measure(new InMemoryTaskStore(), tasks, parallelism);
            var home = Files.createTempDirectory("orchestrator-bench");
            try (var store = ((StoreOpening.Opened) StudioStore.open(new StudioHome(home))).store()) {
                var h2 = measure(store.taskStore(), tasks, parallelism);
                System.out.printf("round %d: in-memory store %,.0f tasks/s | H2 store %,.0f tasks/s"
                    + " (goal 10,000; ratio to goal %.1fx)%n", round, memory, h2, h2 / 10_000);
            }
        }
        System.exit(0);
    }

    private static double measure(TaskStore store, int tasks, int parallelism) throws InterruptedException {
        var done = new CountDownLatch(tasks);
        var orchestrator = new Orchestrator(Map.of("noop", context -> {
            done.countDown();
            return TaskOutcome.succeeded("");
        }), store, parallelism, Clock.systemUTC());
        long start = System.nanoTime();
        var request = TaskRequest.of("noop", "nothing", "/bench");
        for (int i = 0; i < tasks; i++) {
            orchestrator.dispatch(request);
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Tasks did not finish");
        }
        while (orchestrator.running() > 0) {
            Thread.onSpinWait();
        }
        store.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        orchestrator.close();
        return tasks / seconds;
    }
}
