package com.meridian.ingest.imports.internal;

import java.util.UUID;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.meridian.categorizer.CategoryDecision;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The {@link WritePath#STAGED} path: writes a categorized chunk to {@code import_staging} in one statement
 * (arrays unnested server-side: one round trip per chunk); {@link MergeStagedEntries} moves the upload into
 * {@code transactions} at the end. A chunk written again after a crash (its rows committed, Batch's bookkeeping
 * not) conflicts on the position and writes nothing twice.
 */
public class StagingWriter implements ItemWriter<PreparedEntry> {

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
    private final TenantId tenant;
    private final UUID jobRun;

    public StagingWriter(TenantDatabase database, TenantId tenant, UUID jobRun) {
        this.database = database;
        this.tenant = tenant;
        this.jobRun = jobRun;
    }

    @Override
    public void write(Chunk<? extends PreparedEntry> chunk) {
        EntryColumns columns = new EntryColumns(chunk.getItems());
        Object[] params = {tenant.value(), jobRun,
                columns.ofEntry(e -> e.position()), columns.ofEntry(e -> e.entryRef()),
                columns.of(p -> p.staged().accountId()), columns.ofEntry(e -> e.sourceId()),
                columns.of(p -> p.staged().fingerprint()), columns.status(),
                columns.ofEntry(e -> e.bookingDate()), columns.ofEntry(e -> e.valueDate()), columns.amount(),
                columns.ofEntry(e -> e.currency()), columns.ofEntry(e -> e.counterpartyName()),
                columns.ofEntry(e -> e.counterpartyAccount()), columns.ofEntry(e -> e.description()),
                columns.ofEntry(e -> e.bankTransactionCode()),
                columns.ofDecision(CategoryDecision::categoryCode), columns.ofCategorized(CategoryDecision::confidence),
                columns.ofDecision(CategoryDecision::needsReview), columns.ofCategorized(CategoryDecision::modelVersion),
                columns.decidedBy(), columns.ofCategorized(CategoryDecision::ruleId)};
        database.inTenantRun(tenant, sql -> sql.sql(INSERT).params(params).update());
    }
}
