package dev.cyberdevstudio.engine.lsp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import dev.cyberdevstudio.engine.store.Settings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's choice of language server per file extension, on top of the {@link LanguageServerConfig#defaults()},
 * kept in the studio's {@link Settings} under {@value #SETTING} as JSON.
 *
 * <pre>{@code
 * var lsp = new LanguageServerSettings(engine.settings());
 * lsp.set(new LanguageServerSettings.UseServer(".vue", "vue", "vue-language-server",
 *         List.of("vue-language-server", "--stdio"), "npm install -g @vue/language-server"));
 * lsp.set(new LanguageServerSettings.Disabled(".js"));
 * lsp.problem().ifPresent(statusBar::warn);   // a hand-edited value that cannot be read
 * try (var service = LanguageServices.forProject(projectRoot, lsp)) { ... }
 * }</pre>
 *
 * <p>Extensions that name the same server (same name and command) share one server process. A stored value that
 * cannot be read is ignored as a whole: the defaults apply and {@link #problem()} says what is wrong with it; the
 * next {@link #set} or {@link #reset} replaces it. Safe to use from several threads at once.
 */
public final class LanguageServerSettings {

    /** The settings key the choices are stored under. */
    public static final String SETTING = "lsp.servers";

    private static final Logger LOG = LoggerFactory.getLogger(LanguageServerSettings.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;

    public LanguageServerSettings(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Settings with no choices, kept in memory: the built-in servers only. */
    public static LanguageServerSettings defaults() {
        return new LanguageServerSettings(new InMemorySettings());
    }

    /** What the user chose for one file extension. */
    public sealed interface Choice permits UseServer, Disabled {

        /** Lower case, with its dot. */
        String extension();
    }

    /**
     * Serve files ending in {@code extension} with this server, instead of the built-in one, if any.
     *
     * @param languageId  the LSP languageId to open them with; blank means the extension without its dot
     * @param name        the server's name; blank means the command's program name
     * @param installHint the command that installs the server, shown when it is missing; may be blank
     */
    public record UseServer(String extension, String languageId, String name, List<String> command,
                            String installHint) implements Choice {

        public UseServer {
            extension = LanguageServerConfig.normalizeExtension(extension);
            command = List.copyOf(command);
            if (command.isEmpty() || command.getFirst().isBlank()) {
                throw new IllegalArgumentException("The language server for " + extension + " has no command");
            }
            languageId = blankToDefault(languageId, extension.substring(1));
            name = blankToDefault(name, programName(command.getFirst()));
            installHint = Objects.requireNonNullElse(installHint, "").strip();
        }
    }

    /** Use no language server for files ending in {@code extension}. */
    public record Disabled(String extension) implements Choice {

        public Disabled {
            extension = LanguageServerConfig.normalizeExtension(extension);
        }
    }

    /**
     * The stored choices and the servers they give.
     *
     * @param problem why the stored value was ignored, for people; empty when it was read (or there is none)
     */
    public record Loaded(List<Choice> choices, List<LanguageServerConfig> servers, Optional<String> problem) {

        public Loaded {
            choices = List.copyOf(choices);
            servers = List.copyOf(servers);
        }
    }

    /** Reads the stored choices once. */
    public Loaded load() {
        var stored = settings.get(SETTING);
        if (stored.isEmpty()) {
            return new Loaded(List.of(), LanguageServerConfig.defaults(), Optional.empty());
        }
        try {
            var choices = read(stored.get());
            return new Loaded(choices, resolve(LanguageServerConfig.defaults(), choices), Optional.empty());
        } catch (UnreadableSettingException unreadable) {
            var problem = "The language server settings (" + SETTING + ") cannot be read: " + unreadable.getMessage()
                    + ". The built-in servers (pyright, typescript-language-server) are used instead; saving a"
                    + " language server choice replaces the stored value.";
            LOG.warn("{}", problem);
            return new Loaded(List.of(), LanguageServerConfig.defaults(), Optional.of(problem));
        }
    }

    /** The servers to use: the built-in ones with the user's choices applied. */
    public List<LanguageServerConfig> servers() {
        return load().servers();
    }

    /** Why the stored value is ignored, when it cannot be read. */
    public Optional<String> problem() {
        return load().problem();
    }

    /** The user's choices, one per extension, in the order they were first made. */
    public List<Choice> choices() {
        return load().choices();
    }

    /** Makes {@code choice} the one for its extension, replacing an earlier choice for it. */
    public synchronized void set(Choice choice) {
        Objects.requireNonNull(choice, "choice");
        var byExtension = new LinkedHashMap<String, Choice>();
        choices().forEach(existing -> byExtension.put(existing.extension(), existing));
        byExtension.put(choice.extension(), choice);
        settings.put(SETTING, write(List.copyOf(byExtension.values())));
    }

    /** Forgets the choice for {@code extension}: the built-in server, if any, serves it again. */
    public synchronized void reset(String extension) {
        var normalized = LanguageServerConfig.normalizeExtension(extension);
        var kept = choices().stream().filter(choice -> !choice.extension().equals(normalized)).toList();
        if (kept.isEmpty()) {
            settings.remove(SETTING);
        } else {
            settings.put(SETTING, write(kept));
        }
    }

    /**
     * The servers {@code defaults} give once {@code choices} are applied: a disabled extension is served by none, a
     * chosen one by the chosen server; extensions with the same server name and command share one server.
     */
    static List<LanguageServerConfig> resolve(List<LanguageServerConfig> defaults, List<Choice> choices) {
        record Server(String name, List<String> command) {
        }
        record Assignment(Server server, String languageId, String installHint) {
        }
        var assignments = new LinkedHashMap<String, Assignment>();
        for (var config : defaults) {
            var server = new Server(config.name(), config.command());
            config.languageIds().forEach((extension, id) ->
                    assignments.put(extension, new Assignment(server, id, config.installHint())));
        }
        for (var choice : choices) {
            switch (choice) {
                case Disabled disabled -> assignments.remove(disabled.extension());
                case UseServer use -> assignments.put(use.extension(), new Assignment(
                        new Server(use.name(), use.command()), use.languageId(), use.installHint()));
            }
        }
        var languageIds = new LinkedHashMap<Server, Map<String, String>>();
        // The install hint does not make a server different: the first non-blank one given for it is kept.
        var installHints = new LinkedHashMap<Server, String>();
        assignments.forEach((extension, assignment) -> {
            languageIds.computeIfAbsent(assignment.server(), key -> new LinkedHashMap<>())
                    .put(extension, assignment.languageId());
            installHints.merge(assignment.server(), assignment.installHint(),
                    (first, later) -> first.isBlank() ? later : first);
        });
        var ids = new LinkedHashSet<String>();
        var servers = new ArrayList<LanguageServerConfig>();
        languageIds.forEach((server, extensions) -> servers.add(new LanguageServerConfig(
                uniqueId(ids, server.name()), server.name(), extensions, server.command(), installHints.get(server))));
        return List.copyOf(servers);
    }

    private static String uniqueId(LinkedHashSet<String> ids, String name) {
        var base = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        var id = base;
        for (var suffix = 2; !ids.add(id); suffix++) {
            id = base + "-" + suffix;
        }
        return id;
    }

    static String write(List<Choice> choices) {
        var root = JSON.createObjectNode();
        var array = root.putArray("extensions");
        for (var choice : choices) {
            var node = array.addObject();
            node.put("extension", choice.extension());
            switch (choice) {
                case Disabled ignored -> node.put("disabled", true);
                case UseServer use -> {
                    node.put("languageId", use.languageId());
                    node.put("name", use.name());
                    var command = node.putArray("command");
                    use.command().forEach(command::add);
                    node.put("installHint", use.installHint());
                }
            }
        }
        return root.toString();
    }

    static List<Choice> read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException notJson) {
            throw new UnreadableSettingException("it is not JSON (" + notJson.getOriginalMessage() + ")");
        }
        var extensions = root == null ? null : root.get("extensions");
        if (extensions == null || !extensions.isArray()) {
            throw new UnreadableSettingException("it has no \"extensions\" list");
        }
        var choices = new ArrayList<Choice>();
        var seen = new LinkedHashSet<String>();
        for (var index = 0; index < extensions.size(); index++) {
            var choice = readChoice(extensions.get(index), index + 1);
            if (!seen.add(choice.extension())) {
                throw new UnreadableSettingException("entry " + (index + 1) + " names " + choice.extension()
                        + " a second time");
            }
            choices.add(choice);
        }
        return List.copyOf(choices);
    }

    private static Choice readChoice(JsonNode node, int number) {
        if (!node.isObject()) {
            throw new UnreadableSettingException("entry " + number + " is not an object");
        }
        var extension = text(node, "extension", number)
                .orElseThrow(() -> new UnreadableSettingException("entry " + number + " has no \"extension\""));
        try {
            if (node.path("disabled").asBoolean(false)) {
                return new Disabled(extension);
            }
            var commandNode = node.get("command");
            if (commandNode == null || !commandNode.isArray()) {
                throw new UnreadableSettingException("entry " + number + " (" + extension
                        + ") has no \"command\" list");
            }
            var command = new ArrayList<String>();
            for (var part : commandNode) {
                if (!part.isTextual()) {
                    throw new UnreadableSettingException("entry " + number + " (" + extension
                            + ") has a command part that is not text: " + part);
                }
                command.add(part.asText());
            }
            return new UseServer(extension, text(node, "languageId", number).orElse(""),
                    text(node, "name", number).orElse(""), command, text(node, "installHint", number).orElse(""));
        } catch (IllegalArgumentException invalid) {
            throw new UnreadableSettingException("entry " + number + ": " + invalid.getMessage());
        }
    }

    private static Optional<String> text(JsonNode node, String field, int number) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new UnreadableSettingException("entry " + number + ": \"" + field + "\" is not text");
        }
        return Optional.of(value.asText());
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String programName(String program) {
        try {
            var fileName = Path.of(program.strip()).getFileName();
            return fileName == null ? program.strip() : fileName.toString();
        } catch (InvalidPathException notAPath) {
            return program.strip();
        }
    }

    /** A stored value this class cannot read; its message says why, for people. */
    private static final class UnreadableSettingException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnreadableSettingException(String message) {
            super(message, null, false, false);
        }
    }
}
