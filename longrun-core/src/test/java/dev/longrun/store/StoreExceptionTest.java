package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.LongrunException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreExceptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P03"})
    void connectionAndServerShutdownStatesMeanTheStoreIsUnavailable(String state) {
        LongrunException e = StoreException.from(new SQLException("gone", state), "ClaimJobs");
        assertThat(e.code()).isEqualTo("store_unavailable");
        assertThat(e.getMessage()).contains("Try again");
    }

    @Test
    void aRefusedConnectionOrAnExhaustedPoolIsUnavailableToo() {
        assertThat(StoreException.from(new SQLException("refused", null, new ConnectException("Connection refused")), "X").code())
                .isEqualTo("store_unavailable");
        assertThat(StoreException.fromConnection(new SQLTransientConnectionException("pool timed out")).code())
                .isEqualTo("store_unavailable");
    }

    @Test
    void otherErrorsNameTheStatementAndTheSqlState() {
        LongrunException e = StoreException.from(new SQLException("null value in column \"type\"", "23502"), "InsertJob");
        assertThat(e).isInstanceOf(StoreException.class);
        assertThat(e.code()).isEqualTo("store_error");
        assertThat(e.getMessage()).contains("InsertJob", "23502", "null value");
    }

    @Test
    void aConnectionFailureAnywhereInTheCauseChainCounts() {
        // As Flyway reports a migration cut off by a dropped connection: its exception over the script's, over the driver's.
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new java.io.EOFException());
        FlywayException cutOff = new FlywayException("Failed to execute script V5__notify_per_statement.sql",
                new FlywayException("Failed to execute script V5__notify_per_statement.sql", io));
        assertThat(StoreException.isConnectionFailure(cutOff)).isTrue();
        assertThat(StoreException.isConnectionFailure(new RuntimeException("Failed to initialize pool",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001", new ConnectException("Connection refused")))))
                .isTrue();
        assertThat(StoreException.isConnectionFailure(new FlywayException("Unable to obtain connection from database",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 1000ms"))))
                .isTrue();
        assertThat(StoreException.isConnectionFailure(new FlywayException("Failed", new SQLException("terminating connection due"
                + " to administrator command", "57P01")))).isTrue();
    }

    @Test
    void thePoolsClosedConnectionWithoutSqlStateCountsToo() {
        // HikariCP 7 after evicting a broken connection: Flyway's rollback on it fails with this, and no SQLState.
        FlywayException rollback = new FlywayException("Unable to rollback transaction", new SQLException("Connection is closed"));
        assertThat(StoreException.isConnectionFailure(rollback)).isTrue();
        assertThat(StoreException.from(new SQLException("Connection is closed"), "ClaimJobs").code()).isEqualTo("store_unavailable");
    }

    @Test
    void schemaErrorsAreNotConnectionFailures() {
        assertThat(StoreException.isConnectionFailure(new FlywayException("Failed to execute script V1__jobs.sql",
                new SQLException("syntax error at or near \"CREAT\"", "42601")))).isFalse();
        assertThat(StoreException.isConnectionFailure(new FlywayException(
                "Validate failed: Migrations have failed validation\nMigration checksum mismatch for migration version 3"))).isFalse();
        assertThat(StoreException.isConnectionFailure(new SQLException("relation \"jobs\" already exists", "42P07"))).isFalse();
        assertThat(StoreException.isConnectionFailure(new SQLException("Connection is closed, said a test", (String) null))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        SQLException a = new SQLException("a", "42000");
        SQLException b = new SQLException("b", "42000", a);
        a.initCause(b);
        assertThat(StoreException.isConnectionFailure(b)).isFalse();
    }
}
