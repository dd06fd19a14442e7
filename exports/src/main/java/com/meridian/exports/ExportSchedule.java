package com.meridian.exports;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's recurring export: at each time the cron expression (Spring's six fields, seconds first, in
 * {@code timeZone}) names, an export of {@code request} over the last {@code windowDays} days up to the day
 * before is started; only the newest {@code keepLast} completed exports of the schedule are kept.
 */
public record ExportSchedule(UUID scheduleId, String name, String cron, String timeZone, ExportRequest request,
        int windowDays, int keepLast, boolean enabled, Instant nextRunAt, Instant lastRunAt) {
}
