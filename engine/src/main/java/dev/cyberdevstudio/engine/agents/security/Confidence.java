package dev.cyberdevstudio.engine.agents.security;

/** How sure a rule is that a finding is real: patterns seen whole are HIGH, guesses from names and context lower. */
public enum Confidence {
    HIGH, MEDIUM, LOW
}
