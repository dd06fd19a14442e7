package com.meridian.ingest.imports.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.meridian.categorizer.CategorizationInput;
import com.meridian.categorizer.CategoryDecision;
import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.ingest.imports.StatementEntry;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Categorizes a chunk in one call to the categorizer and writes it to {@code import_staging} in one statement
 * (arrays unnested server-side: one round trip per chunk). A chunk written again after a crash (its rows
 * committed, Batch's bookkeeping not) conflicts on the position and writes nothing twice.
 */
public class StagingWriter implements ItemWriter<StagedEntry> {

    private static final String INSERT = """
            insert into import_staging (tenant_id, job_run_id, position, entry_ref, account_id, source_transaction_id,
                   fingerprint, status, booking_date, value_date, amount, currency, counterparty_name,
                   counterparty_account, description, bank_transaction_code, category_code, category_confidence,
                   needs_review, model_version, categorized_by, category_rule_id)
            select ?, ?, * from unnest(?::bigint[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[],
                   ?::date[], ?::numeric[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                   ?::numeric[], ?::boolean[], ?::text[], ?::text[], ?::uuid[])
            on conflict do nothing""";

    private final TenantDatabase database;
    private final TransactionCategorizer categorizer;
    private final TenantId tenant;
    private final UUID jobRun;

    public StagingWriter(TenantDatabase database, TransactionCategorizer categorizer, TenantId tenant, UUID jobRun) {
        this.database = database;
        this.categorizer = categorizer;
        this.tenant = tenant;
        this.jobRun = jobRun;
    }

    @Override
    public void write(Chunk<? extends StagedEntry> chunk) {
        List<? extends StagedEntry> items = chunk.getItems();
        List<CategoryDecision> decisions = categorizer.categorize(tenant, items.stream().map(StagingWriter::input).toList());
        Object[] params = {tenant.value(), jobRun,
                column(items, s -> s.entry().position()), column(items, s -> s.entry().entryRef()),
                column(items, StagedEntry::accountId), column(items, s -> s.entry().sourceId()),
                column(items, StagedEntry::fingerprint), column(items, s -> s.entry().pending() ? "pending" : "booked"),
                column(items, s -> s.entry().bookingDate()), column(items, s -> s.entry().valueDate()),
                column(items, s -> s.entry().amount().stripTrailingZeros().toPlainString()),
                column(items, s -> s.entry().currency()), column(items, s -> s.entry().counterpartyName()),
                column(items, s -> s.entry().counterpartyAccount()), column(items, s -> s.entry().description()),
                column(items, s -> s.entry().bankTransactionCode()),
                column(decisions, d -> d.categoryCode()), column(decisions, d -> code(d, d.confidence())),
                column(decisions, d -> d.needsReview()), column(decisions, d -> code(d, d.modelVersion())),
                column(decisions, d -> code(d, d.decidedBy() == null ? null : d.decidedBy().name().toLowerCase(Locale.ROOT))),
                column(decisions, d -> code(d, d.ruleId()))};
        database.inTenantRun(tenant, sql -> sql.sql(INSERT).params(params).update());
    }

    private static CategorizationInput input(StagedEntry staged) {
        StatementEntry entry = staged.entry();
        return new CategorizationInput(staged.accountId(), entry.description(), null, entry.counterpartyName(),
                entry.amount(), entry.currency(), null, entry.bankTransactionCode());
    }

    /** The decision's detail, only when it decided a category (the table requires them together). */
    private static Object code(CategoryDecision decision, Object detail) {
        return decision.categoryCode() == null ? null : detail;
    }

    private static <T> String[] column(List<? extends T> items, Function<T, Object> value) {
        return items.stream().map(value).map(v -> Objects.toString(v, null)).toArray(String[]::new);
    }
}
