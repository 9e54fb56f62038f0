package dev.cyberdevstudio.app.actions;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the command palette lists for a query: with none, the recently run actions first and then every action by
 * category and name; with one, the actions whose name or "category: name" match it, best first, a recently run
 * action winning a tie.
 */
final class PaletteModel {

    private record Scored(StudioAction action, int score, int recency) {
    }

    private final ActionRegistry actions;

    PaletteModel(ActionRegistry actions) {
        this.actions = actions;
    }

    List<StudioAction> filter(String query) {
        var recency = new HashMap<String, Integer>();
        var recent = actions.recentlyUsed();
        for (int i = 0; i < recent.size(); i++) {
            recency.put(recent.get(i), i);
        }
        var all = actions.all();
        if (query == null || query.isBlank()) {
            var used = recent.stream().flatMap(id -> actions.find(id).stream());
            var rest = all.stream().filter(action -> !recency.containsKey(action.id()));
            return Stream.concat(used, rest).toList();
        }
        return all.stream()
                .map(action -> new Scored(action, score(query, action),
                        recency.getOrDefault(action.id(), Integer.MAX_VALUE)))
                .filter(scored -> scored.score() != FuzzyMatch.NO_MATCH)
                .sorted(Comparator.comparingInt(Scored::score).reversed()
                        .thenComparingInt(Scored::recency)
                        .thenComparing(scored -> scored.action().name()))
                .map(Scored::action)
                .toList();
    }

    private static int score(String query, StudioAction action) {
        return Math.max(FuzzyMatch.score(query, action.name()),
                FuzzyMatch.score(query, action.category() + ": " + action.name()));
    }
}
