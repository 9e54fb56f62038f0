package dev.cyberdevstudio.engine.agents.changes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.sandbox.fs.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one project, in a folder of the studio's own (the project needs no git): each file's content
 * is kept once as a blob named by its SHA-256, and each checkpoint is a small JSON file whose state is rewritten
 * atomically. Written before the project's files are touched, so that after a crash the journal knows what was
 * under way.
 */
final class CheckpointJournal {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path blobs;
    private final Path entries;

    CheckpointJournal(Path folder) {
        this.blobs = folder.resolve("blobs");
        this.entries = folder.resolve("checkpoints");
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(entries);
        } catch (IOException failure) {
            throw new EngineException("Cannot create the checkpoint journal in " + folder + ": " + failure, failure);
        }
    }

    /** Keeps {@code bytes} and returns their name. */
    String store(byte[] bytes) {
        var name = sha256(bytes);
        var blob = blobs.resolve(name);
        if (!Files.exists(blob)) {
            try {
                AtomicFiles.write(blob, bytes);
            } catch (IOException failure) {
                throw new EngineException("Cannot keep a copy of a file in the checkpoint journal " + blobs
                    + ": " + failure.getMessage(), failure);
            }
        }
        return name;
    }

    byte[] load(String name) {
        try {
            return Files.readAllBytes(blobs.resolve(name));
        } catch (NoSuchFileException missing) {
            throw new EngineException("The checkpoint journal lost the content " + name, missing);
        } catch (IOException failure) {
            throw new EngineException("Cannot read " + name + " from the checkpoint journal: " + failure, failure);
        }
    }

    Checkpoint prepare(Checkpoint.Kind kind, String title, String taskId, List<FileVersion> files) {
        var checkpoint = new Checkpoint(UUID.randomUUID().toString(), nextSequence(), kind, title, taskId,
            Instant.now(), Checkpoint.State.PREPARED, files);
        write(checkpoint);
        return checkpoint;
    }

    Checkpoint mark(Checkpoint checkpoint, Checkpoint.State state) {
        var marked = checkpoint.withState(state);
        write(marked);
        return marked;
    }

    /** Every checkpoint, newest first. */
    List<Checkpoint> list() {
        try (Stream<Path> files = Files.list(entries)) {
            var all = new ArrayList<Checkpoint>();
            for (var file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                read(file).ifPresent(all::add);
            }
            all.sort(Comparator.comparingLong(Checkpoint::sequence).reversed());
            return all;
        } catch (IOException failure) {
            throw new EngineException("Cannot list the checkpoint journal " + entries + ": " + failure, failure);
        }
    }

    Optional<Checkpoint> find(String id) {
        return list().stream().filter(checkpoint -> checkpoint.id().equals(id)).findFirst();
    }

    private long nextSequence() {
        return list().stream().mapToLong(Checkpoint::sequence).max().orElse(0) + 1;
    }

    private void write(Checkpoint checkpoint) {
        var node = JSON.createObjectNode();
        node.put("id", checkpoint.id());
        node.put("sequence", checkpoint.sequence());
        node.put("kind", checkpoint.kind().name());
        node.put("title", checkpoint.title());
        node.put("taskId", checkpoint.taskId());
        node.put("at", checkpoint.at().toString());
        node.put("state", checkpoint.state().name());
        var files = node.putArray("files");
        for (var version : checkpoint.files()) {
            var file = files.addObject();
            file.put("file", version.file().toString().replace('\\', '/'));
            version.before().ifPresent(before -> file.put("before", before));
            version.after().ifPresent(after -> file.put("after", after));
        }
        try {
            AtomicFiles.write(entries.resolve("%010d-%s.json".formatted(checkpoint.sequence(), checkpoint.id())),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        } catch (IOException failure) {
            throw new EngineException("Cannot write the checkpoint journal " + entries + ": " + failure.getMessage(),
                failure);
        }
    }

    private static Optional<Checkpoint> read(Path file) {
        try {
            var node = (ObjectNode) JSON.readTree(file.toFile());
            var files = new ArrayList<FileVersion>();
            node.path("files").forEach(version -> files.add(new FileVersion(Path.of(version.path("file").asText()),
                Optional.ofNullable(version.get("before")).map(value -> value.asText()),
                Optional.ofNullable(version.get("after")).map(value -> value.asText()))));
            return Optional.of(new Checkpoint(node.path("id").asText(), node.path("sequence").asLong(),
                Checkpoint.Kind.valueOf(node.path("kind").asText()), node.path("title").asText(),
                node.path("taskId").asText(), Instant.parse(node.path("at").asText()),
                Checkpoint.State.valueOf(node.path("state").asText()), files));
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("Skipping the unreadable checkpoint {}", file, unreadable);
            return Optional.empty();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
