package com.meridian.api.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IsoTimestampsTest {

    private static final int[] NANOS = {0, 1, 10, 100_000, 120_000_000, 123_000_000, 123_400_000, 123_456_000,
        123_456_700, 999_999_999, 500_000_000};
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHoursMinutes(-5, -30),
        ZoneOffset.ofHoursMinutesSeconds(2, 15, 7), ZoneOffset.MAX, ZoneOffset.MIN};

    @Test
    void writesWhatTheIsoFormatterWrites() {
        Random random = new Random(20261126);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime time = LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    i % 2 == 0 ? NANOS[random.nextInt(NANOS.length)] : random.nextInt(1_000_000_000));
            OffsetDateTime value = OffsetDateTime.of(time, OFFSETS[random.nextInt(OFFSETS.length)]);

            assertThat(IsoTimestamps.format(value)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    @Test
    void yearsBeyondFourDigitsAreLeftToTheFormatter() {
        for (OffsetDateTime value : new OffsetDateTime[] {OffsetDateTime.MAX, OffsetDateTime.MIN,
            OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.of(-1, 12, 31, 23, 59, 59, 1, ZoneOffset.UTC)}) {
            assertThat(IsoTimestamps.format(value)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }
}
