package eu.sovereignstack.common.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("could not execute statement", new RuntimeException("JDBC", cause));
    }

    @Test
    void aConnectionTheServerEndedMidRequestIsUnavailabilityNotABug() {
        assertTrue(ProblemMappers.databaseUnreachable(wrapped(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(ProblemMappers.databaseUnreachable(wrapped(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(ProblemMappers.databaseUnreachable(wrapped(new SQLException("An I/O error occurred while sending to the backend", "08006"))));
        assertTrue(ProblemMappers.databaseUnreachable(wrapped(new SQLException("This connection has been closed.", "08003"))));
    }

    @Test
    void aCommitTheServerCutIsFoundInTheSuppressedExceptions() {
        RuntimeException commit = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(xa);
        assertTrue(ProblemMappers.databaseUnreachable(new RuntimeException("Error invoking subclass method", commit)));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(ProblemMappers.databaseUnreachable(wrapped(new SQLException("duplicate key value", "23505"))));
        assertFalse(ProblemMappers.databaseUnreachable(wrapped(new SQLException("canceling statement due to user request", "57014"))));
        assertFalse(ProblemMappers.databaseUnreachable(new IllegalStateException("no SQL at all")));
    }
}
