package com.meridian.ingest.imports.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.meridian.ingest.imports.StatementEntry;
import com.meridian.ingest.jobs.RejectedEntryException;

/**
 * Checks one entry and finds its account: the account given with the upload, else the one whose IBAN or
 * account number the file names. An entry with no account, a currency that is not ISO 4217-shaped, more than six
 * decimals or no booking date is rejected with that reason; nothing is guessed.
 */
public class StatementEntryProcessor implements ItemProcessor<StatementEntry, StagedEntry> {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final UUID givenAccount;
    private final AccountLookup accounts;
    private final Map<String, Optional<UUID>> found = new HashMap<>();

    /** Finds an account of the import's tenant by the identifier a file gives. */
    public interface AccountLookup {
        Optional<UUID> find(String identifier);
    }

    public StatementEntryProcessor(UUID givenAccount, AccountLookup accounts) {
        this.givenAccount = givenAccount;
        this.accounts = accounts;
    }

    @Override
    public StagedEntry process(StatementEntry entry) {
        check(entry.bookingDate() != null, entry, "DATE_MISSING", "the entry has no booking date");
        check(entry.currency() != null && CURRENCY.matcher(entry.currency()).matches(), entry, "CURRENCY_INVALID",
                "currency '" + entry.currency() + "' is not a three-letter ISO 4217 code");
        check(entry.amount().stripTrailingZeros().scale() <= 6, entry, "AMOUNT_PRECISION",
                "amount " + entry.amount().toPlainString() + " has more than six decimals");
        return new StagedEntry(entry, account(entry), Fingerprints.of(entry));
    }

    private UUID account(StatementEntry entry) {
        if (givenAccount != null) {
            return givenAccount;
        }
        String identifier = entry.accountIdentifier();
        check(identifier != null, entry, "ACCOUNT_UNKNOWN", "no account was given and the file names none");
        Optional<UUID> account = found.computeIfAbsent(identifier, accounts::find);
        check(account.isPresent(), entry, "ACCOUNT_UNKNOWN", "no bank account of the tenant has the identifier " + identifier);
        return account.get();
    }

    private static void check(boolean condition, StatementEntry entry, String code, String reason) {
        if (!condition) {
            throw new RejectedEntryException(entry.entryRef(), code, reason, entry.toString());
        }
    }
}
