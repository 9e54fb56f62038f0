package dev.cyberdevstudio.models.catalog;

/** What a model is recommended for. */
public enum ModelRole {
    CODE,
    CHAT,
    FUNCTION_CALLING,
    EMBEDDING
}
