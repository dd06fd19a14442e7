package com.meridian.categorizer.rules.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.meridian.categorizer.rules.CategoryRule;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Reads and writes {@code category_rules} in the tenant's scope. A rule whose regex does not compile is left out
 * with a warning naming it (it can never fire), rather than failing every transaction of the tenant.
 */
public final class CategoryRuleRepository {

    private static final Logger log = LoggerFactory.getLogger(CategoryRuleRepository.class);

    private static final String ENABLED_RULES = """
            select rule_id, priority, source, match_field, match_type, pattern, amount_min, amount_max, currency,
                   direction, mcc, account_id, category_code
              from category_rules
             where enabled
             order by priority, case source when 'user' then 0 when 'correction' then 1 else 2 end, created_at, rule_id
            """;

    private final TenantDatabase database;

    public CategoryRuleRepository(TenantDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    public List<CategoryRule> enabledRules(TenantId tenant) {
        List<CategoryRule> rules = database.inTenant(tenant,
                jdbc -> jdbc.sql(ENABLED_RULES).query((rs, n) -> toRule(tenant, rs)).list());
        return rules.stream().filter(Objects::nonNull).toList();
    }

    private static CategoryRule toRule(TenantId tenant, ResultSet rs) throws SQLException {
        UUID ruleId = rs.getObject("rule_id", UUID.class);
        try {
            return CategoryRule.of(ruleId, rs.getInt("priority"), rs.getString("source"), rs.getString("match_field"),
                    rs.getString("match_type"), rs.getString("pattern"), rs.getObject("amount_min", BigDecimal.class),
                    rs.getObject("amount_max", BigDecimal.class), trim(rs.getString("currency")),
                    rs.getString("direction"), trim(rs.getString("mcc")), rs.getObject("account_id", UUID.class),
                    rs.getString("category_code"));
        } catch (PatternSyntaxException e) {
            log.warn("tenant {} rule {} has an invalid regex and is ignored: {}", tenant, ruleId, e.getDescription());
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
