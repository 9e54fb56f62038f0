package dev.cyberdevstudio.engine.agents.test;

/** How one test ended. ERRORED: it could not run to its assertions (an exception outside them, a setup failure). */
public enum TestOutcome { PASSED, FAILED, ERRORED, SKIPPED }
