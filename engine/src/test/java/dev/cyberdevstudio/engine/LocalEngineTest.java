package dev.cyberdevstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.home.StudioHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEngineTest {

    @TempDir
    Path temp;

    private StudioHome home() {
        return new StudioHome(temp.resolve("home")).ensureCreated();
    }

    @Test
    void keepsSettingsAndRecentProjectsInTheStoreAcrossRestarts() {
        var project = temp.resolve("project");
        try (var engine = LocalEngine.start(home())) {
            assertThat(engine.storeProblem()).isEmpty();
            engine.settings().put("ui.theme", "serial-steel");
            engine.recentProjects().opened(project);
        }

        try (var engine = LocalEngine.start(home())) {
            assertThat(engine.settings().get("ui.theme")).contains("serial-steel");
            assertThat(engine.recentProjects().list()).singleElement()
                .satisfies(recent -> assertThat(recent.folder()).isEqualTo(project));
            assertThat(engine.home()).isEqualTo(home());
        }
    }

    @Test
    void opensModelsAndSystemMonitorOnFirstUseAndRefusesThemAfterClose() {
        var engine = LocalEngine.start(home());
        var models = engine.models();
        assertThat(engine.models()).isSameAs(models);
        assertThat(models.folder()).isEqualTo(home().root().resolve("models")).isDirectory();
        assertThat(models.catalog()).isNotEmpty();
        assertThat(engine.systemMonitor().sampleNow().processRss()).isPositive();
        assertThat(engine.runs()).isSameAs(engine.runs());
        engine.close();

        assertThatThrownBy(engine::models).isInstanceOf(EngineException.class).hasMessageContaining("closed");
        assertThatThrownBy(engine::systemMonitor).isInstanceOf(EngineException.class);
        assertThatThrownBy(engine::runs).isInstanceOf(EngineException.class);
    }

    @Test
    void startsWithSettingsInMemoryWhenTheDatabaseIsCorrupt() throws IOException {
        var database = home().databaseFolder().resolve("studio.mv.db");
        Files.createDirectories(database.getParent());
        var garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(database, garbage);

        try (var engine = LocalEngine.start(home())) {
            assertThat(engine.storeProblem()).get().asString().contains(database.toString()).contains("damaged");
            engine.settings().put("ui.theme", "serial-steel");
            engine.recentProjects().opened(temp.resolve("p"));
            assertThat(engine.settings().get("ui.theme")).contains("serial-steel");
            assertThat(engine.recentProjects().list()).hasSize(1);
        }
        assertThat(Files.readAllBytes(database)).as("the damaged file is left for the user to rescue")
            .isEqualTo(garbage);
    }

    @Test
    void saysAnotherStudioHoldsTheDatabaseAndStillStarts() {
        try (var first = LocalEngine.start(home()); var second = LocalEngine.start(home())) {
            assertThat(first.storeProblem()).isEmpty();
            assertThat(second.storeProblem()).get().asString().startsWith("Another CyberDevStudio is using");
            assertThat(second.recentProjects().list()).isEmpty();
        }
    }

    @Test
    void runsAgentTasksKeepsThemAcrossARestartAndGivesEachProjectItsOwnJournal() throws Exception {
        var project = java.nio.file.Files.createDirectories(temp.resolve("projects/app"));
        dev.cyberdevstudio.engine.agents.tasks.TaskId id;
        try (var engine = LocalEngine.start(home())) {
            var agents = engine.agents();
            id = agents.orchestrator().dispatch(dev.cyberdevstudio.engine.agents.tasks.TaskRequest.of("debug",
                "Why?", project.toString()).withParameters(java.util.Map.of("output", "ValueError: bad\n")));
            var taskId = id;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!agents.orchestrator().status(taskId).orElseThrow().state().isFinal()) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(agents.studioAgents().answer(id.value()).orElseThrow().markdown()).contains("No model is loaded");
            assertThat(agents.changes(project)).isSameAs(agents.changes(project.resolve(".")));
            assertThat(dev.cyberdevstudio.engine.agents.Agents.journalName(project)).startsWith("app-")
                .isNotEqualTo(dev.cyberdevstudio.engine.agents.Agents.journalName(temp.resolve("other/app")));
        }
        try (var engine = LocalEngine.start(home())) {
            assertThat(engine.agents().orchestrator().status(id).orElseThrow().state())
                .isEqualTo(dev.cyberdevstudio.engine.agents.tasks.TaskState.SUCCEEDED);
        }
    }
}
