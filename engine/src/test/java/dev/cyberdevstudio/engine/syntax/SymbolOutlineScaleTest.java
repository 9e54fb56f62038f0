package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The outline of a 100k-line file, read from a tree an open document already has: every method is there and the
 * chain around a caret deep inside is right. The time it took is printed, not asserted.
 */
class SymbolOutlineScaleTest {

    private static final int METHODS = 10_000;

    @Test
    void readsEveryMethodOfAHundredThousandLineFileFromTheOpenTree() {
        var text = GeneratedJava.source(METHODS);
        try (var document = SyntaxDocument.open(Language.JAVA, text)) {
            document.outline();
            var threads = ManagementFactory.getThreadMXBean();
            var cpuStarted = threads.getCurrentThreadCpuTime();
            var started = System.nanoTime();
            var outline = document.outline();
            var outlineMillis = (System.nanoTime() - started) / 1_000_000.0;
            var outlineCpuMillis = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000.0;
            started = System.nanoTime();
            var deep = GeneratedJava.offsetOfMethod(7_777) + 100;
            var chain = outline.enclosing(deep);
            var chainMicros = (System.nanoTime() - started) / 1_000.0;
            document.edit(deep, 0, "int added = 1;");
            started = System.nanoTime();
            var afterEdit = document.outline();
            var afterEditMillis = (System.nanoTime() - started) / 1_000_000.0;
            System.out.printf(Locale.ROOT, "Outline of %,d lines: %.1f ms from the open tree (%.1f ms of CPU), %.1f ms "
                    + "after an edit (re-parse included); enclosing chain %.1f µs%n", text.lines().count(),
                    outlineMillis, outlineCpuMillis, afterEditMillis, chainMicros);

            assertThat(outline.flat()).hasSize(METHODS + 1);
            assertThat(chain).extracting(OutlineSymbol::name).containsExactly("Big", "compute007777");
            assertThat(afterEdit.flat()).hasSize(METHODS + 1);
        }
    }
}
