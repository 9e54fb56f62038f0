package dev.cyberdevstudio.app.editor.highlight;

import dev.cyberdevstudio.engine.syntax.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a text whose styles are out of date, as sorted, disjoint, non-adjacent ranges that follow the
 * text through edits. Not thread-safe: the highlighter's worker owns it.
 */
final class DirtyRanges {

    private final List<TextRange> ranges = new ArrayList<>();

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    List<TextRange> ranges() {
        return List.copyOf(ranges);
    }

    void add(TextRange range) {
        if (range.isEmpty()) {
            return;
        }
        var start = range.start();
        var end = range.end();
        var merged = new ArrayList<TextRange>(ranges.size() + 1);
        var placed = false;
        for (var existing : ranges) {
            if (existing.end() < start) {
                merged.add(existing);
            } else if (existing.start() > end) {
                if (!placed) {
                    merged.add(new TextRange(start, end));
                    placed = true;
                }
                merged.add(existing);
            } else {
                start = Math.min(start, existing.start());
                end = Math.max(end, existing.end());
            }
        }
        if (!placed) {
            merged.add(new TextRange(start, end));
        }
        ranges.clear();
        ranges.addAll(merged);
    }

    void remove(TextRange range) {
        if (range.isEmpty()) {
            return;
        }
        var kept = new ArrayList<TextRange>(ranges.size() + 1);
        for (var existing : ranges) {
            if (existing.end() <= range.start() || existing.start() >= range.end()) {
                kept.add(existing);
                continue;
            }
            if (existing.start() < range.start()) {
                kept.add(new TextRange(existing.start(), range.start()));
            }
            if (existing.end() > range.end()) {
                kept.add(new TextRange(range.end(), existing.end()));
            }
        }
        ranges.clear();
        ranges.addAll(kept);
    }

    boolean intersects(TextRange range) {
        for (var existing : ranges) {
            if (existing.start() < range.end() && range.start() < existing.end()) {
                return true;
            }
        }
        return false;
    }

    /** Follows {@code removedLength} chars at {@code start} being replaced by {@code insertedLength} chars. */
    void shift(int start, int removedLength, int insertedLength) {
        var shifted = new ArrayList<TextRange>(ranges.size());
        for (var existing : ranges) {
            var from = Edits.map(existing.start(), start, removedLength, insertedLength, false);
            var to = Edits.map(existing.end(), start, removedLength, insertedLength, true);
            if (to > from) {
                shifted.add(new TextRange(from, to));
            }
        }
        ranges.clear();
        shifted.forEach(this::add);
    }

    /** Drops whatever lies at or beyond {@code length}. */
    void clip(int length) {
        remove(new TextRange(Math.min(length, Integer.MAX_VALUE - 1), Integer.MAX_VALUE));
    }

    /**
     * Takes up to {@code maxLength} dirty chars from the range nearest to {@code near}, growing outwards from it:
     * after {@code near} a chunk starts at the range's start, before it a chunk ends at the range's end.
     */
    Optional<TextRange> takeNear(TextRange near, int maxLength) {
        TextRange nearest = null;
        var nearestDistance = Long.MAX_VALUE;
        for (var existing : ranges) {
            long distance = existing.end() <= near.start() ? near.start() - existing.end()
                    : existing.start() >= near.end() ? existing.start() - near.end() : 0;
            if (distance < nearestDistance) {
                nearest = existing;
                nearestDistance = distance;
            }
        }
        if (nearest == null) {
            return Optional.empty();
        }
        TextRange chunk;
        if (nearest.end() <= near.start()) {
            chunk = new TextRange(Math.max(nearest.start(), nearest.end() - maxLength), nearest.end());
        } else {
            var start = Math.max(nearest.start(), near.start());
            chunk = new TextRange(start, Math.min(nearest.end(), start + maxLength));
        }
        remove(chunk);
        return Optional.of(chunk);
    }
}
