package dev.cyberdevstudio.app.playground;

import dev.cyberdevstudio.llm.LoadedModel;
import java.nio.file.Path;
import java.util.Objects;

/** An entry of the playground's model picker: a model in memory, or an installed file that selecting loads. */
public sealed interface ModelChoice {

    Path file();

    /** What the picker shows. */
    String label();

    record Loaded(LoadedModel model) implements ModelChoice {

        public Loaded {
            Objects.requireNonNull(model, "model");
        }

        @Override
        public Path file() {
            return model.file();
        }

        @Override
        public String label() {
            return fileName(file()) + "  · loaded";
        }
    }

    record Installed(Path file) implements ModelChoice {

        public Installed {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String label() {
            return fileName(file);
        }
    }

    static String fileName(Path file) {
        var name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
