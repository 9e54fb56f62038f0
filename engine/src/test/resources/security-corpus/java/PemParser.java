package demo;

public class PemParser {
    private static final String HEADER = "-----BEGIN PRIVATE KEY-----";
    private static final String FOOTER = "-----END PRIVATE KEY-----";

    boolean isKey(String line) {
        return line.startsWith(HEADER);
    }
}
