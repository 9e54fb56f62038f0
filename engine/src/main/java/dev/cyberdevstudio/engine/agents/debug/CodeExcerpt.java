package dev.cyberdevstudio.engine.agents.debug;

import java.util.List;

/**
 * Lines of a file around a line of interest.
 *
 * @param firstLine 1-based number of {@code lines.get(0)}
 * @param focusLine the 1-based line the pointer names
 */
public record CodeExcerpt(int firstLine, int focusLine, List<String> lines) {

    public CodeExcerpt {
        lines = List.copyOf(lines);
    }

    /** The lines numbered, the focus line marked with {@code >}, for a chat answer or a prompt. */
    public String render() {
        var width = String.valueOf(firstLine + lines.size() - 1).length();
        var text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            int number = firstLine + i;
            text.append(number == focusLine ? "> " : "  ")
                .append(String.format("%" + width + "d", number)).append(" | ").append(lines.get(i)).append('\n');
        }
        return text.toString();
    }
}
