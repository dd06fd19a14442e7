package com.meridian.api.imports;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.audit.AuditTrail;
import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.security.Caller;
import com.meridian.ingest.imports.schedule.ImportSchedule;
import com.meridian.ingest.imports.schedule.ImportSchedules;
import com.meridian.ingest.imports.schedule.InvalidImportScheduleException;
import com.meridian.ingest.imports.schedule.ScheduledFile;

/**
 * A tenant's import schedules: a cron expression (six fields, seconds first) in a time zone and a directory
 * inside the tenant's folder of the watched location; at each time, every file dropped there that the schedule
 * has not imported (by name and content) is imported, into {@code accountId} or the account the file names.
 * {@code GET .../files} shows what it took and how each import went. Only owners and admins change schedules.
 */
@RestController
@PreAuthorize("!hasRole('INTEGRATION')")
public class ImportScheduleController {

    private final ImportSchedules schedules;
    private final AuditTrail audit;

    public ImportScheduleController(ImportSchedules schedules, AuditTrail audit) {
        this.schedules = schedules;
        this.audit = audit;
    }

    /** The body of {@code POST /v1/import-schedules}. */
    public record NewImportSchedule(String name, String cron, String timeZone, String directory, UUID accountId,
            String csvProfile) {
    }

    @PostMapping("/v1/import-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    public ImportSchedule createImportSchedule(@AuthenticationPrincipal Caller caller, @RequestBody NewImportSchedule body) {
        if (body.name() == null || body.cron() == null || body.directory() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "name, cron and directory are required");
        }
        try {
            ImportSchedule schedule = schedules.create(caller.tenant(), body.name(), body.cron(), body.timeZone(),
                    body.directory(), body.accountId(), body.csvProfile(), caller.actorType() + ":" + caller.actorId());
            audit.record(caller.tenant(), "import_schedule.created", "import_schedule", schedule.scheduleId().toString(),
                    Map.of("cron", body.cron(), "directory", body.directory()));
            return schedule;
        } catch (InvalidImportScheduleException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, e.getMessage());
        }
    }

    @GetMapping("/v1/import-schedules")
    public List<ImportSchedule> listImportSchedules(@AuthenticationPrincipal Caller caller) {
        return schedules.list(caller.tenant());
    }

    @GetMapping("/v1/import-schedules/{importScheduleId}/files")
    public List<ScheduledFile> importScheduleFiles(@AuthenticationPrincipal Caller caller, @PathVariable UUID importScheduleId,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (schedules.find(caller.tenant(), importScheduleId).isEmpty()) {
            throw ApiException.notFound("import schedule");
        }
        return schedules.files(caller.tenant(), importScheduleId, Math.max(1, Math.min(limit, 1000)), Math.max(0, offset));
    }

    @DeleteMapping("/v1/import-schedules/{importScheduleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    public void deleteImportSchedule(@AuthenticationPrincipal Caller caller, @PathVariable UUID importScheduleId) {
        if (!schedules.delete(caller.tenant(), importScheduleId)) {
            throw ApiException.notFound("import schedule");
        }
        audit.record(caller.tenant(), "import_schedule.deleted", "import_schedule", importScheduleId.toString(), Map.of());
    }
}
