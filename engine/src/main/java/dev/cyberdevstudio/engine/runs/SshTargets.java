package dev.cyberdevstudio.engine.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.store.Settings;
import dev.cyberdevstudio.sandbox.ssh.SshTarget;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH targets the user configured, kept in the studio's {@link Settings} under {@value #SETTING} as a JSON array.
 *
 * <pre>{@code
 * var targets = engine.sshTargets();
 * var problems = targets.add(new SshTargets.Entry("build box", "build.example.org", 22, "dev",
 *         Path.of(home, ".ssh", "id_ed25519"), targets.defaultKnownHosts()));
 * if (!problems.isEmpty()) { show(problems.getFirst().message()); }
 * runs.start(new RunRequest.SshRun("build box", "make test"));
 * }</pre>
 *
 * <p>Passphrases are never written anywhere: one given with {@link #rememberPassphrase} lives in memory until the
 * studio exits.
 *
 * <p>known_hosts: a new target defaults to {@link #defaultKnownHosts()}, a file the studio owns under its data
 * folder, not the user's {@code ~/.ssh/known_hosts}. Accepting a key with "trust and remember" appends to that file,
 * and the studio should not rewrite a file that OpenSSH and the user's other tools own (a bug here would break their
 * ssh everywhere). The price is that hosts already trusted by OpenSSH are asked about once more; a user who wants to
 * share OpenSSH's trust picks {@code ~/.ssh/known_hosts} for the target explicitly.
 *
 * <p>Safe to use from several threads at once.
 */
public final class SshTargets {

    /** The settings key the targets are stored under. */
    public static final String SETTING = "ssh.targets";

    private static final Logger LOG = LoggerFactory.getLogger(SshTargets.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final Path defaultKnownHosts;
    private final Map<String, String> passphrases = new HashMap<>();

    public SshTargets(Settings settings, StudioHome home) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.defaultKnownHosts = Objects.requireNonNull(home, "home").root().resolve("ssh").resolve("known_hosts");
    }

    /** A field of a target, for putting a problem next to its input. */
    public enum Field {
        NAME("Name"), HOST("Host"), PORT("Port"), USER("User"), PRIVATE_KEY("Key file"), KNOWN_HOSTS("known_hosts");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        /** How the dialog and messages name the field. */
        public String label() {
            return label;
        }
    }

    /** Why a target cannot be saved; the message starts with the field's label. */
    public record Problem(Field field, String message) {

        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A target as the user typed it, not yet checked: unlike {@link SshTarget} it may hold a blank host or a port
     * out of range, so that {@link #validate} can say what is wrong with each field.
     */
    public record Entry(String name, String host, int port, String user, Path privateKey, Path knownHosts) {

        public Entry {
            name = Objects.requireNonNullElse(name, "").strip();
            host = Objects.requireNonNullElse(host, "").strip();
            user = Objects.requireNonNullElse(user, "").strip();
        }
    }

    /** The studio-owned known_hosts file new targets use (see the class comment for why not OpenSSH's). */
    public Path defaultKnownHosts() {
        return defaultKnownHosts;
    }

    /** The configured targets as entries, in the order they were added. */
    public synchronized List<Entry> entries() {
        return load();
    }

    /** The configured targets, ready to connect, with the passphrases given this session. */
    public synchronized List<SshTarget> list() {
        var targets = new ArrayList<SshTarget>();
        for (var entry : load()) {
            try {
                targets.add(new SshTarget(entry.name(), entry.host(), entry.port(), entry.user(), entry.privateKey(),
                        Optional.ofNullable(passphrases.get(entry.name())), entry.knownHosts()));
            } catch (IllegalArgumentException | NullPointerException unusable) {
                // Only an entry edited by hand in the database gets here; the others were validated on save.
                LOG.warn("Skipping the stored SSH target {}: {}", entry.name(), unusable.getMessage());
            }
        }
        return List.copyOf(targets);
    }

    /** The target named {@code name}, if there is one. */
    public synchronized Optional<Entry> find(String name) {
        return load().stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    /** Adds {@code entry}; returns what kept it from being saved, empty when it was saved. */
    public synchronized List<Problem> add(Entry entry) {
        var entries = load();
        var problems = validate(entry, entries, Optional.empty());
        if (problems.isEmpty()) {
            entries.add(entry);
            store(entries);
        }
        return problems;
    }

    /**
     * Replaces the target named {@code name} with {@code entry}, which may rename it; returns what kept it from being
     * saved, empty when it was saved.
     */
    public synchronized List<Problem> replace(String name, Entry entry) {
        var entries = load();
        int index = indexOf(entries, name);
        if (index < 0) {
            return List.of(new Problem(Field.NAME, "Name: there is no SSH target named " + name + " to change."));
        }
        var problems = validate(entry, entries, Optional.of(name));
        if (problems.isEmpty()) {
            entries.set(index, entry);
            store(entries);
            var passphrase = passphrases.remove(name);
            if (passphrase != null) {
                passphrases.put(entry.name(), passphrase);
            }
        }
        return problems;
    }

    /** Removes the target named {@code name}; false when there was none. */
    public synchronized boolean remove(String name) {
        var entries = load();
        int index = indexOf(entries, name);
        if (index < 0) {
            return false;
        }
        entries.remove(index);
        store(entries);
        passphrases.remove(name);
        return true;
    }

    /** Uses {@code passphrase} for the key of the target named {@code name} until the studio exits; never stored. */
    public synchronized void rememberPassphrase(String name, String passphrase) {
        passphrases.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(passphrase, "passphrase"));
    }

    /** What is wrong with {@code entry} as a new target (its name must not be taken); empty when nothing. */
    public synchronized List<Problem> validate(Entry entry) {
        return validate(entry, load(), Optional.empty());
    }

    /** What is wrong with {@code entry} as the new form of the target named {@code name}; empty when nothing. */
    public synchronized List<Problem> validate(String name, Entry entry) {
        return validate(entry, load(), Optional.of(name));
    }

    private static List<Problem> validate(Entry entry, List<Entry> existing, Optional<String> replacing) {
        Objects.requireNonNull(entry, "entry");
        var problems = new ArrayList<Problem>();
        if (entry.name().isEmpty()) {
            problems.add(new Problem(Field.NAME, "Name: give the target a name to choose it by."));
        } else if (existing.stream().anyMatch(other -> other.name().equals(entry.name())
                && !replacing.map(other.name()::equals).orElse(false))) {
            problems.add(new Problem(Field.NAME, "Name: there is already a target named " + entry.name() + "."));
        }
        if (entry.host().isEmpty()) {
            problems.add(new Problem(Field.HOST, "Host: type the host's name or address."));
        } else if (entry.host().chars().anyMatch(Character::isWhitespace)) {
            problems.add(new Problem(Field.HOST, "Host: a host name has no spaces."));
        }
        if (entry.port() < 1 || entry.port() > 65_535) {
            problems.add(new Problem(Field.PORT, "Port: must be between 1 and 65535, not " + entry.port() + "."));
        }
        if (entry.user().isEmpty()) {
            problems.add(new Problem(Field.USER, "User: type the user to log in as."));
        }
        var key = entry.privateKey();
        if (key == null) {
            problems.add(new Problem(Field.PRIVATE_KEY, "Key file: choose the private key to log in with."));
        } else if (!Files.isRegularFile(key)) {
            problems.add(new Problem(Field.PRIVATE_KEY, "Key file: " + key + " is not a file."));
        } else if (!Files.isReadable(key)) {
            problems.add(new Problem(Field.PRIVATE_KEY, "Key file: " + key + " cannot be read."));
        }
        var knownHosts = entry.knownHosts();
        if (knownHosts == null) {
            problems.add(new Problem(Field.KNOWN_HOSTS, "known_hosts: choose the file of trusted host keys."));
        } else if (Files.exists(knownHosts) && (!Files.isRegularFile(knownHosts) || !Files.isReadable(knownHosts))) {
            // A missing file is fine: the first key the user trusts and remembers creates it and its folder.
            problems.add(new Problem(Field.KNOWN_HOSTS, "known_hosts: " + knownHosts + " is not a readable file."));
        }
        return List.copyOf(problems);
    }

    private static int indexOf(List<Entry> entries, String name) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private List<Entry> load() {
        var stored = settings.get(SETTING);
        var entries = new ArrayList<Entry>();
        if (stored.isEmpty()) {
            return entries;
        }
        try {
            for (JsonNode node : JSON.readTree(stored.get())) {
                entries.add(new Entry(node.path("name").asText(), node.path("host").asText(),
                        node.path("port").asInt(SshTarget.DEFAULT_PORT), node.path("user").asText(),
                        Path.of(node.path("privateKey").asText()), Path.of(node.path("knownHosts").asText())));
            }
        } catch (JsonProcessingException | InvalidPathException unreadable) {
            // Starting with no targets beats refusing to open the execution view; the next save rewrites it.
            LOG.warn("The stored SSH targets cannot be read; starting with none", unreadable);
            entries.clear();
        }
        return entries;
    }

    private void store(List<Entry> entries) {
        var array = JSON.createArrayNode();
        for (var entry : entries) {
            // The passphrase is deliberately not among these fields.
            array.addObject()
                    .put("name", entry.name())
                    .put("host", entry.host())
                    .put("port", entry.port())
                    .put("user", entry.user())
                    .put("privateKey", entry.privateKey().toString())
                    .put("knownHosts", entry.knownHosts().toString());
        }
        settings.put(SETTING, array.toString());
    }
}
