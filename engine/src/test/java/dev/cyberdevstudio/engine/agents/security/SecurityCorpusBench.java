package dev.cyberdevstudio.engine.agents.security;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the rules' precision and recall on the labelled corpus, per family and overall, and the scan speed on the
 * corpus and on a real folder (the repository this runs in, or the folder given as the first argument).
 *
 * <pre>
 * ./bench security [FOLDER] [RUNS]
 * </pre>
 */
public final class SecurityCorpusBench {

    private SecurityCorpusBench() {
    }

    public static void main(String[] args) {
        var folder = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        var runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var scanner = new SecurityScanner();
        var result = CorpusEvaluation.evaluate(scanner, CorpusEvaluation.corpus());
        System.out.printf(Locale.ROOT, "Corpus: %d files (%d with %d labelled findings, %d clean look-alikes)%n%n",
                result.report().filesScanned(), result.labelledFiles(), result.expected().size(), result.cleanFiles());
        System.out.print(result.table());
        if (!result.falsePositives().isEmpty()) {
            System.out.println("\nfalse positives:");
            result.falsePositives().forEach(key -> System.out.println("  " + key));
        }
        if (!result.falseNegatives().isEmpty()) {
            System.out.println("\nfalse negatives (missed):");
            result.falseNegatives().forEach(key -> System.out.println("  " + key));
        }
        System.out.println();
        speed("corpus", scanner, CorpusEvaluation.corpus(), runs);
        speed(folder.toString(), scanner, folder, runs);
        speed(folder + " (1 thread)", new SecurityScanner(SecurityRules.all(),
                ScanOptions.defaults().withThreads(1)), folder, runs);
    }

    private static void speed(String name, SecurityScanner scanner, Path folder, int runs) {
        scanner.scan(folder);
        var rates = new double[runs];
        SecurityReport last = null;
        for (int run = 0; run < runs; run++) {
            last = scanner.scan(folder);
            rates[run] = last.filesPerSecond();
        }
        Arrays.sort(rates);
        var seconds = last.elapsed().toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d files, %,d lines, %.1f MB in %.2f s; median %.0f files/s "
                        + "(%.0f lines/s); %d findings, %d skipped (threads %d)%n",
                name, last.filesScanned(), last.linesScanned(), last.bytesScanned() / 1e6, seconds,
                rates[runs / 2], last.linesScanned() / seconds, last.findings().size(), last.skipped().size(),
                scanner.options().threads());
    }
}
