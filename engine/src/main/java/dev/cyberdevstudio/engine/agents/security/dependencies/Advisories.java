package dev.cyberdevstudio.engine.agents.security.dependencies;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.agents.security.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bundled list of known-vulnerable versions ({@code advisories.json} beside this class): a handful of famous
 * advisories, for a check that works offline. It is no substitute for a full advisory database.
 */
public final class Advisories {

    /** A version range {@code [introduced, fixed)}; no {@code fixed} means every later version too. */
    public record Range(String introduced, String fixed) {

        boolean contains(String version) {
            return Versions.compare(version, introduced) >= 0
                    && (fixed == null || Versions.compare(version, fixed) < 0);
        }
    }

    /** One advisory: a CVE id for a package in an ecosystem (OSV's names: Maven, npm, PyPI, Go). */
    public record Advisory(String id, String ecosystem, String packageName, Severity severity, String summary,
                           List<Range> ranges) {

        /** The range that holds {@code version}, if any. */
        public Optional<Range> affected(String version) {
            return ranges.stream().filter(range -> range.contains(version)).findFirst();
        }
    }

    private record File(String about, List<Json> advisories) {
    }

    private record Json(String id, String ecosystem, String packageName, String severity, String summary,
                        List<Range> ranges) {
    }

    private static final List<Advisory> BUNDLED = load();

    private Advisories() {
    }

    public static List<Advisory> bundled() {
        return BUNDLED;
    }

    /** The advisories for a package of an ecosystem that cover {@code version}. */
    public static List<Advisory> affecting(String ecosystem, String packageName, String version) {
        var name = normalize(ecosystem, packageName);
        return BUNDLED.stream().filter(advisory -> advisory.ecosystem().equals(ecosystem)
                && normalize(ecosystem, advisory.packageName()).equals(name)
                && advisory.affected(version).isPresent()).toList();
    }

    /** PyPI names ignore case and treat runs of {@code - _ .} alike; the others compare exactly. */
    static String normalize(String ecosystem, String name) {
        return ecosystem.equals("PyPI") ? name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-") : name;
    }

    private static List<Advisory> load() {
        var mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (var in = Advisories.class.getResourceAsStream("advisories.json")) {
            if (in == null) {
                throw new EngineException("The bundled advisory list advisories.json is missing from the class path");
            }
            var file = mapper.readerFor(File.class).with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                    .<File>readValue(in.readAllBytes());
            return file.advisories().stream().map(json -> new Advisory(json.id(), json.ecosystem(), json.packageName(),
                    Severity.valueOf(json.severity()), json.summary(), List.copyOf(json.ranges()))).toList();
        } catch (IOException error) {
            throw new EngineException("The bundled advisory list cannot be read: " + error.getMessage(), error);
        }
    }
}
