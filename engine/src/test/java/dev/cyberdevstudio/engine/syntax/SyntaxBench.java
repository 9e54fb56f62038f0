package dev.cyberdevstudio.engine.syntax;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Measures highlighting at scale on a generated 100k-line Java file and prints medians:
 * the full parse, the spans of a 60-line viewport, a one-char edit with its re-parse and the viewport's spans
 * (what stands between a keystroke and its styles), the changed-range query that follows it, and styling the
 * whole file in 16k-char chunks.
 *
 * <pre>
 * mvn -B -q -pl engine -am test-compile -Djacoco.skip=true
 * mvn -B -q -pl engine dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --enable-native-access=ALL-UNNAMED \
 *     -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/cp.txt) \
 *     dev.cyberdevstudio.engine.syntax.SyntaxBench
 * </pre>
 */
public final class SyntaxBench {

    private static final int METHODS = 10_000;
    private static final int VIEWPORT_LINES = 60;
    private static final int CHUNK_CHARS = 16 * 1024;

    private SyntaxBench() {
    }

    public static void main(String[] args) {
        var parseRuns = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var text = GeneratedJava.source(METHODS);
        var lines = text.lines().count();
        System.out.printf(Locale.ROOT, "Java file: %,d lines, %,d chars%n", lines, text.length());

        var parse = new double[parseRuns];
        for (int run = 0; run < parseRuns; run++) {
            var started = System.nanoTime();
            try (var document = SyntaxDocument.open(Language.JAVA, text)) {
                parse[run] = millisSince(started);
            }
        }
        report("full parse (open)", parse);

        try (var document = SyntaxDocument.open(Language.JAVA, text)) {
            var viewportStart = GeneratedJava.offsetOfMethod(METHODS / 2);
            var viewportEnd = viewportStart + VIEWPORT_LINES / GeneratedJava.LINES_PER_METHOD
                    * GeneratedJava.method(0).length();
            var spanCount = new int[1];
            var viewport = measure(101, () -> {
                spanCount[0] = document.spans(viewportStart, viewportEnd).size();
                return spanCount[0];
            });
            report("spans of a 60-line viewport (" + spanCount[0] + " spans)", viewport);

            var caret = viewportStart + GeneratedJava.method(0).indexOf("total =");
            var typed = new boolean[1];
            Runnable typeOrDelete = () -> {
                if (typed[0]) {
                    document.edit(caret, 1, "");
                } else {
                    document.edit(caret, 0, "x");
                }
                typed[0] = !typed[0];
            };
            var edit = new double[101];
            var changed = new double[edit.length];
            for (int run = -10; run < edit.length; run++) {
                var started = System.nanoTime();
                typeOrDelete.run();
                document.spans(viewportStart, viewportEnd);
                var styled = System.nanoTime();
                document.reparse();
                if (run >= 0) {
                    edit[run] = (styled - started) / 1_000_000.0;
                    changed[run] = millisSince(styled);
                }
            }
            report("one-char edit + re-parse + viewport spans", edit);
            report("  then reparse(): what else changed", changed);

            var whole = measure(3, () -> {
                var total = 0;
                for (int from = 0; from < document.length(); from += CHUNK_CHARS) {
                    total += document.spans(from, Math.min(document.length(), from + CHUNK_CHARS)).size();
                }
                return total;
            });
            report("spans of the whole file in 16k-char chunks", whole);
        }
    }

    private static double[] measure(int runs, IntSupplier work) {
        var sink = 0;
        for (int warmUp = 0; warmUp < Math.min(10, runs); warmUp++) {
            sink += work.getAsInt();
        }
        var times = new double[runs];
        for (int run = 0; run < runs; run++) {
            var started = System.nanoTime();
            sink += work.getAsInt();
            times[run] = millisSince(started);
        }
        if (sink == 42) {
            System.out.println();
        }
        return times;
    }

    private static void report(String what, double[] millis) {
        var sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-48s median %9.2f ms  min %9.2f ms  max %9.2f ms  (%d runs)%n", what,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    private static double millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000.0;
    }
}
