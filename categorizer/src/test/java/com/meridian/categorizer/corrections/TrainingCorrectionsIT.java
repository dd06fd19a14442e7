package com.meridian.categorizer.corrections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.meridian.categorizer.CategorizerTestApplication;
import com.meridian.categorizer.corrections.TrainingCorrections.TrainingRow;
import com.meridian.localstack.LocalStackTestConfiguration;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Against a real PostgreSQL with row-level security: only the corrections of tenants that opted in leave their
 * tenant for the common model's training, each at most once, marked with the model version that used it.
 */
@SpringBootTest(classes = CategorizerTestApplication.class)
@Import(LocalStackTestConfiguration.class)
class TrainingCorrectionsIT {

    @Autowired
    TrainingCorrections training;

    @Autowired
    CorrectionRecorder corrections;

    @Autowired
    TenantDatabase database;

    TenantId sharing;
    TenantId notSharing;
    UUID user = UUID.randomUUID();

    @BeforeEach
    void twoTenantsOneOptedIn() {
        sharing = newTenant();
        notSharing = newTenant();
        training.setSharing(sharing, true, user);
    }

    @Test
    void aTenantSharesNothingUntilItOptsIn() {
        assertThat(training.sharing(notSharing)).isFalse();
        assertThat(training.sharing(sharing)).isTrue();
        String changedBy = database.inTenant(sharing, jdbc -> jdbc.sql(
                "select share_corrections_changed_by::text from tenants").query(String.class).single());
        assertThat(changedBy).isEqualTo(user.toString());
    }

    @Test
    void onlyOptedInTenantsCorrectionsAreExportedAndEachIsMarkedWithTheModelThatUsedIt(@TempDir Path dir)
            throws Exception {
        // given: a correction in each tenant; the sharing tenant's names its own category
        database.inTenantRun(sharing, jdbc -> jdbc.sql("""
                insert into categories (tenant_id, code, name, standard_code)
                values (current_setting('app.tenant_id')::uuid, 'TEAM_LUNCH', 'Team lunch', 'FOOD_AND_DRINK_RESTAURANT')""")
                .update());
        UUID shared = correct(sharing, "Kartenzahlung Trattoria Sole Berlin", "TEAM_LUNCH");
        UUID kept = correct(notSharing, "SEPA-Lastschrift Geheimfirma Beratung", "GENERAL_SERVICES_CONSULTING");
        Path file = dir.resolve("corrections.csv");

        // when: exported
        String exported = CorrectionsForTrainingCommand.run(training, "export", file.toString());

        // then: the opted-in tenant's correction, with the standard code of its own category; nothing of the other
        List<TrainingRow> rows = TrainingCorrections.read(file);
        assertThat(exported).contains("written to");
        assertThat(rows).filteredOn(r -> r.tenant().equals(sharing)).singleElement().satisfies(r -> {
            assertThat(r.correctionId()).isEqualTo(shared);
            assertThat(r.text()).isEqualTo("Kartenzahlung Trattoria Sole Berlin");
            assertThat(r.amount()).isEqualByComparingTo("-30.00");
            assertThat(r.categoryCode()).isEqualTo("FOOD_AND_DRINK_RESTAURANT");
        });
        assertThat(rows).noneMatch(r -> r.tenant().equals(notSharing) || r.correctionId().equals(kept));
        assertThat(Files.readString(file)).doesNotContain("Geheimfirma");

        // when: a training run used them
        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\"version\": \"pfc1-mlp-0123456789ab\"}");
        String marked = CorrectionsForTrainingCommand.run(training, "mark-used", file.toString(), model.toString());

        // then: the shared correction names that model and is not exported again; the other tenant's is untouched
        assertThat(marked).contains("marked as used in model pfc1-mlp-0123456789ab");
        assertThat(usedIn(sharing, shared)).isEqualTo("pfc1-mlp-0123456789ab");
        assertThat(usedIn(notSharing, kept)).isNull();
        assertThat(training.notYetUsed()).noneMatch(r -> r.correctionId().equals(shared));
        assertThat(training.markUsed(rows, "pfc1-mlp-later")).as("a correction trains one model").isZero();
        assertThat(usedIn(sharing, shared)).isEqualTo("pfc1-mlp-0123456789ab");
    }

    @Test
    void aTenantThatOptsOutStopsSharingItsNextCorrections() {
        training.setSharing(sharing, false, user);
        UUID afterOptOut = correct(sharing, "BEA Kapsalon Knip Utrecht", "PERSONAL_CARE_HAIR_AND_BEAUTY");

        assertThat(training.notYetUsed())
                .noneMatch(r -> r.tenant().equals(sharing) || r.correctionId().equals(afterOptOut));
    }

    private UUID correct(TenantId tenant, String description, String category) {
        UUID transaction = database.inTenant(tenant, jdbc -> jdbc.sql("""
                insert into transactions (tenant_id, account_id, source, fingerprint, booking_date, amount, currency,
                                          description, category_code, category_confidence, model_version,
                                          categorized_by)
                values (?, ?, 'feed', ?, date '2026-11-20', ?, 'EUR', ?, 'GENERAL_MERCHANDISE', 0.55, 'pfc1-mlp-test',
                        'model')
                returning transaction_id""")
                .params(tenant.value(), tenant.value(), UUID.randomUUID().toString(), new BigDecimal("-30.00"),
                        description)
                .query(UUID.class).single());
        return corrections.record(tenant, transaction, category, user).correctionId();
    }

    private String usedIn(TenantId tenant, UUID correction) {
        return database.inTenant(tenant, jdbc -> jdbc.sql(
                "select used_in_model_version from corrections where correction_id = ?").param(correction)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null));
    }

    private TenantId newTenant() {
        TenantId tenant = TenantId.random();
        database.inTenantRun(tenant, jdbc -> {
            jdbc.sql("insert into tenants (tenant_id, slug, name) values (?, ?, 'Training corrections test')")
                    .params(tenant.value(), "tc-" + tenant.value()).update();
            jdbc.sql("insert into bank_accounts (tenant_id, account_id, name, currency) values (?, ?, 'Giro', 'EUR')")
                    .params(tenant.value(), tenant.value()).update();
        });
        return tenant;
    }
}
