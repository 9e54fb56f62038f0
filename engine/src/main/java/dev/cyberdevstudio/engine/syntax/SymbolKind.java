package dev.cyberdevstudio.engine.syntax;

/** What a symbol of an outline declares; the UI picks an icon per kind. */
public enum SymbolKind {
    CLASS("class"),
    INTERFACE("interface"),
    ENUM("enum"),
    RECORD("record"),
    ANNOTATION("annotation"),
    CONSTRUCTOR("constructor"),
    METHOD("method"),
    FUNCTION("function"),
    FIELD("field"),
    ENUM_CONSTANT("enum constant"),
    PROPERTY("property"),
    VARIABLE("variable"),
    TYPE_ALIAS("type"),
    NAMESPACE("namespace"),
    HEADING("heading"),
    KEY("key");

    private final String label;

    SymbolKind(String label) {
        this.label = label;
    }

    /** The kind in words, as a list shows it beside a name ({@code enum constant}). */
    public String label() {
        return label;
    }
}
