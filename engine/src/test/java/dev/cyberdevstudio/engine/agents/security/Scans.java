package dev.cyberdevstudio.engine.agents.security;

import java.util.List;

/** Runs one rule over one file's text, as the scanner would. */
final class Scans {

    private Scans() {
    }

    static List<Finding> run(SecurityRule rule, String path, String text) {
        return new SecurityScanner(List.of(rule), ScanOptions.defaults()).scanText(path, text).findings();
    }

    static List<Integer> lines(SecurityRule rule, String path, String text) {
        return run(rule, path, text).stream().map(Finding::line).toList();
    }
}
