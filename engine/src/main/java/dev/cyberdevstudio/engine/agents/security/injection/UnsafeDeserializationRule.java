package dev.cyberdevstudio.engine.agents.security.injection;

import dev.cyberdevstudio.engine.agents.security.Confidence;
import dev.cyberdevstudio.engine.agents.security.FileKind;
import dev.cyberdevstudio.engine.agents.security.FindingCollector;
import dev.cyberdevstudio.engine.agents.security.RuleDescriptor;
import dev.cyberdevstudio.engine.agents.security.RuleFamily;
import dev.cyberdevstudio.engine.agents.security.SecurityRule;
import dev.cyberdevstudio.engine.agents.security.Severity;
import dev.cyberdevstudio.engine.agents.security.SourceFile;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Deserializers that build arbitrary objects, and so run code chosen by whoever wrote the bytes: Java's
 * {@code ObjectInputStream.readObject} and {@code XMLDecoder} (unless an object filter is set), Jackson's default
 * typing, {@code pickle}/{@code marshal}/{@code shelve}, {@code yaml.load} without a safe loader, node-serialize.
 */
public final class UnsafeDeserializationRule implements SecurityRule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("CDS-SEC-014", "Unsafe deserialization",
            RuleFamily.INJECTION, Severity.HIGH, 502,
            "Data is deserialized into arbitrary objects: crafted input runs code while it is read.",
            "Read data formats (JSON into plain types, yaml.safe_load, SafeLoader); if Java serialization must stay, "
                    + "set an ObjectInputFilter that allows only the expected classes.");

    private static final Map<FileKind, Pattern> CALLS = Map.of(
            FileKind.JAVA, Pattern.compile("\\.readObject\\s*\\(\\s*\\)|\\.readUnshared\\s*\\(\\s*\\)"
                    + "|\\.enableDefaultTyping\\s*\\(|\\.activateDefaultTyping\\s*\\(|\\.fromXML\\s*\\("),
            FileKind.PYTHON, Pattern.compile("(?<![\\w.])(?:pickle|cPickle|_pickle|dill|jsonpickle|marshal)\\."
                    + "(?:loads?|Unpickler|decode)\\s*\\(|(?<![\\w.])shelve\\.open\\s*\\(|\\bpd\\.read_pickle\\s*\\("
                    + "|\\bpandas\\.read_pickle\\s*\\(|\\byaml\\.(?:load|load_all|unsafe_load|unsafe_load_all"
                    + "|full_load|full_load_all)\\s*\\("),
            FileKind.JAVASCRIPT, Pattern.compile("\\.unserialize\\s*\\("),
            FileKind.TYPESCRIPT, Pattern.compile("\\.unserialize\\s*\\("));
    private static final Pattern JAVA_FILTER = Pattern.compile(
            "setObjectInputFilter|ObjectInputFilter|ValidatingObjectInputStream|resolveClass");
    private static final Pattern XSTREAM_PERMISSIONS = Pattern.compile("allowTypes|addPermission|setupDefaultSecurity");
    private static final Pattern SAFE_YAML = Pattern.compile("\\b(?:Safe|CSafe|Base|CBase)Loader\\b");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean appliesTo(FileKind kind) {
        return CALLS.containsKey(kind);
    }

    @Override
    public void check(SourceFile file, FindingCollector findings) {
        var text = file.text();
        for (var match : file.findInCode(CALLS.get(file.kind()))) {
            var call = match.group();
            var at = match.start() + (call.startsWith(".") ? 1 : 0);
            var open = match.end() - 1;
            if (file.kind() == FileKind.JAVA) {
                if (call.contains("read") && (!(text.contains("ObjectInputStream") || text.contains("XMLDecoder"))
                        || JAVA_FILTER.matcher(text).find())
                        || call.contains("fromXML") && (!text.contains("XStream")
                        || XSTREAM_PERMISSIONS.matcher(text).find())) {
                    continue;
                }
            } else if (file.kind() == FileKind.PYTHON) {
                if (call.startsWith("yaml.load") && SAFE_YAML.matcher(file.arguments(open)).find()) {
                    continue;
                }
            } else if (!text.contains("node-serialize")) {
                continue;
            }
            findings.report(DESCRIPTOR, at, describe(call) + " " + DESCRIPTOR.fix(), Confidence.HIGH);
        }
    }

    private static String describe(String call) {
        if (call.contains("yaml.")) {
            return "yaml.load without SafeLoader builds any Python object the document names.";
        }
        if (call.contains("DefaultTyping")) {
            return "Jackson's default typing lets the JSON name the classes to build.";
        }
        return call.replaceAll("[.(\\s)]", "") + " builds objects of whatever classes the input names.";
    }
}
