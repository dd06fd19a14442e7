package com.meridian.api.categories;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.PatternSyntaxException;

import org.springframework.http.HttpStatus;
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
import com.meridian.tenancy.TenantDatabase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tenant's categorization rules, applied before the model in priority order. A change takes effect at once on
 * this instance (its rule caches are invalidated) and within {@code meridian.api.reference-cache.ttl} (30 s) on the
 * others; see {@link TenantRules}.
 */
@RestController
public class RuleController {

    private final TenantDatabase database;
    private final TenantRules rules;
    private final AuditTrail audit;

    public RuleController(TenantDatabase database, TenantRules rules, AuditTrail audit) {
        this.database = database;
        this.rules = rules;
        this.audit = audit;
    }

    public record NewRule(@Min(0) @Max(10_000) Integer priority,
            @Pattern(regexp = "merchant|description|counterparty") String matchField,
            @Pattern(regexp = "exact|contains|regex") String matchType, @Size(max = 500) String pattern,
            BigDecimal amountMin, BigDecimal amountMax, @Pattern(regexp = "[A-Z]{3}") String currency,
            @Pattern(regexp = "in|out") String direction, @Pattern(regexp = "[0-9]{4}") String mcc, UUID accountId,
            @NotBlank @Size(max = 64) String categoryCode) {
    }

    @GetMapping("/v1/rules")
    public List<TenantRules.Rule> list(@AuthenticationPrincipal Caller caller) {
        return rules.list(caller.tenant());
    }

    @PostMapping("/v1/rules")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, UUID> create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewRule rule) {
        check(rule);
        UUID id = database.inTenant(caller.tenant(), db -> {
            RuleControllerSupport.requireKnownCategory(db, rule.categoryCode());
            return db.sql("""
                            insert into category_rules (tenant_id, priority, source, match_field, match_type, pattern, amount_min,
                                                        amount_max, currency, direction, mcc, account_id, category_code)
                            values (?, ?, 'user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning rule_id""")
                    .params(caller.tenant().value(), rule.priority() == null ? 100 : rule.priority(), rule.matchField(),
                            rule.matchType(), rule.pattern(), rule.amountMin(), rule.amountMax(), rule.currency(),
                            rule.direction(), rule.mcc(), rule.accountId(), rule.categoryCode())
                    .query(UUID.class).single();
        });
        rules.changed(caller.tenant());
        audit.record(caller.tenant(), "rule.created", "rule", id.toString(), Map.of("categoryCode", rule.categoryCode()));
        return Map.of("ruleId", id);
    }

    @DeleteMapping("/v1/rules/{ruleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID ruleId) {
        int deleted = database.inTenant(caller.tenant(), db -> db.sql("delete from category_rules where rule_id = ?")
                .param(ruleId).update());
        if (deleted == 0) {
            throw ApiException.notFound("rule");
        }
        rules.changed(caller.tenant());
        audit.record(caller.tenant(), "rule.deleted", "rule", ruleId.toString(), Map.of());
    }

    private static void check(NewRule rule) {
        boolean text = rule.matchField() != null || rule.matchType() != null || rule.pattern() != null;
        if (text && (rule.matchField() == null || rule.matchType() == null || rule.pattern() == null || rule.pattern().isBlank())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "matchField, matchType and pattern go together");
        }
        if (!text && rule.amountMin() == null && rule.amountMax() == null && rule.direction() == null && rule.mcc() == null
                && rule.accountId() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "a rule needs at least one condition");
        }
        if (rule.amountMin() != null && rule.amountMax() != null && rule.amountMin().compareTo(rule.amountMax()) > 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "amountMin is above amountMax");
        }
        if ("regex".equals(rule.matchType())) {
            try {
                java.util.regex.Pattern.compile(rule.pattern());
            } catch (PatternSyntaxException e) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "pattern is not a valid regular expression: " + e.getDescription());
            }
        }
    }
}
