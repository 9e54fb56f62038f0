package dev.cyberdevstudio.engine.agents.loop;

import java.util.List;

/** The agents: what each is for, told to the model, and which tools each may call. */
public enum AgentRole {
    CODE("Code", "You implement or refactor what the user asks, as proposed edits, then build or run the tests and"
        + " fix what fails.", List.of("read_file", "list_files", "search_text", "propose_edit", "run_command",
        "run_tests", "run_wasm")),
    TEST("Test", "You write and run tests for the code the user points at, and iterate on failures.",
        List.of("read_file", "list_files", "search_text", "propose_edit", "run_tests", "run_command")),
    DEBUG("Debug", "You find why a run or a test fails, explain the cause, propose a fix and re-run to check it.",
        List.of("read_file", "list_files", "search_text", "propose_edit", "run_command", "run_tests")),
    SECURITY("Security", "You explain security findings in the user's code and propose fixes.",
        List.of("read_file", "list_files", "search_text", "propose_edit")),
    DOC("Doc", "You write documentation: doc comments for public API and README sections.",
        List.of("read_file", "list_files", "search_text", "propose_edit")),
    DESIGN("Design", "You review user-interface code for accessibility and consistency and suggest improvements.",
        List.of("read_file", "list_files", "search_text", "propose_edit"));

    private final String displayName;
    private final String purpose;
    private final List<String> tools;

    AgentRole(String displayName, String purpose, List<String> tools) {
        this.displayName = displayName;
        this.purpose = purpose;
        this.tools = tools;
    }

    public String displayName() {
        return displayName;
    }

    public String purpose() {
        return purpose;
    }

    /** The tools this role may call, by name. */
    public List<String> tools() {
        return tools;
    }
}
