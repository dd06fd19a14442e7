package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.meridian.api.security.Role;
import com.meridian.categorizer.corrections.TrainingCorrections;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;

/**
 * The opt-in to share a tenant's corrections with the common model: off by default, changed by the owner or an
 * admin only, stored where the training export reads it, audited, and one tenant's choice never touches another.
 */
class CorrectionSharingIT extends ApiTestBase {

    private static final String PATH = "/v1/tenant/correction-sharing";

    @Autowired
    TenantDatabase database;

    @Test
    void offByDefaultAndTheOwnersChoiceIsStoredAndAudited() throws Exception {
        TenantId tenant = newTenant("share");
        String owner = keyFor(tenant, Role.OWNER);
        TenantId other = newTenant("share-other");
        TrainingCorrections training = new TrainingCorrections(database);

        JsonNode before = body(get(PATH, owner));
        HttpResponse<String> optIn = put(PATH, owner, "{\"shareCorrectionsForTraining\":true}");

        assertThat(before.get("shareCorrectionsForTraining").asBoolean()).isFalse();
        assertThat(before.get("changedAt").isNull()).isTrue();
        assertThat(optIn.statusCode()).isEqualTo(200);
        assertThat(body(optIn).get("shareCorrectionsForTraining").asBoolean()).isTrue();
        assertThat(body(optIn).get("changedAt").isNull()).isFalse();
        assertThat(training.sharing(tenant)).as("what the training export reads").isTrue();
        assertThat(training.sharing(other)).as("another tenant").isFalse();
        assertThat(body(get(PATH, keyFor(other, Role.OWNER))).get("shareCorrectionsForTraining").asBoolean()).isFalse();
        assertThat(body(get("/v1/audit", owner)).toString()).contains("tenant.correction_sharing_changed");

        put(PATH, keyFor(tenant, Role.ADMIN), "{\"shareCorrectionsForTraining\":false}");

        assertThat(training.sharing(tenant)).as("opted out by an admin").isFalse();
    }

    @Test
    void onlyOwnersAndAdminsSeeOrChangeIt() throws Exception {
        TenantId tenant = newTenant("share-roles");

        for (Role role : new Role[] {Role.ANALYST, Role.VIEWER, Role.INTEGRATION}) {
            String key = keyFor(tenant, role);
            assertThat(get(PATH, key).statusCode()).as(role.name()).isEqualTo(403);
            assertThat(put(PATH, key, "{\"shareCorrectionsForTraining\":true}").statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(new TrainingCorrections(database).sharing(tenant)).isFalse();
    }

    @Test
    void anUnclearChoiceIsRefused() throws Exception {
        String owner = keyFor(newTenant("share-bad"), Role.OWNER);

        assertThat(put(PATH, owner, "{}").statusCode()).as("no choice").isEqualTo(400);
        assertThat(put(PATH, owner, "{\"shareCorrections\":true}").statusCode()).as("misspelt").isEqualTo(400);
        assertThat(put(PATH, owner, "{\"shareCorrectionsForTraining\":\"maybe\"}").statusCode()).isEqualTo(400);
    }
}
