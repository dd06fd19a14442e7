package com.meridian.ingest.stream.internal;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.meridian.ingest.stream.PipelineWriter;
import com.meridian.schemas.events.BankFeedTransaction;
import com.meridian.schemas.events.BankFeedTransaction.ChangeType;
import com.meridian.schemas.events.CategorizedTransaction;
import com.meridian.schemas.events.DeadLetter;
import com.meridian.schemas.events.EventJson;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.core.JsonGenerator;

/**
 * Writes the pipeline's batches to PostgreSQL: one transaction per commit, in which each tenant's rows are written
 * with the transaction bound to that tenant (so row-level security checks every row), one statement per tenant and
 * table; the batch travels as a JSON array expanded by {@code jsonb_to_recordset}.
 *
 * <p>Every write is idempotent. Transactions are upserted on their natural key (the source's id within the
 * account, else the fingerprint), and a category a person chose is never replaced. Usage counters are set to the
 * absolute totals of the stream's aggregate. Dead letters have an id derived from their source position and stage.
 */
public final class JdbcPipelineWriter implements PipelineWriter {

    private static final String TRANSACTION_COLUMNS = """
            tenant_id uuid, account_id uuid, source text, source_transaction_id text, fingerprint text,
            status text, booking_date date, value_date date, amount numeric, currency text,
            counterparty_name text, counterparty_account text, description text, merchant_name text, mcc text,
            bank_transaction_code text, category_code text, category_confidence numeric, needs_review boolean,
            model_version text, categorized_by text, category_rule_id uuid, metered_at timestamptz,
            removed_at timestamptz""";

    private static final String UPSERT_TRANSACTIONS = """
            insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint, status,
                booking_date, value_date, amount, currency, counterparty_name, counterparty_account, description,
                merchant_name, mcc, bank_transaction_code, category_code, category_confidence, needs_review,
                model_version, categorized_by, category_rule_id, metered_at, removed_at)
            select r.tenant_id, r.account_id, r.source, r.source_transaction_id, r.fingerprint, r.status,
                r.booking_date, r.value_date, r.amount, r.currency, r.counterparty_name, r.counterparty_account,
                r.description, r.merchant_name, r.mcc, r.bank_transaction_code, r.category_code,
                r.category_confidence, r.needs_review, r.model_version, r.categorized_by, r.category_rule_id,
                r.metered_at, r.removed_at
            from jsonb_to_recordset(cast(:rows as jsonb)) as r(%s)
            on conflict %s do update set
                fingerprint = excluded.fingerprint, status = excluded.status,
                booking_date = excluded.booking_date, value_date = excluded.value_date, amount = excluded.amount,
                currency = excluded.currency, counterparty_name = excluded.counterparty_name,
                counterparty_account = excluded.counterparty_account, description = excluded.description,
                merchant_name = excluded.merchant_name, mcc = excluded.mcc,
                bank_transaction_code = excluded.bank_transaction_code,
                metered_at = coalesce(transactions.metered_at, excluded.metered_at),
                removed_at = excluded.removed_at, updated_at = now(),
                category_code = case when transactions.categorized_by = 'user'
                    then transactions.category_code else excluded.category_code end,
                category_confidence = case when transactions.categorized_by = 'user'
                    then transactions.category_confidence else excluded.category_confidence end,
                needs_review = case when transactions.categorized_by = 'user'
                    then transactions.needs_review else excluded.needs_review end,
                model_version = case when transactions.categorized_by = 'user'
                    then transactions.model_version else excluded.model_version end,
                category_rule_id = case when transactions.categorized_by = 'user'
                    then transactions.category_rule_id else excluded.category_rule_id end,
                categorized_by = case when transactions.categorized_by = 'user'
                    then transactions.categorized_by else excluded.categorized_by end
            """;

    private static final String BY_SOURCE_ID = String.format(UPSERT_TRANSACTIONS, TRANSACTION_COLUMNS,
            "(tenant_id, account_id, source_transaction_id) where source_transaction_id is not null");

    private static final String BY_FINGERPRINT = String.format(UPSERT_TRANSACTIONS, TRANSACTION_COLUMNS,
            "(tenant_id, account_id, fingerprint, occurrence) where source_transaction_id is null");

    private static final String UPSERT_USAGE = """
            insert into usage_counters (tenant_id, metric, period_kind, period_start, period_end, quantity)
            select r.tenant_id, r.metric, r.period_kind, r.period_start, r.period_end, r.quantity
            from jsonb_to_recordset(cast(:rows as jsonb)) as r(tenant_id uuid, metric text, period_kind text,
                period_start timestamptz, period_end timestamptz, quantity bigint)
            on conflict (tenant_id, metric, period_kind, period_start)
            do update set quantity = excluded.quantity, period_end = excluded.period_end, updated_at = now()
            """;

    private static final String INSERT_DEAD_LETTERS = """
            insert into dead_letters (tenant_id, dead_letter_id, source, origin, entry_ref, stage, reason_code,
                reason, payload, received_at)
            select r.tenant_id, r.dead_letter_id, r.source, r.origin, r.entry_ref, r.stage, r.reason_code,
                r.reason, decode(r.payload, 'base64'), r.received_at
            from jsonb_to_recordset(cast(:rows as jsonb)) as r(tenant_id uuid, dead_letter_id uuid, source text,
                origin text, entry_ref text, stage text, reason_code text, reason text, payload text,
                received_at timestamptz)
            on conflict do nothing
            """;

    private final TenantDatabase database;

    public JdbcPipelineWriter(TenantDatabase database) {
        this.database = database;
    }

    /** Upserts the transactions of the batch, in batch order per tenant. */
    @Override
    public void writeTransactions(List<Ingested> batch) {
        byTenant(batch, ingested -> ingested.categorized().tenantId()).forEach((tenant, rows) ->
                database.inTenantRun(new TenantId(tenant), jdbc -> {
                    List<Ingested> withId = new ArrayList<>();
                    List<Ingested> withoutId = new ArrayList<>();
                    rows.forEach(row -> (row.categorized().transaction().sourceTransactionId() != null
                            ? withId : withoutId).add(row));
                    if (!withId.isEmpty()) {
                        jdbc.sql(BY_SOURCE_ID).param("rows", transactionRows(withId)).update();
                    }
                    if (!withoutId.isEmpty()) {
                        jdbc.sql(BY_FINGERPRINT).param("rows", transactionRows(withoutId)).update();
                    }
                }));
    }

    /** Sets the usage counters of the batch to the totals it carries. */
    @Override
    public void writeUsage(List<UsageTotal> batch) {
        byTenant(batch, UsageTotal::tenantId).forEach((tenant, rows) ->
                database.inTenantRun(new TenantId(tenant), jdbc -> jdbc.sql(UPSERT_USAGE)
                        .param("rows", json(rows.stream().map(JdbcPipelineWriter::usageRow).toList())).update()));
    }

    /** Records the dead letters of known tenants in {@code dead_letters}, once each. */
    @Override
    public void writeDeadLetters(List<DeadLetter> batch) {
        byTenant(batch, DeadLetter::tenantId).forEach((tenant, rows) ->
                database.inTenantRun(new TenantId(tenant), jdbc -> jdbc.sql(INSERT_DEAD_LETTERS)
                        .param("rows", json(rows.stream().map(JdbcPipelineWriter::deadLetterRow).toList()))
                        .update()));
    }

    /** One database transaction for everything a commit writes, across tenants. */
    @Override
    public void inOneTransaction(Runnable writes) {
        database.inOneTransactionAcrossTenants(writes);
    }

    /** The id of a dead letter: the same source position and stage always give the same id. */
    public static UUID deadLetterId(DeadLetter letter) {
        return UUID.nameUUIDFromBytes((letter.sourceTopic() + "/" + letter.sourcePartition() + "/"
                + letter.sourceOffset() + "/" + letter.stage()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static <T> Map<UUID, List<T>> byTenant(List<T> batch, Function<T, UUID> tenantOf) {
        return batch.stream().collect(Collectors.groupingBy(tenantOf, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * The rows as the JSON array {@code jsonb_to_recordset} expands (absent keys are nulls), written field by field:
     * this runs for every transaction the stream stores, where building a map per row and serializing it took a
     * tenth of the stream thread's time.
     */
    private static String transactionRows(List<Ingested> rows) {
        StringWriter out = new StringWriter(rows.size() * 640);
        try (JsonGenerator json = EventJson.mapper().createGenerator(out)) {
            json.writeStartArray();
            for (Ingested row : rows) {
                writeTransactionRow(json, row);
            }
            json.writeEndArray();
        }
        return out.toString();
    }

    private static void writeTransactionRow(JsonGenerator json, Ingested ingested) {
        CategorizedTransaction c = ingested.categorized();
        BankFeedTransaction t = c.transaction();
        boolean removed = t.changeType() == ChangeType.REMOVED;
        json.writeStartObject();
        text(json, "tenant_id", t.tenantId());
        text(json, "account_id", t.accountId());
        text(json, "source", lower(t.source()));
        text(json, "source_transaction_id", t.sourceTransactionId());
        text(json, "fingerprint", c.fingerprint());
        text(json, "status", removed ? "removed" : lower(t.status()));
        text(json, "booking_date", t.bookingDate());
        text(json, "value_date", t.valueDate());
        text(json, "amount", t.amount() == null ? null : t.amount().toPlainString());
        text(json, "currency", t.currency());
        text(json, "counterparty_name", t.counterpartyName());
        text(json, "counterparty_account", t.counterpartyAccount());
        text(json, "description", t.description());
        text(json, "merchant_name", t.merchantName());
        text(json, "mcc", t.mcc());
        text(json, "bank_transaction_code", t.bankTransactionCode());
        text(json, "category_code", c.categoryCode());
        text(json, "category_confidence", c.confidence() == null ? null : c.confidence().toPlainString());
        json.writeBooleanProperty("needs_review", c.needsReview());
        text(json, "model_version", c.modelVersion());
        text(json, "categorized_by", lower(c.decidedBy()));
        text(json, "category_rule_id", c.ruleId());
        text(json, "metered_at", ingested.meteredAt());
        text(json, "removed_at", removed ? t.receivedAt() : null);
        json.writeEndObject();
    }

    /** A value as its text (ISO-8601 for dates and instants, plain digits for numbers); a null one is left out. */
    private static void text(JsonGenerator json, String name, Object value) {
        if (value != null) {
            json.writeStringProperty(name, value.toString());
        }
    }

    private static Map<String, Object> usageRow(UsageTotal total) {
        return Map.of("tenant_id", total.tenantId(), "metric", total.metric(), "period_kind", total.periodKind(),
                "period_start", total.periodStart(), "period_end", total.periodEnd(), "quantity", total.quantity());
    }

    private static Map<String, Object> deadLetterRow(DeadLetter letter) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant_id", letter.tenantId());
        row.put("dead_letter_id", deadLetterId(letter));
        row.put("source", "feed");
        row.put("origin", letter.sourceTopic());
        row.put("entry_ref", letter.sourcePartition() + "@" + letter.sourceOffset());
        row.put("stage", letter.stage());
        row.put("reason_code", letter.reasonCode());
        row.put("reason", letter.reasonMessage());
        byte[] payload = letter.originalValue();
        row.put("payload", payload == null ? null : Base64.getEncoder().encodeToString(payload));
        row.put("received_at", letter.failedAt());
        return row;
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static String json(List<Map<String, Object>> rows) {
        return EventJson.mapper().writeValueAsString(rows);
    }
}
