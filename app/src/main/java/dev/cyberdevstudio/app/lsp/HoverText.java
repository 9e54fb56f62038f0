package dev.cyberdevstudio.app.lsp;

import java.util.ArrayList;
import java.util.List;

/**
 * A server's hover text (markdown, usually a fenced signature and a docstring) as blocks for plain labels: code in
 * monospace, prose with the markdown marks that would only be noise taken out.
 */
final class HoverText {

    /** One block: a code block's lines, or a paragraph of prose. */
    record Block(boolean code, String text) {
    }

    private HoverText() {
    }

    static List<Block> blocks(String markdown) {
        var blocks = new ArrayList<Block>();
        var current = new StringBuilder();
        boolean inCode = false;
        for (var line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            var trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                add(blocks, current, inCode);
                inCode = !inCode;
            } else if (!inCode && (trimmed.equals("---") || trimmed.equals("***") || trimmed.isEmpty())) {
                add(blocks, current, false);
            } else {
                if (!current.isEmpty()) {
                    current.append(inCode ? "\n" : " ");
                }
                current.append(inCode ? line : prose(trimmed));
            }
        }
        add(blocks, current, inCode);
        return blocks;
    }

    private static void add(List<Block> blocks, StringBuilder text, boolean code) {
        var content = code ? text.toString().stripTrailing() : text.toString().strip();
        if (!content.isEmpty()) {
            blocks.add(new Block(code, content));
        }
        text.setLength(0);
    }

    private static String prose(String line) {
        return line.replace("**", "").replace("`", "").replace("\\_", "_");
    }
}
