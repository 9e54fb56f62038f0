package dev.cyberdevstudio.app.admin;

/** The questions the admin pane asks; a real dialog in the studio, a scripted answer in tests. */
public interface AdminDialogs {

    /** Asks whether to delete {@code fileName} ({@code size}) from disk. */
    boolean confirmDelete(String fileName, String size);
}
