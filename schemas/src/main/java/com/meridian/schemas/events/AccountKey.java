package com.meridian.schemas.events;

import static com.meridian.schemas.events.Checks.required;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.UUID;

/**
 * Key of every account-scoped topic ({@code meridian.bank-feed.transactions.v1},
 * {@code meridian.transactions.categorized.v1}): all transactions of one Meridian account share a key, hence a
 * partition, so they are consumed in the order they were written.
 *
 * <p>The key's bytes choose the partition, so its form is frozen for v1: exactly
 * {@code {"tenantId":"<uuid>","accountId":"<uuid>"}} in that order, lower-case UUIDs, no whitespace, no other
 * field (schema {@code events/account-key.v1.schema.json}). Any writer outside this module must produce the same
 * bytes, or one account's transactions split across partitions and lose their order.
 *
 * @param tenantId the tenant owning the account
 * @param accountId the Meridian account id (not the bank's account reference)
 */
@JsonPropertyOrder({ "tenantId", "accountId" })
public record AccountKey(UUID tenantId, UUID accountId) {

    public AccountKey {
        required(tenantId, "tenantId");
        required(accountId, "accountId");
    }
}
