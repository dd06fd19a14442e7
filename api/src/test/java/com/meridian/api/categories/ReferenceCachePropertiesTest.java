package com.meridian.api.categories;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The staleness bound across instances is a promise in docs/security.md: no setting may make it unbounded or long. */
class ReferenceCachePropertiesTest {

    @Test
    void theTtlMustBePositiveAndAtMostFiveMinutes() {
        new ReferenceCacheProperties(Duration.ofSeconds(30), 10_000);
        new ReferenceCacheProperties(Duration.ofMinutes(5), 10_000);

        assertThatThrownBy(() -> new ReferenceCacheProperties(Duration.ZERO, 10_000)).hasMessageContaining("at most 5 minutes");
        assertThatThrownBy(() -> new ReferenceCacheProperties(Duration.ofMinutes(6), 10_000)).hasMessageContaining("was PT6M");
    }
}
