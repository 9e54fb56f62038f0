package demo;

import java.sql.Connection;
import java.sql.ResultSet;

public class Paging {
    private static final int PAGE = 50;

    ResultSet page(Connection connection, int offset) throws Exception {
        return connection.createStatement().executeQuery("SELECT * FROM users ORDER BY id LIMIT " + PAGE
                + " OFFSET " + offset);
    }

    ResultSet recent(Connection connection, int limit) throws Exception {
        return connection.createStatement().executeQuery("SELECT * FROM users ORDER BY id DESC LIMIT "
                + Math.min(limit, PAGE));
    }
}
