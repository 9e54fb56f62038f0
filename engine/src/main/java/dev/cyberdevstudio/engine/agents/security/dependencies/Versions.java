package dev.cyberdevstudio.engine.agents.security.dependencies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares version strings the way Maven, npm, PyPI and Go mostly agree on: numbers numerically, and pre-release
 * words below the release they lead to ({@code 2.0-beta9 < 2.0-rc1 < 2.0 < 2.0.1}).
 */
final class Versions {

    private static final Map<String, Integer> QUALIFIERS = Map.ofEntries(
            Map.entry("alpha", -5), Map.entry("a", -5), Map.entry("beta", -4), Map.entry("b", -4),
            Map.entry("milestone", -3), Map.entry("m", -3), Map.entry("rc", -2), Map.entry("cr", -2),
            Map.entry("pre", -2), Map.entry("dev", -6), Map.entry("snapshot", -1), Map.entry("ga", 0),
            Map.entry("final", 0), Map.entry("release", 0), Map.entry("sp", 1), Map.entry("post", 1));
    private static final int UNKNOWN_QUALIFIER = -1;

    private record Item(String digits, int rank) {
        boolean numeric() {
            return digits != null;
        }
    }

    private Versions() {
    }

    static int compare(String left, String right) {
        var a = items(left);
        var b = items(right);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            var compared = compare(i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    /** A missing item counts as zero next to a number and as the release next to a qualifier. */
    private static int compare(Item left, Item right) {
        if (left == null && right == null) {
            return 0;
        }
        if (left == null) {
            return right.numeric() ? compareDigits("0", right.digits()) : Integer.compare(0, right.rank());
        }
        if (right == null) {
            return left.numeric() ? compareDigits(left.digits(), "0") : Integer.compare(left.rank(), 0);
        }
        if (left.numeric() && right.numeric()) {
            return compareDigits(left.digits(), right.digits());
        }
        if (left.numeric() != right.numeric()) {
            return left.numeric() ? 1 : -1;
        }
        return Integer.compare(left.rank(), right.rank());
    }

    private static int compareDigits(String left, String right) {
        var a = left.replaceFirst("^0+(?=.)", "");
        var b = right.replaceFirst("^0+(?=.)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private static List<Item> items(String version) {
        var text = version.strip().toLowerCase(Locale.ROOT).replaceFirst("^v", "").replaceFirst("\\+.*$", "");
        var items = new ArrayList<Item>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isDigit(c)) {
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                items.add(new Item(text.substring(start, i), 0));
            } else if (Character.isLetter(c)) {
                while (i < text.length() && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                items.add(new Item(null, QUALIFIERS.getOrDefault(text.substring(start, i), UNKNOWN_QUALIFIER)));
            } else {
                i++;
            }
        }
        return items;
    }
}
