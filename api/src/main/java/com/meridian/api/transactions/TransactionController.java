package com.meridian.api.transactions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.audit.AuditTrail;
import com.meridian.api.categories.RuleControllerSupport;
import com.meridian.api.categories.TenantRules;
import com.meridian.api.errors.ApiException;
import com.meridian.api.security.Caller;
import com.meridian.categorizer.CategorizationInput;
import com.meridian.categorizer.CategoryDecision;
import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.categorizer.corrections.CorrectionRecorder;
import com.meridian.tenancy.TenantDatabase;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The tenant's categorized transactions: listing with filters and cursor paging, one with its explanation, and
 * a person's correction of its category.
 */
@RestController
public class TransactionController {

    private final TransactionQueries queries;
    private final TransactionCategorizer categorizer;
    private final CorrectionRecorder corrections;
    private final TenantDatabase database;
    private final TenantRules rules;
    private final AuditTrail audit;

    public TransactionController(TransactionQueries queries, TransactionCategorizer categorizer,
            CorrectionRecorder corrections, TenantDatabase database, TenantRules rules, AuditTrail audit) {
        this.queries = queries;
        this.categorizer = categorizer;
        this.corrections = corrections;
        this.database = database;
        this.rules = rules;
        this.audit = audit;
    }

    /** Sent as bytes already written (TransactionPageWriter); the document describes them as the Page they are. */
    @GetMapping("/v1/transactions")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "*/*", schema = @Schema(implementation = TransactionQueries.Page.class)))
    public ResponseEntity<byte[]> list(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) UUID accountId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 100) String category,
            @RequestParam(required = false) BigDecimal minAmount,
            @RequestParam(required = false) BigDecimal maxAmount,
            @RequestParam(required = false) Boolean needsReview,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "false") boolean includeRemoved,
            @RequestParam(required = false) @Size(max = 200) String cursor,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        var filter = new TransactionFilter(accountId, from, to, category, minAmount, maxAmount, needsReview, q, includeRemoved);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(queries.listAsJson(caller.tenant(), filter, cursor, limit));
    }

    /** Why a transaction has its category: the rule that fired, or the model's decision and alternatives. */
    public record Explanation(String decidedBy, UUID ruleId, String modelVersion, String explainedWithModelVersion,
            List<CategoryDecision.Alternative> alternatives) {
    }

    public record TransactionDetail(TransactionView transaction, Explanation explanation) {
    }

    @GetMapping("/v1/transactions/{transactionId}")
    public TransactionDetail one(@AuthenticationPrincipal Caller caller, @PathVariable UUID transactionId) {
        TransactionView transaction = queries.one(caller.tenant(), transactionId)
                .orElseThrow(() -> ApiException.notFound("transaction"));
        return new TransactionDetail(transaction, explain(caller, transaction));
    }

    public record Correction(@NotBlank @Size(max = 64) String categoryCode) {
    }

    public record CorrectionResult(UUID correctionId, String merchantKey, UUID promotedRuleId, TransactionView transaction) {
    }

    /**
     * A person's category for one transaction: stored with who and when, never overwritten by the model, and
     * promoted to a rule once enough consistent corrections name the same merchant.
     */
    @PostMapping("/v1/transactions/{transactionId}/correction")
    public CorrectionResult correct(@AuthenticationPrincipal Caller caller, @PathVariable UUID transactionId,
            @Valid @RequestBody Correction correction) {
        queries.one(caller.tenant(), transactionId).orElseThrow(() -> ApiException.notFound("transaction"));
        database.inTenantRun(caller.tenant(), db -> RuleControllerSupport.requireKnownCategory(db, correction.categoryCode()));
        UUID actor = UUID.nameUUIDFromBytes((caller.actorType() + ":" + caller.actorId()).getBytes(StandardCharsets.UTF_8));
        CorrectionRecorder.Outcome outcome = corrections.record(caller.tenant(), transactionId, correction.categoryCode(), actor);
        if (outcome.promotedRuleId().isPresent()) {
            rules.changed(caller.tenant());
        }
        audit.record(caller.tenant(), "transaction.corrected", "transaction", transactionId.toString(),
                Map.of("categoryCode", correction.categoryCode(), "promotedRule", outcome.promotedRuleId().map(UUID::toString).orElse("")));
        return new CorrectionResult(outcome.correctionId(), outcome.merchantKey(), outcome.promotedRuleId().orElse(null),
                queries.one(caller.tenant(), transactionId).orElseThrow());
    }

    private Explanation explain(Caller caller, TransactionView transaction) {
        if (!"model".equals(transaction.categorizedBy())) {
            return new Explanation(transaction.categorizedBy(), transaction.categoryRuleId(), null, null, List.of());
        }
        // alternatives are not stored: the current model is asked again and says which version answered
        CategoryDecision again = categorizer.categorize(caller.tenant(), List.of(new CategorizationInput(
                transaction.accountId(), transaction.description(), transaction.merchantName(),
                transaction.counterpartyName(), transaction.amount(), transaction.currency(), transaction.mcc(),
                transaction.bankTransactionCode()))).get(0);
        return new Explanation("model", null, transaction.modelVersion(), again.modelVersion(), again.alternatives());
    }
}
