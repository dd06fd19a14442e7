package com.meridian.categorizer;

import java.util.List;

import com.meridian.tenancy.TenantId;

/**
 * The categorizer's public interface, used by the stream and batch pipelines.
 *
 * <p>For each input, in order: the tenant's rules first (by priority; a rule of one tenant never applies to
 * another), then the model. Work is done in batches: callers pass as many transactions of one tenant as they
 * have at hand. The result has one decision per input, in the same order.
 */
public interface TransactionCategorizer {

    List<CategoryDecision> categorize(TenantId tenant, List<CategorizationInput> inputs);
}
