package com.meridian.api.categories;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;

/** Checks shared by the endpoints that assign categories. */
public final class RuleControllerSupport {

    private RuleControllerSupport() {
    }

    /** Fails with a validation problem unless {@code code} is a standard category or one of the tenant's own. */
    public static void requireKnownCategory(JdbcClient tenantScoped, String code) {
        long known = tenantScoped.sql("""
                        select (select count(*) from standard_categories where code = ?)
                             + (select count(*) from categories where code = ? and not archived)""")
                .params(code, code).query(Long.class).single();
        if (known == 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    "categoryCode " + code + " is neither a standard category nor one of yours");
        }
    }
}
