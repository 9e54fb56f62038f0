package demo;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Properties;

public class HardCases {
    ResultSet byName(Connection connection, String name) throws Exception {
        var sql = new StringBuilder("SELECT * FROM users WHERE name = '");
        sql.append(name).append("'");
        return connection.createStatement().executeQuery(sql.toString()); // expect: CDS-SEC-010
    }

    Properties credentials() {
        var properties = new Properties();
        properties.setProperty("password", "RhBE3e0u2m30uhJD"); // expect: CDS-SEC-009
        return properties;
    }

    byte[] signature(byte[] data) throws Exception {
        String algorithm = "SHA-1";
        return MessageDigest.getInstance(algorithm).digest(data); // expect: CDS-SEC-020
    }
}
