package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.runs.SshTargets;
import dev.cyberdevstudio.engine.runs.SshTargets.Entry;
import dev.cyberdevstudio.engine.runs.SshTargets.Field;
import dev.cyberdevstudio.engine.runs.SshTargets.Problem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View model of the "SSH targets" dialog: the list of configured targets and a form for the one being edited or
 * added. The form holds text as typed; {@link #save()} checks it with the engine and either saves it or shows what is
 * wrong, field by field.
 *
 * <pre>{@code
 * var editor = new SshTargetsViewModel(engine.sshTargets(), executor, runViewModel::refreshSshTargets);
 * editor.load();
 * editor.newTarget();
 * editor.nameProperty().set("build box"); ...
 * editor.save();
 * }</pre>
 */
public final class SshTargetsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SshTargetsViewModel.class);

    private final SshTargets targets;
    private final TaskExecutor executor;
    private final Runnable onChange;

    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty privateKey = new SimpleStringProperty(this, "privateKey", "");
    private final StringProperty knownHosts = new SimpleStringProperty(this, "knownHosts", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableSet<Field> invalidFields = FXCollections.observableSet();

    /**
     * @param onChange called on the UI thread after a target was added, changed or removed: the execution view
     *                 reloads its target list
     */
    public SshTargetsViewModel(SshTargets targets, TaskExecutor executor, Runnable onChange) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        newTarget();
    }

    /** Reloads the list of targets. */
    public void load() {
        executor.submit(() -> targets.entries().stream().map(Entry::name).toList(), names::setAll,
                failure -> fail("Cannot list the SSH targets", failure));
    }

    /** Empties the form for a new target, with port 22 and the studio's own known_hosts. */
    public void newTarget() {
        editing.set(null);
        name.set("");
        host.set("");
        port.set(String.valueOf(22));
        user.set(System.getProperty("user.name", ""));
        privateKey.set("");
        knownHosts.set(targets.defaultKnownHosts().toString());
        clearProblems();
    }

    /** Shows the target named {@code targetName} in the form, for changing it. */
    public void edit(String targetName) {
        if (targetName == null) {
            return;
        }
        executor.submit(() -> targets.find(targetName), found -> found.ifPresentOrElse(entry -> {
            editing.set(entry.name());
            name.set(entry.name());
            host.set(entry.host());
            port.set(String.valueOf(entry.port()));
            user.set(entry.user());
            privateKey.set(entry.privateKey().toString());
            knownHosts.set(entry.knownHosts().toString());
            clearProblems();
        }, () -> message.set("The SSH target " + targetName + " is gone.")), failure -> fail("Cannot read "
                + targetName, failure));
    }

    /** Adds the form as a new target, or changes the one being edited; shows the problems when it cannot. */
    public void save() {
        var problems = new ArrayList<Problem>();
        var entry = entryFromForm(problems);
        var replacing = Optional.ofNullable(editing.get());
        executor.submit(() -> {
            var all = new ArrayList<>(problems);
            if (all.isEmpty()) {
                all.addAll(replacing.map(old -> targets.replace(old, entry)).orElseGet(() -> targets.add(entry)));
            } else {
                // Parsing failed for some field: still check the others, so that every mistake shows at once.
                replacing.map(old -> targets.validate(old, entry)).orElseGet(() -> targets.validate(entry)).stream()
                        .filter(problem -> all.stream().noneMatch(known -> known.field() == problem.field()))
                        .forEach(all::add);
            }
            return List.copyOf(all);
        }, found -> {
            if (found.isEmpty()) {
                clearProblems();
                editing.set(entry.name());
                message.set("Saved " + entry.name() + ".");
                load();
                onChange.run();
            } else {
                invalidFields.clear();
                found.forEach(problem -> invalidFields.add(problem.field()));
                message.set(String.join("\n", found.stream().map(Problem::message).toList()));
            }
        }, failure -> fail("Cannot save the SSH target", failure));
    }

    /** Removes the target being edited and empties the form. */
    public void remove() {
        var old = editing.get();
        if (old == null) {
            message.set("Choose a target to remove.");
            return;
        }
        executor.submit(() -> targets.remove(old), removed -> {
            newTarget();
            message.set(removed ? "Removed " + old + "." : "The SSH target " + old + " was already gone.");
            load();
            onChange.run();
        }, failure -> fail("Cannot remove " + old, failure));
    }

    public ObservableList<String> names() {
        return names;
    }

    /** The name of the target the form changes, or null when it adds a new one. */
    public ReadOnlyObjectProperty<String> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty privateKeyProperty() {
        return privateKey;
    }

    public StringProperty knownHostsProperty() {
        return knownHosts;
    }

    /** What is wrong with the form, one problem a line, or what was just done. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The fields the last save found wrong, for marking their inputs. */
    public ObservableSet<Field> invalidFields() {
        return invalidFields;
    }

    private Entry entryFromForm(List<Problem> problems) {
        int portNumber = 22;
        try {
            portNumber = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException notANumber) {
            problems.add(new Problem(Field.PORT, "Port: type a number between 1 and 65535."));
        }
        return new Entry(name.get(), host.get(), portNumber, user.get(),
                path(privateKey.get(), Field.PRIVATE_KEY, problems), path(knownHosts.get(), Field.KNOWN_HOSTS,
                problems));
    }

    private static Path path(String text, Field field, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException invalid) {
            problems.add(new Problem(field, field.label() + ": " + text.strip() + " is not a valid path."));
            return null;
        }
    }

    private void clearProblems() {
        invalidFields.clear();
        message.set("");
    }

    private void fail(String what, Throwable failure) {
        LOG.warn(what, failure);
        message.set(what + ": " + (failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage()));
    }
}
