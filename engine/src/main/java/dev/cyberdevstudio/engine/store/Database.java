package dev.cyberdevstudio.engine.store;

import dev.cyberdevstudio.engine.EngineException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open connection to the studio's database, lent to one transaction at a time.
 *
 * <p>One connection is enough for a desktop's settings and recents: H2 writes one transaction at a time anyway, and
 * the connection also holds the database open (and its file locked) for as long as the store lives.
 *
 * <p>Public so that the store's tables kept by other engine packages (the token ledger, playground runs) run their
 * transactions through it; only {@link StudioStore} creates one.
 */
public final class Database implements AutoCloseable {

    @FunctionalInterface
    public interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    public interface Update {
        void run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    Database(Path file, Connection connection) throws SQLException {
        this.file = Objects.requireNonNull(file, "file");
        this.connection = Objects.requireNonNull(connection, "connection");
        connection.setAutoCommit(false);
    }

    /**
     * Runs {@code query} in a transaction of its own.
     *
     * @param action what the query does, worded to follow "Cannot" in an error message
     * @throws EngineException when the database fails or the store is closed
     */
    public <T> T query(String action, Query<T> query) {
        lock.lock();
        try {
            if (closed) {
                throw new EngineException("Cannot " + action + ": the database " + file + " is closed");
            }
            try {
                var result = query.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                rollBack(e);
                throw new EngineException("Cannot " + action + " in the database " + file + ": "
                        + StoreFailures.brief(e), e);
            } catch (RuntimeException e) {
                rollBack(e);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code update} in a transaction of its own; see {@link #query}. */
    public void update(String action, Update update) {
        query(action, connection -> {
            update.run(connection);
            return null;
        });
    }

    private void rollBack(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new EngineException("Cannot close the database " + file + ": " + StoreFailures.brief(e), e);
        } finally {
            lock.unlock();
        }
    }
}
