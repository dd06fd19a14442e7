package com.meridian.categorizer.corrections;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.meridian.categorizer.normalize.DescriptorNormalizer;
import com.meridian.categorizer.normalize.NormalizedDescriptor;
import com.meridian.categorizer.rules.RuleBook;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Records a user's category correction and learns from it.
 *
 * <p>Business rules: the correction is stored with who and when, and the transaction takes the new category as a
 * {@code user} decision (never replaced by the model later). Corrections are grouped by merchant (the
 * normalized merchant, counterparty or description). When the last {@code threshold} corrections of one merchant
 * all name the same category, they become a rule of source {@code correction} for that merchant (or the existing
 * correction rule of that merchant is re-pointed), and the corrections are marked with the rule they made. All of
 * it happens in one transaction in the tenant's scope, so a rule never reaches another tenant and a half-recorded
 * correction never exists.
 */
public final class CorrectionRecorder {

    private static final Logger log = LoggerFactory.getLogger(CorrectionRecorder.class);

    private final TenantDatabase database;
    private final RuleBook rules;
    private final int threshold;
    private final int rulePriority;
    private final DescriptorNormalizer normalizer = new DescriptorNormalizer();

    public CorrectionRecorder(TenantDatabase database, RuleBook rules, int threshold, int rulePriority) {
        this.database = Objects.requireNonNull(database, "database");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.threshold = threshold;
        this.rulePriority = rulePriority;
    }

    /** What recording did: the correction's id and, if it made or re-pointed one, the rule. */
    public record Outcome(UUID correctionId, String merchantKey, Optional<UUID> promotedRuleId) {
    }

    /** Records that {@code user} set {@code transactionId}'s category to {@code categoryCode}. */
    public Outcome record(TenantId tenant, UUID transactionId, String categoryCode, UUID user) {
        Outcome outcome = database.inTenant(tenant, jdbc -> recordInScope(jdbc, transactionId, categoryCode, user));
        outcome.promotedRuleId().ifPresent(rule -> rules.invalidate(tenant));
        return outcome;
    }

    private Outcome recordInScope(JdbcClient jdbc, UUID transactionId, String categoryCode, UUID user) {
        Corrected tx = jdbc.sql("""
                select merchant_name, counterparty_name, description, category_code
                  from transactions where transaction_id = ? for update""")
                .param(transactionId)
                .query((rs, n) -> new Corrected(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no transaction " + transactionId + " in this tenant"));
        NormalizedDescriptor descriptor = normalizer.normalize(tx.merchant(), tx.counterparty(), tx.description());
        String key = descriptor.merchantKey();
        UUID correctionId = jdbc.sql("""
                insert into corrections (transaction_id, tenant_id, previous_category_code, new_category_code,
                                         merchant_key, corrected_by)
                values (?, current_setting('app.tenant_id')::uuid, ?, ?, ?, ?) returning correction_id""")
                .params(transactionId, tx.category(), categoryCode, key.isEmpty() ? null : key, user)
                .query(UUID.class).single();
        jdbc.sql("""
                update transactions set category_code = ?, categorized_by = 'user', category_confidence = 1,
                       needs_review = false, category_rule_id = null, model_version = null, updated_at = now()
                 where transaction_id = ?""")
                .params(categoryCode, transactionId).update();
        Optional<UUID> rule = key.isEmpty() ? Optional.empty() : promote(jdbc, key, categoryCode, tx, user);
        return new Outcome(correctionId, key, rule);
    }

    private Optional<UUID> promote(JdbcClient jdbc, String key, String categoryCode, Corrected tx, UUID user) {
        List<String> latest = jdbc.sql("""
                select new_category_code from corrections where merchant_key = ?
                 order by corrected_at desc, correction_id desc limit ?""")
                .params(key, threshold).query(String.class).list();
        if (latest.size() < threshold || latest.stream().anyMatch(code -> !code.equals(categoryCode))) {
            return Optional.empty();
        }
        String field = tx.merchant() != null && !tx.merchant().isBlank() ? "merchant"
                : tx.counterparty() != null && !tx.counterparty().isBlank() ? "counterparty" : "description";
        String pattern = patternFor(key);
        UUID ruleId = existingRule(jdbc, field, pattern)
                .map(id -> repoint(jdbc, id, categoryCode))
                .orElseGet(() -> insertRule(jdbc, field, pattern, categoryCode, user));
        jdbc.sql("update corrections set promoted_rule_id = ? where merchant_key = ? and promoted_rule_id is null")
                .params(ruleId, key).update();
        log.info("corrections of merchant '{}' promoted to rule {} -> {}", key, ruleId, categoryCode);
        return Optional.of(ruleId);
    }

    /** A regex finding the merchant key's words in order in the raw text, whatever stands between them. */
    static String patternFor(String key) {
        return "\\b" + List.of(key.split(" ")).stream().map(Pattern::quote).collect(Collectors.joining("\\W+(?:\\S+\\W+)??"))
                + "\\b";
    }

    private static Optional<UUID> existingRule(JdbcClient jdbc, String field, String pattern) {
        return jdbc.sql("""
                select rule_id from category_rules
                 where source = 'correction' and match_field = ? and match_type = 'regex' and pattern = ?
                 order by created_at limit 1""")
                .params(field, pattern).query(UUID.class).optional();
    }

    private static UUID repoint(JdbcClient jdbc, UUID ruleId, String categoryCode) {
        jdbc.sql("update category_rules set category_code = ?, enabled = true, updated_at = now() where rule_id = ?")
                .params(categoryCode, ruleId).update();
        return ruleId;
    }

    private UUID insertRule(JdbcClient jdbc, String field, String pattern, String categoryCode, UUID user) {
        return jdbc.sql("""
                insert into category_rules (tenant_id, priority, source, match_field, match_type, pattern,
                                            category_code, created_by)
                values (current_setting('app.tenant_id')::uuid, ?, 'correction', ?, 'regex', ?, ?, ?)
                returning rule_id""")
                .params(rulePriority, field, pattern, categoryCode, user).query(UUID.class).single();
    }

    private record Corrected(String merchant, String counterparty, String description, String category) {
    }
}
