package com.meridian.api.feeds;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.errors.ApiException;
import com.meridian.api.security.Caller;

/**
 * {@code POST /v1/feeds/{format}/transactions}: integrations that do not speak Kafka push a batch of transactions
 * (at most {@value FeedPushes#MAX_RECORDS}) with the tenant's API key, in Meridian's JSON or a shape they already
 * have ({@code plaid}, {@code open-banking}, {@code berlin-group}). The answer is 202 with a verdict per record.
 * Owners, admins and integration keys may push.
 */
@RestController
public class FeedController {

    private final FeedPushes pushes;

    public FeedController(FeedPushes pushes) {
        this.pushes = pushes;
    }

    @PostMapping(path = "/v1/feeds/{format}/transactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'INTEGRATION')")
    public ResponseEntity<FeedPushResult> push(@AuthenticationPrincipal Caller caller, @PathVariable String format,
            @RequestParam(required = false) String account, @RequestBody byte[] body) {
        FeedFormat feedFormat = FeedFormat.fromPath(format)
                .orElseThrow(() -> ApiException.notFound("feed format " + format));
        return ResponseEntity.accepted().body(pushes.push(caller.tenant(), feedFormat, body, account));
    }
}
