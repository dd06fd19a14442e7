package com.meridian.ingest.imports.schedule;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's recurring pick-up of statement files: at each time the cron expression (Spring's six fields,
 * seconds first, in {@code timeZone}) names, every file dropped in {@code directory} (relative to the tenant's
 * folder under the watched root) and not imported before is imported, into {@code accountId} or the account the
 * file names, with {@code csvProfile} for CSV files.
 */
public record ImportSchedule(UUID scheduleId, String name, String cron, String timeZone, String directory,
        UUID accountId, String csvProfile, boolean enabled, Instant nextRunAt, Instant lastRunAt) {
}
