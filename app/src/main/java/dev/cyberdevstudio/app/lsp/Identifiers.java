package dev.cyberdevstudio.app.lsp;

/** What counts as a word for completion and rename: letters, digits, '_' and '$', as most languages have it. */
final class Identifiers {

    private Identifiers() {
    }

    static boolean isPart(char character) {
        return Character.isLetterOrDigit(character) || character == '_' || character == '$';
    }

    static boolean allParts(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isPart(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The offset where the word that ends at {@code end} of {@code line} starts. */
    static int wordStart(String line, int end) {
        int start = Math.min(end, line.length());
        while (start > 0 && isPart(line.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** The offset just after the word that goes on from {@code start} of {@code line}. */
    static int wordEnd(String line, int start) {
        int end = Math.max(0, start);
        while (end < line.length() && isPart(line.charAt(end))) {
            end++;
        }
        return end;
    }
}
