package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.LongrunException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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
}
