package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.meridian.tenancy.TenantDatabase;

import tools.jackson.databind.JsonNode;

/** Invitations: shown once, single use, revocable, expiring, and audited. */
class InvitationsIT extends ApiTestBase {

    @Autowired
    TenantDatabase database;

    @Test
    void anInvitationCanBeAcceptedExactlyOnce() throws Exception {
        String email = "analyst-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        JsonNode invitation = body(post("/v1/invitations", ownerKey(), "{\"email\":\"" + email + "\",\"role\":\"ANALYST\"}"));
        String token = invitation.get("token").asString();

        HttpResponse<String> accepted = post("/v1/invitation-acceptances", null, "{\"token\":\"" + token + "\",\"displayName\":\"Ana\"}");
        HttpResponse<String> again = post("/v1/invitation-acceptances", null, "{\"token\":\"" + token + "\"}");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(body(accepted).get("role").asString()).isEqualTo("ANALYST");
        assertThat(body(accepted).get("tenant").asString()).isEqualTo(demo.tenant().toString());
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(body(again).get("code").asString()).isEqualTo("INVITATION_UNUSABLE");
        long users = database.inTenant(demo.tenant(), db -> db.sql("select count(*) from tenant_users where email = ? and role = 'analyst'")
                .param(email).query(Long.class).single());
        assertThat(users).isEqualTo(1);
        assertThat(body(get("/v1/audit", ownerKey())).toString()).contains("invitation.created", "invitation.accepted");
    }

    @Test
    void revokedExpiredAndForgedTokensAreRefusedAlike() throws Exception {
        JsonNode revoked = body(post("/v1/invitations", ownerKey(), "{\"email\":\"r@demo.example\",\"role\":\"VIEWER\"}"));
        delete("/v1/invitations/" + revoked.get("invitationId").asString(), ownerKey());
        JsonNode expired = body(post("/v1/invitations", ownerKey(), "{\"email\":\"e@demo.example\",\"role\":\"VIEWER\"}"));
        database.inTenantRun(demo.tenant(), db -> db.sql("update user_invitations set expires_at = now() - interval '1 second' where invitation_id = ?")
                .param(UUID.fromString(expired.get("invitationId").asString())).update());
        String forged = demo.tenant() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        for (String token : new String[] {revoked.get("token").asString(), expired.get("token").asString(), forged, "nonsense"}) {
            assertThat(post("/v1/invitation-acceptances", null, "{\"token\":\"" + token + "\"}").statusCode()).as(token).isEqualTo(410);
        }
    }

    @Test
    void ownershipIsNeverHandedOutByInvitation() throws Exception {
        HttpResponse<String> owner = post("/v1/invitations", ownerKey(), "{\"email\":\"o@demo.example\",\"role\":\"OWNER\"}");

        assertThat(owner.statusCode()).isEqualTo(400);
    }
}
