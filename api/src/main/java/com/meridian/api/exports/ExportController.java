package com.meridian.api.exports;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.audit.AuditTrail;
import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.security.Caller;
import com.meridian.exports.ExportCompression;
import com.meridian.exports.ExportFilters;
import com.meridian.exports.ExportFormat;
import com.meridian.exports.ExportKind;
import com.meridian.exports.ExportRequest;
import com.meridian.exports.ExportView;
import com.meridian.exports.Exports;
import com.meridian.exports.InvalidExportRequestException;
import com.meridian.exports.TransactionColumn;
import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;

/**
 * Analyst exports over HTTP: start one ({@code 202} with its id; it runs as a job), follow it (status, rows,
 * rate and time left), list them, download their files (streamed, with {@code Range} support, each download
 * recorded in the audit log), delete them. Everything is scoped to the caller's tenant: another tenant's
 * export id is simply not found. Integration keys have no access to exports.
 */
@RestController
@PreAuthorize("!hasRole('INTEGRATION')")
public class ExportController {

    private final Exports exports;
    private final JobRuns jobRuns;
    private final AuditTrail audit;

    public ExportController(Exports exports, JobRuns jobRuns, AuditTrail audit) {
        this.exports = exports;
        this.jobRuns = jobRuns;
        this.audit = audit;
    }

    /** The body of {@code POST /v1/exports}; dates are ISO days, both ends inclusive. */
    public record NewExport(ExportKind kind, ExportFormat format, ExportCompression compression, LocalDate from,
            LocalDate to, List<UUID> accountIds, List<String> categoryCodes, Boolean needsReview, BigDecimal minAmount,
            BigDecimal maxAmount, List<TransactionColumn> columns, Boolean partitionByMonth) {

        ExportRequest toRequest() {
            try {
                return new ExportRequest(kind, format, compression, from, to,
                        new ExportFilters(accountIds, categoryCodes, needsReview, minAmount, maxAmount), columns,
                        partitionByMonth);
            } catch (InvalidExportRequestException e) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, e.getMessage());
            }
        }
    }

    /** An export with the progress of its job run (null before the job has started). */
    public record ExportStatus(ExportView export, JobRunView progress) {
    }

    @PostMapping("/v1/exports")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'ANALYST')")
    public ResponseEntity<ExportStatus> start(@AuthenticationPrincipal Caller caller, @RequestBody NewExport body) {
        ExportRequest request = body.toRequest();
        UUID id = exports.start(caller.tenant(), request, caller.actorType() + ":" + caller.actorId());
        audit.record(caller.tenant(), "export.requested", "export", id.toString(),
                Map.of("format", request.format().name(), "from", request.from().toString(), "to", request.to().toString()));
        return ResponseEntity.accepted().location(URI.create("/v1/exports/" + id)).body(status(caller, id));
    }

    @GetMapping("/v1/exports")
    public List<ExportView> list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "50") int limit) {
        return exports.list(caller.tenant(), limit);
    }

    @GetMapping("/v1/exports/{exportId}")
    public ExportStatus status(@AuthenticationPrincipal Caller caller, @PathVariable UUID exportId) {
        ExportView export = exports.find(caller.tenant(), exportId).orElseThrow(() -> ApiException.notFound("export"));
        JobRunView progress = export.jobRunId() == null ? null
                : jobRuns.find(caller.tenant(), export.jobRunId()).orElse(null);
        return new ExportStatus(export, progress);
    }

    /**
     * A file of a completed export: {@code manifest.json} or a path it lists, such as
     * {@code booked_month=2026-03/part-0000.parquet}. Spring answers a {@code Range} header with 206 and only
     * the bytes asked for.
     */
    @GetMapping("/v1/exports/{exportId}/files/{*path}")
    public ResponseEntity<Resource> download(@AuthenticationPrincipal Caller caller, @PathVariable UUID exportId,
            @PathVariable String path, @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
        String file = path.startsWith("/") ? path.substring(1) : path;
        Resource resource = exports.file(caller.tenant(), exportId, file).orElseThrow(() -> ApiException.notFound("export file"));
        audit.record(caller.tenant(), "export.downloaded", "export", exportId.toString(),
                range == null ? Map.of("file", file) : Map.of("file", file, "range", range));
        return ResponseEntity.ok()
                .contentType(file.endsWith(".json") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.substring(file.lastIndexOf('/') + 1)).build().toString())
                .body(resource);
    }

    @DeleteMapping("/v1/exports/{exportId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'ANALYST')")
    public void delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID exportId) {
        if (!exports.delete(caller.tenant(), exportId)) {
            throw ApiException.notFound("export");
        }
        audit.record(caller.tenant(), "export.deleted", "export", exportId.toString(), Map.of());
    }
}
