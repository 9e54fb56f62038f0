package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.CompletionItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Narrows a server's proposals to what the user has typed since: first those whose name starts with the prefix in
 * the same case, then in any case, then those that merely contain it; each group in the server's order.
 */
final class CompletionFilter {

    static final int MAX_SHOWN = 200;

    private CompletionFilter() {
    }

    static List<CompletionItem> filter(List<CompletionItem> items, String prefix) {
        if (prefix.isEmpty()) {
            return items.size() > MAX_SHOWN ? List.copyOf(items.subList(0, MAX_SHOWN)) : List.copyOf(items);
        }
        var lower = prefix.toLowerCase(Locale.ROOT);
        var exact = new ArrayList<CompletionItem>();
        var anyCase = new ArrayList<CompletionItem>();
        var inside = new ArrayList<CompletionItem>();
        for (var item : items) {
            var name = key(item);
            if (name.startsWith(prefix)) {
                exact.add(item);
            } else {
                var lowerName = name.toLowerCase(Locale.ROOT);
                if (lowerName.startsWith(lower)) {
                    anyCase.add(item);
                } else if (lowerName.contains(lower)) {
                    inside.add(item);
                }
            }
        }
        exact.addAll(anyCase);
        exact.addAll(inside);
        return exact.size() > MAX_SHOWN ? List.copyOf(exact.subList(0, MAX_SHOWN)) : List.copyOf(exact);
    }

    // Some servers decorate labels ("•greet", " greet"); what the user types matches the name itself.
    static String key(CompletionItem item) {
        var label = item.label().strip();
        int start = 0;
        while (start < label.length() && !Identifiers.isPart(label.charAt(start))) {
            start++;
        }
        return label.substring(start);
    }
}
