package dev.cyberdevstudio.engine.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * Markdown: the headings, nested by level. The grammar gives a flat list of headings; a heading's section runs
 * from it to the next heading of the same or a higher level, so a caret anywhere in the section lies inside it.
 */
final class MarkdownOutline {

    private record Heading(TSNode node, int level, TSNode content) {
    }

    private record Open(Heading heading, OutlineBuilder.Draft draft) {
    }

    private MarkdownOutline() {
    }

    static void read(TSNode root, OutlineBuilder out) {
        var headings = headings(root, out);
        var open = new ArrayDeque<Open>();
        for (int i = 0; i < headings.size(); i++) {
            var heading = headings.get(i);
            while (!open.isEmpty() && open.peek().heading().level() >= heading.level()) {
                open.pop();
            }
            var sectionEnd = root;
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).level() <= heading.level()) {
                    sectionEnd = headings.get(j).node();
                    break;
                }
            }
            var endsAtNext = sectionEnd != root;
            var endChar = endsAtNext ? OutlineBuilder.start(sectionEnd) : OutlineBuilder.end(root);
            var content = out.text(heading.content());
            var name = OutlineBuilder.oneLine(content);
            if (name.isEmpty()) {
                continue;
            }
            // An ATX heading's content starts with the space after its #s; the caret goes to the first word.
            var nameStart = OutlineBuilder.start(heading.content()) + leadingBlanks(content);
            var parent = open.isEmpty() ? null : open.peek().draft();
            var start = OutlineBuilder.start(heading.node());
            var draft = out.add(parent, SymbolKind.HEADING, name, start, endChar, out.point(start),
                    out.point(endChar), out.point(nameStart));
            open.push(new Open(heading, draft));
        }
    }

    private static int leadingBlanks(String text) {
        int blanks = 0;
        while (blanks < text.length() && (text.charAt(blanks) == ' ' || text.charAt(blanks) == '\t')) {
            blanks++;
        }
        return blanks;
    }

    private static List<Heading> headings(TSNode root, OutlineBuilder out) {
        var headings = new ArrayList<Heading>();
        for (var node : out.children(root)) {
            var content = out.childOfType(node, "heading_content");
            if (content == null) {
                continue;
            }
            var level = level(node, out);
            if (level > 0) {
                headings.add(new Heading(node, level, content));
            }
        }
        return headings;
    }

    /** 1 to 6 from the {@code atx_hN_marker} or the setext underline; 0 for anything else. */
    private static int level(TSNode heading, OutlineBuilder out) {
        for (var child : out.children(heading)) {
            var type = out.type(child);
            if (type.startsWith("atx_h") && type.endsWith("_marker") && type.length() == "atx_h1_marker".length()) {
                return Character.digit(type.charAt("atx_h".length()), 10);
            }
            if ("setext_h1_underline".equals(type)) {
                return 1;
            }
            if ("setext_h2_underline".equals(type)) {
                return 2;
            }
        }
        return 0;
    }
}
