package demo;

public class CloudConfigClean {
    static final String AWS_ACCESS_KEY_ID = System.getenv("AWS_ACCESS_KEY_ID");
    static final String DOCS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private String dbPassword = System.getenv("DB_PASSWORD");
    private String passwordField = "password";
    private static final String TOKEN_URL = "https://auth.example.org/oauth/token";
    private String apiKey = "${API_KEY}";
    private String secret = "changeme";
}
