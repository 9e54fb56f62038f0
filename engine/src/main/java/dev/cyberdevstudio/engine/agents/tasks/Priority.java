package dev.cyberdevstudio.engine.agents.tasks;

/** P0 runs before P1 before P2; tasks of one priority run in the order they were dispatched. */
public enum Priority { P0, P1, P2 }
