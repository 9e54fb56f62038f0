package demo;

public class CloudConfig {
    static final String AWS_ACCESS_KEY_ID = "AKIA2OEEO8Q5WFG9IUAP"; // expect: CDS-SEC-001
    static final String AWS_SECRET_ACCESS_KEY = "bvHSlB8R0iCIj+ZBUUu35Qp4k5gPufX7uPpI1/JJ"; // expect: CDS-SEC-002
    private static final String GITHUB = "ghp_KmD6XiUiUgGLy3UNVytFMbX2AKwWmhofYDGy"; // expect: CDS-SEC-003
    private String dbPassword = "Tr0ub4dor&3x!MwxF"; // expect: CDS-SEC-009
}
