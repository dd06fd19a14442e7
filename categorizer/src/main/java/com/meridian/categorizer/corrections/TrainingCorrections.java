package com.meridian.categorizer.corrections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Tenants' corrections as training rows for the common model, and the record of which model used them.
 *
 * <p>Business rules: a tenant's corrections train the common model (which scores every tenant's transactions)
 * only while the tenant has opted in ({@code tenants.share_corrections_for_training}, off by default); otherwise
 * they stay with the tenant, as its rules. Each tenant's corrections are read inside that tenant's scope, the
 * tenant's own categories resolved to their standard code. A correction trains one model: once a training run has
 * used it, it is marked with that model's version ({@code corrections.used_in_model_version}) and not exported
 * again.
 */
public final class TrainingCorrections {

    static final String HEADER = "tenant_id,correction_id,description,amount,category_code";
    private static final TenantId NO_TENANT = TenantId.of("00000000-0000-0000-0000-000000000000");

    private final TenantDatabase database;

    public TrainingCorrections(TenantDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** One correction as a training row: the corrected transaction's text and amount, and the standard category. */
    public record TrainingRow(TenantId tenant, UUID correctionId, String text, BigDecimal amount, String categoryCode) {
    }

    /** Opts the tenant in to (or out of) sharing its corrections with the common model; records who and when. */
    public void setSharing(TenantId tenant, boolean share, UUID changedBy) {
        database.inTenantRun(tenant, jdbc -> jdbc.sql("""
                update tenants set share_corrections_for_training = ?, share_corrections_changed_at = now(),
                       share_corrections_changed_by = ?, updated_at = now()
                 where tenant_id = current_setting('app.tenant_id')::uuid""")
                .params(share, changedBy).update());
    }

    public boolean sharing(TenantId tenant) {
        return database.inTenant(tenant, jdbc -> jdbc.sql("select share_corrections_for_training from tenants")
                .query(Boolean.class).optional().orElse(false));
    }

    /** The corrections no model has used yet, of every tenant that has opted in, oldest first per tenant. */
    public List<TrainingRow> notYetUsed() {
        List<TrainingRow> rows = new ArrayList<>();
        for (TenantId tenant : sharingTenants()) {
            rows.addAll(database.inTenant(tenant, jdbc -> notYetUsed(jdbc, tenant)));
        }
        return rows;
    }

    /**
     * Marks the corrections a training run used with the version of the model it made; returns how many were
     * marked. A correction already marked keeps its first model's version.
     */
    public int markUsed(List<TrainingRow> used, String modelVersion) {
        Map<TenantId, List<UUID>> byTenant = new LinkedHashMap<>();
        used.forEach(r -> byTenant.computeIfAbsent(r.tenant(), t -> new ArrayList<>()).add(r.correctionId()));
        int marked = 0;
        for (Map.Entry<TenantId, List<UUID>> tenant : byTenant.entrySet()) {
            marked += database.inTenant(tenant.getKey(), jdbc -> jdbc.sql("""
                    update corrections set used_in_model_version = ?
                     where correction_id = any(?) and used_in_model_version is null""")
                    .params(modelVersion, tenant.getValue().toArray(UUID[]::new)).update());
        }
        return marked;
    }

    /** Writes the rows as the CSV the training command reads ({@code --corrections}). */
    public static void write(List<TrainingRow> rows, Path file) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (TrainingRow r : rows) {
            csv.append(r.tenant()).append(',').append(r.correctionId()).append(',')
                    .append(r.text().replace(',', ' ').replace('\n', ' ')).append(',')
                    .append(r.amount().toPlainString()).append(',').append(r.categoryCode()).append('\n');
        }
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a file written by {@link #write}; a malformed line fails with its number and text. */
    public static List<TrainingRow> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new IllegalArgumentException(file + " is not a corrections export (header " + HEADER + ")");
            }
            List<TrainingRow> rows = new ArrayList<>(lines.size());
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    rows.add(parse(lines.get(i), i + 1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static TrainingRow parse(String line, int number) {
        try {
            int first = line.indexOf(',');
            int second = line.indexOf(',', first + 1);
            int last = line.lastIndexOf(',');
            int amount = line.lastIndexOf(',', last - 1);
            if (first < 0 || second < 0 || amount <= second) {
                throw new IllegalArgumentException("expected 5 fields");
            }
            return new TrainingRow(TenantId.of(line.substring(0, first)),
                    UUID.fromString(line.substring(first + 1, second)), line.substring(second + 1, amount),
                    new BigDecimal(line.substring(amount + 1, last)), line.substring(last + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrections line " + number + " (" + line + "): " + e.getMessage(), e);
        }
    }

    private List<TenantId> sharingTenants() {
        return database.inTenant(NO_TENANT, jdbc -> {
            // no tenant's rows are visible under the nil tenant; the scope admits the opted-in tenants' rows only
            jdbc.sql("select set_config('app.scope', 'training-export', true)").query(String.class).single();
            return jdbc.sql("select tenant_id from tenants where share_corrections_for_training order by tenant_id")
                    .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class))).list();
        });
    }

    private static List<TrainingRow> notYetUsed(JdbcClient jdbc, TenantId tenant) {
        return jdbc.sql("""
                select k.correction_id, concat_ws(' ', t.merchant_name, t.description), t.amount,
                       coalesce(c.standard_code, k.new_category_code)
                  from corrections k
                  join transactions t on t.tenant_id = k.tenant_id and t.transaction_id = k.transaction_id
                  left join categories c on c.tenant_id = k.tenant_id and c.code = k.new_category_code
                 where k.used_in_model_version is null
                 order by k.corrected_at, k.correction_id""")
                .query((rs, n) -> new TrainingRow(tenant, rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getBigDecimal(3), rs.getString(4)))
                .list();
    }
}
