package com.meridian.categorizer;

import java.math.BigDecimal;
import java.util.UUID;

import com.meridian.schemas.events.BankFeedTransaction;

/**
 * What the categorizer looks at for one transaction. {@code amount} is signed: negative is money out.
 *
 * @param bankTransactionCode ISO 20022 domain/family/sub-family, a BAI2 type code or an OFX TRNTYPE, as sent
 */
public record CategorizationInput(UUID accountId, String description, String merchantName, String counterpartyName,
        BigDecimal amount, String currency, String mcc, String bankTransactionCode) {

    public static CategorizationInput of(BankFeedTransaction transaction) {
        return new CategorizationInput(transaction.accountId(), transaction.description(), transaction.merchantName(),
                transaction.counterpartyName(), transaction.amount(), transaction.currency(), transaction.mcc(),
                transaction.bankTransactionCode());
    }
}
