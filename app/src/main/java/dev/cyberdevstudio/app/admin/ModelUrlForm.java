package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.models.catalog.ModelRole;

/**
 * What the user typed into the "Add by URL" dialog, as typed: {@link ModelsViewModel#addByUrl(ModelUrlForm)} checks
 * it and says what is wrong.
 *
 * @param url    the address of the GGUF file (http or https)
 * @param name   the name to show; blank for the file name
 * @param role   what the model is for
 * @param sha256 the published SHA-256; blank when the source publishes none
 * @param size   the file's size in bytes; blank when unknown
 */
public record ModelUrlForm(String url, String name, ModelRole role, String sha256, String size) {
}
