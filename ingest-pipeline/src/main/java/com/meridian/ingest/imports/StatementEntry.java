package com.meridian.ingest.imports;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One booking as a statement file states it, before it is checked. {@code amount} is signed (negative is money
 * out), in {@code currency}. {@code position} is the entry's ordinal in its file (rejected entries count too),
 * so a restarted import finds the same positions again; {@code entryRef} says where it is for people.
 *
 * @param accountIdentifier the account as the file names it (IBAN or bank account number), or null
 * @param sourceId          the bank's own id of the booking, or null when the file has none
 */
public record StatementEntry(long position, String entryRef, String accountIdentifier, String sourceId,
        LocalDate bookingDate, LocalDate valueDate, BigDecimal amount, String currency, String counterpartyName,
        String counterpartyAccount, String description, String bankTransactionCode, boolean pending) {

    /** The same entry at {@code newPosition} of the whole upload (a zip holds several documents). */
    public StatementEntry at(long newPosition) {
        return new StatementEntry(newPosition, entryRef, accountIdentifier, sourceId, bookingDate, valueDate, amount,
                currency, counterpartyName, counterpartyAccount, description, bankTransactionCode, pending);
    }
}
