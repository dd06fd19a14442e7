package com.meridian.api.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.security.Caller;
import com.meridian.ingest.imports.StatementImports;
import com.meridian.ingest.imports.StatementImports.UnknownAccountException;
import com.meridian.ingest.imports.StatementImports.UploadTooLargeException;
import com.meridian.ingest.imports.csv.CsvProfile;
import com.meridian.ingest.imports.csv.CsvProfiles;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Statement uploads: {@code POST /v1/imports} takes the file as the raw request body (any size up to the
 * configured maximum, 2 GB by default), streams it to storage without holding it in memory, starts the import
 * job and answers {@code 202} with the job id at once; {@code GET /v1/jobs/{id}} follows it. The format is read
 * from the content. Bank CSV layouts are the tenant's {@code /v1/csv-profiles}. Viewers cannot import.
 */
@RestController
@PreAuthorize("!hasRole('VIEWER')")
public class StatementImportController {

    private final StatementImports imports;
    private final CsvProfiles profiles;

    public StatementImportController(StatementImports imports, CsvProfiles profiles) {
        this.imports = imports;
        this.profiles = profiles;
    }

    /** The answer to an accepted upload. */
    public record AcceptedImport(UUID jobId, String status, URI job, URI errors) {
    }

    @PostMapping("/v1/imports")
    public ResponseEntity<AcceptedImport> upload(@AuthenticationPrincipal Caller caller, HttpServletRequest request,
            @RequestParam(required = false) UUID accountId, @RequestParam(required = false) String csvProfile,
            @RequestParam(defaultValue = "upload") String filename) throws IOException {
        if (csvProfile != null && profiles.find(caller.tenant(), csvProfile).isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "no CSV profile " + csvProfile);
        }
        Path stored;
        try (InputStream body = request.getInputStream()) {
            stored = imports.store(caller.tenant(), body);
        } catch (UploadTooLargeException e) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage());
        }
        UUID job;
        try {
            job = imports.start(caller.tenant(), stored, filename, accountId, csvProfile, caller.actorType() + ":" + caller.actorId());
        } catch (UnknownAccountException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, e.getMessage());
        }
        URI location = URI.create("/v1/jobs/" + job);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
                .body(new AcceptedImport(job, "queued", location, URI.create(location + "/errors")));
    }

    @GetMapping("/v1/csv-profiles")
    public List<String> profiles(@AuthenticationPrincipal Caller caller) {
        return profiles.codes(caller.tenant());
    }

    @GetMapping("/v1/csv-profiles/{code}")
    public CsvProfile profile(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        return profiles.find(caller.tenant(), code).orElseThrow(() -> ApiException.notFound("CSV profile " + code));
    }

    /** Creates or replaces the tenant's profile {@code code}. */
    @PutMapping("/v1/csv-profiles/{code}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    public CsvProfile saveProfile(@AuthenticationPrincipal Caller caller, @PathVariable String code,
            @RequestBody CsvProfile profile) {
        if (!code.equals(profile.code())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "the profile's code must be " + code);
        }
        profiles.save(caller.tenant(), profile);
        return profile;
    }
}
