package dev.cyberdevstudio.engine.syntax;

/** A large, valid Java file made of one ten-line method repeated, for scale tests and the benchmark. */
final class GeneratedJava {

    static final String HEADER = "package bench;\n\nimport java.util.List;\n\npublic final class Big {\n\n";
    static final String FOOTER = "}\n";
    static final int LINES_PER_METHOD = 10;

    private GeneratedJava() {
    }

    /** Method {@code index}; every method has the same length and the same styles at the same offsets. */
    static String method(int index) {
        return """
                    /** Method %06d: é, 日本, 😀. */
                    public int compute%06d(int value, String label) {
                        // add things up
                        int total = value * 31 + %d;
                        if (label != null && label.length() > 3) {
                            total += label.hashCode();
                        }
                        String text = "item-" + total + "\\t";
                        return total + List.of(text).size();
                    }
                """.formatted(index, index, index % 10);
    }

    /** A class of {@code methods} methods: ten lines each, plus a few lines of header and footer. */
    static String source(int methods) {
        var text = new StringBuilder(HEADER.length() + methods * method(0).length() + FOOTER.length());
        text.append(HEADER);
        for (int i = 0; i < methods; i++) {
            text.append(method(i));
        }
        return text.append(FOOTER).toString();
    }

    /** Offset of method {@code index} in {@link #source(int)}. */
    static int offsetOfMethod(int index) {
        return HEADER.length() + index * method(0).length();
    }
}
