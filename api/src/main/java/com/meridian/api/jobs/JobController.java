package com.meridian.api.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.security.Caller;
import com.meridian.ingest.jobs.JobRunLauncher;
import com.meridian.ingest.jobs.JobRunView;
import com.meridian.ingest.jobs.JobRuns;
import com.meridian.ingest.jobs.RejectedEntry;

/**
 * Long jobs of the caller's tenant (imports, exports): status and progress (read, written, skipped, percent of
 * the input, items per second, seconds left), and the entries a job rejected with their position and reason.
 * Another tenant's job id is simply not found. A job whose node died (no progress for 5 minutes) can be
 * restarted; it continues from its last committed chunk.
 */
@RestController
public class JobController {

    private static final int MAX_PAGE = 1000;
    private static final Duration STALE = Duration.ofMinutes(5);

    private final JobRuns jobRuns;
    private final JobRunLauncher launcher;

    public JobController(JobRuns jobRuns, JobRunLauncher launcher) {
        this.jobRuns = jobRuns;
        this.launcher = launcher;
    }

    /**
     * Restarts a failed or stopped job, or one whose node died while it ran; it continues from its last committed
     * chunk. {@code 202}: follow it with {@code GET /v1/jobs/{id}}.
     */
    @PostMapping("/v1/jobs/{id}/restart")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    public ResponseEntity<JobRunView> restart(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        JobRunView job = job(caller, id);
        if (job.status().equals("completed") || job.status().equals("queued")) {
            throw new ApiException(ErrorCode.CONFLICT, "job " + id + " is " + job.status() + ", there is nothing to restart");
        }
        Instant lastSign = job.lastProgressAt() != null ? job.lastProgressAt() : job.startedAt();
        if (job.status().equals("running") && lastSign != null && lastSign.isAfter(Instant.now().minus(STALE))) {
            // a live node may still be running it: two executions of one run must never overlap
            throw new ApiException(ErrorCode.CONFLICT, "job " + id + " reported progress less than " + STALE.toMinutes()
                    + " minutes ago; it is still running");
        }
        launcher.resume(caller.tenant(), id);
        return ResponseEntity.accepted().body(job);
    }

    @GetMapping("/v1/jobs/{id}")
    public JobRunView job(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return jobRuns.find(caller.tenant(), id).orElseThrow(() -> ApiException.notFound("job " + id));
    }

    /** A page of the job's rejected entries, oldest first. */
    @GetMapping("/v1/jobs/{id}/errors")
    public List<RejectedEntry> errors(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") long offset) {
        if (limit < 1 || limit > MAX_PAGE || offset < 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "limit must be 1 to " + MAX_PAGE + ", offset at least 0");
        }
        job(caller, id);
        return jobRuns.rejects(caller.tenant(), id, limit, offset);
    }
}
