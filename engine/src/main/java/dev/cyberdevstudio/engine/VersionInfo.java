package dev.cyberdevstudio.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What {@code studio version} prints: our version and the runtime under it. */
public record VersionInfo(String version, String javaVersion, String javaVendor, String os, String arch) {

    public static VersionInfo current() {
        return new VersionInfo(readVersion(), System.getProperty("java.version"), System.getProperty("java.vendor"),
            System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    public String describe() {
        return "CyberDevStudio " + version + System.lineSeparator()
            + "Java " + javaVersion + " (" + javaVendor + "), " + os + " " + arch;
    }

    private static String readVersion() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
