package demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

public class UserDaoSafe {
    private static final String TABLE = "users";
    private final Connection connection;

    UserDaoSafe(Connection connection) {
        this.connection = connection;
    }

    ResultSet byName(String name) throws SQLException {
        var statement = connection.prepareStatement("SELECT * FROM users WHERE name = ?");
        statement.setString(1, name);
        return statement.executeQuery();
    }

    ResultSet all() throws SQLException {
        return connection.createStatement().executeQuery("SELECT * FROM " + TABLE + " ORDER BY id");
    }

    void run(Runnable task) {
        // executeQuery("SELECT * FROM users WHERE name = '" + name + "'") was the old code
        task.run();
    }
}
