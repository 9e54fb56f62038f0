package dev.cyberdevstudio.engine.git;

/** Where HEAD points: a branch (which may have no commit yet) or, detached, a commit. */
public sealed interface GitHead {

    /** What a status bar shows: the branch name, or the commit's short id. */
    String label();

    record Branch(String name) implements GitHead {

        @Override
        public String label() {
            return name;
        }
    }

    record Detached(String shortId) implements GitHead {

        @Override
        public String label() {
            return shortId;
        }
    }
}
