package com.meridian.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ExportSchedulesTest {

    @Test
    void theNextRunIsTheCronsNextTimeInTheSchedulesZone() {
        Instant after = Instant.parse("2026-03-15T12:00:00Z");

        assertThat(ExportSchedules.next("0 0 6 1 * *", ZoneId.of("UTC"), after)).isEqualTo("2026-04-01T06:00:00Z");
        // 06:00 in Berlin on 1 April (summer time) is 04:00 UTC
        assertThat(ExportSchedules.next("0 0 6 1 * *", ZoneId.of("Europe/Berlin"), after)).isEqualTo("2026-04-01T04:00:00Z");
    }

    @Test
    void anInvalidCronIsRefused() {
        assertThatThrownBy(() -> ExportSchedules.next("every monday", ZoneId.of("UTC"), Instant.EPOCH))
                .isInstanceOf(InvalidExportRequestException.class).hasMessageContaining("cron");
    }
}
