package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.models.catalog.ModelRole;

/** Role names as people say them. */
final class Roles {

    private Roles() {
    }

    static String label(ModelRole role) {
        return switch (role) {
            case CODE -> "Code";
            case CHAT -> "Chat";
            case FUNCTION_CALLING -> "Function calling";
            case EMBEDDING -> "Embeddings";
        };
    }
}
