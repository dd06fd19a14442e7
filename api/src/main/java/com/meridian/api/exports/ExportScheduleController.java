package com.meridian.api.exports;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.audit.AuditTrail;
import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.security.Caller;
import com.meridian.exports.ExportSchedule;
import com.meridian.exports.ExportSchedules;
import com.meridian.exports.InvalidExportRequestException;

/**
 * A tenant's export schedules: a cron expression (six fields, seconds first) in a time zone, the export to
 * make over the last {@code windowDays} days, and how many of its exports to keep ({@code keepLast}). Only
 * owners and admins change schedules.
 */
@RestController
@PreAuthorize("!hasRole('INTEGRATION')")
public class ExportScheduleController {

    private final ExportSchedules schedules;
    private final AuditTrail audit;

    public ExportScheduleController(ExportSchedules schedules, AuditTrail audit) {
        this.schedules = schedules;
        this.audit = audit;
    }

    /** The body of {@code POST /v1/export-schedules}; the export's own dates are ignored (each run has its window). */
    public record NewSchedule(String name, String cron, String timeZone, ExportController.NewExport export, Integer windowDays,
            Integer keepLast) {
    }

    @PostMapping("/v1/export-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    public ExportSchedule create(@AuthenticationPrincipal Caller caller, @RequestBody NewSchedule body) {
        if (body.name() == null || body.cron() == null || body.export() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "name, cron and export are required");
        }
        int window = body.windowDays() == null ? 1 : body.windowDays();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var placeholder = new ExportController.NewExport(body.export().kind(), body.export().format(), body.export().compression(),
                today.minusDays(window), today.minusDays(1), body.export().accountIds(), body.export().categoryCodes(),
                body.export().needsReview(), body.export().minAmount(), body.export().maxAmount(), body.export().columns(),
                body.export().partitionByMonth());
        try {
            ExportSchedule schedule = schedules.create(caller.tenant(), body.name(), body.cron(), body.timeZone(),
                    placeholder.toRequest(), window, body.keepLast() == null ? 7 : body.keepLast(),
                    caller.actorType() + ":" + caller.actorId());
            audit.record(caller.tenant(), "export_schedule.created", "export_schedule", schedule.scheduleId().toString(),
                    Map.of("cron", body.cron()));
            return schedule;
        } catch (InvalidExportRequestException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, e.getMessage());
        }
    }

    @GetMapping("/v1/export-schedules")
    public List<ExportSchedule> list(@AuthenticationPrincipal Caller caller) {
        return schedules.list(caller.tenant());
    }

    @DeleteMapping("/v1/export-schedules/{scheduleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    public void delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID scheduleId) {
        if (!schedules.delete(caller.tenant(), scheduleId)) {
            throw ApiException.notFound("export schedule");
        }
        audit.record(caller.tenant(), "export_schedule.deleted", "export_schedule", scheduleId.toString(), Map.of());
    }
}
