package demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

public class UserDao {
    private final Connection connection;

    UserDao(Connection connection) {
        this.connection = connection;
    }

    ResultSet byName(String name) throws SQLException {
        var statement = connection.createStatement();
        return statement.executeQuery("SELECT * FROM users WHERE name = '" + name + "'"); // expect: CDS-SEC-010
    }

    ResultSet byId(String id) throws SQLException {
        String sql = "SELECT * FROM users WHERE id = " + id;
        return connection.createStatement().executeQuery(sql); // expect: CDS-SEC-010
    }

    int rename(String id, String name) throws SQLException {
        var sql = String.format("UPDATE users SET name = '%s' WHERE id = %s", name, id);
        return connection.createStatement().executeUpdate(sql); // expect: CDS-SEC-010
    }

    ResultSet search(String term) throws SQLException {
        return connection.createStatement().executeQuery( // expect: CDS-SEC-010
                "SELECT * FROM users WHERE bio LIKE '%"
                + term + "%'");
    }
}
