package eu.sovereignstack.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ends every connection the service under test holds to its database, again and again, as
 * PostgreSQL does to all its clients when it restarts or a CloudNativePG failover happens: the
 * server terminates each backend ({@code pg_terminate_backend}), and a statement running on it
 * fails with "terminating connection due to administrator command" (SQL state 57P01).
 */
public final class ConnectionKiller implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String database;
    private final long pauseMillis;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger terminated = new AtomicInteger();
    private final Thread thread;

    private ConnectionKiller(String database, long pauseMillis) {
        this.database = database;
        this.pauseMillis = pauseMillis;
        this.thread = new Thread(this::run, "connection-killer-" + database);
        thread.setDaemon(true);
    }

    /** Starts terminating the connections to {@code database} every {@code pauseMillis}. */
    public static ConnectionKiller start(String database, long pauseMillis) {
        ConnectionKiller killer = new ConnectionKiller(database, pauseMillis);
        killer.thread.start();
        return killer;
    }

    /** Connections terminated so far. */
    public int terminated() {
        return terminated.get();
    }

    private void run() {
        try (Connection admin = DriverManager.getConnection(SERVER, "postgres", "");
                PreparedStatement kill = admin.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            kill.setString(1, database);
            while (running.get()) {
                try (ResultSet result = kill.executeQuery()) {
                    result.next();
                    terminated.addAndGet(result.getInt(1));
                }
                Thread.sleep(pauseMillis);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot terminate the connections to " + database, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
