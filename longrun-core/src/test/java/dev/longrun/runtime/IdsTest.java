package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsMadeLaterSortLaterEvenWhenTheClockStandsStill() {
        Instant frozen = Instant.parse("2026-11-23T10:00:00Z");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.timeOrdered(frozen));
        }
        // PostgreSQL and SQLite (text) both order these uuids by their hex text
        List<String> text = ids.stream().map(UUID::toString).toList();
        assertThat(text).isSorted().doesNotHaveDuplicates();
        assertThat(ids.getFirst().version()).isEqualTo(7);
        assertThat(ids.getFirst().variant()).isEqualTo(2);
    }
}
