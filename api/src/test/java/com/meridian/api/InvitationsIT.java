package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.meridian.api.security.Role;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;

/**
 * Invitations: shown once, single use, revocable, expiring, audited, accepted by a person signed in with the
 * identity provider, and bound to that person's subject so that no other sign-in is ever taken for the member.
 */
class InvitationsIT extends ApiTestBase {

    @Autowired
    TenantDatabase database;

    @Test
    void anInvitationCanBeAcceptedExactlyOnce() throws Exception {
        String email = "analyst-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        JsonNode invitation = body(post("/v1/invitations", ownerKey(), "{\"email\":\"" + email + "\",\"role\":\"ANALYST\"}"));
        String token = invitation.get("token").asString();
        String ana = signIn("ana-" + UUID.randomUUID());

        HttpResponse<String> accepted = post("/v1/invitation-acceptances", ana, "{\"token\":\"" + token + "\",\"displayName\":\"Ana\"}");
        HttpResponse<String> again = post("/v1/invitation-acceptances", ana, "{\"token\":\"" + token + "\"}");

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
        String eve = signIn("eve");

        for (String token : new String[] {revoked.get("token").asString(), expired.get("token").asString(), forged, "nonsense"}) {
            assertThat(post("/v1/invitation-acceptances", eve, "{\"token\":\"" + token + "\"}").statusCode()).as(token).isEqualTo(410);
        }
    }

    @Test
    void ownershipIsNeverHandedOutByInvitation() throws Exception {
        HttpResponse<String> owner = post("/v1/invitations", ownerKey(), "{\"email\":\"o@demo.example\",\"role\":\"OWNER\"}");

        assertThat(owner.statusCode()).isEqualTo(400);
    }

    @Test
    void acceptingNeedsAPersonsOwnSignIn() throws Exception {
        TenantId tenant = newTenant("inv-signin");
        String token = invite(tenant, keyFor(tenant, Role.OWNER), "p@signin.example", "VIEWER");
        String operator = TestTokens.token("ops-carol", Map.of("meridian_role", "platform_operator"));

        assertThat(post("/v1/invitation-acceptances", null, "{\"token\":\"" + token + "\"}").statusCode()).as("anonymous").isEqualTo(401);
        assertThat(post("/v1/invitation-acceptances", keyFor(tenant, Role.ADMIN), "{\"token\":\"" + token + "\"}").statusCode())
                .as("an API key").isEqualTo(401);
        assertThat(post("/v1/invitation-acceptances", operator, "{\"token\":\"" + token + "\"}").statusCode())
                .as("a platform operator").isEqualTo(403);
        assertThat(post("/v1/invitation-acceptances", signIn("pat"), "{\"token\":\"" + token + "\"}").statusCode())
                .as("still pending for the person").isEqualTo(200);
    }

    @Test
    void theMembershipBelongsToTheSubjectThatAcceptedIt() throws Exception {
        TenantId tenant = newTenant("inv-bind");
        String owner = keyFor(tenant, Role.OWNER);
        String alice = "alice-" + UUID.randomUUID();
        String mallory = "mallory-" + UUID.randomUUID();
        Map<String, Object> tenantOnly = Map.of("meridian_tenant", tenant.toString());

        JsonNode accepted = body(post("/v1/invitation-acceptances", signIn(alice),
                "{\"token\":\"" + invite(tenant, owner, "alice@bind.example", "ANALYST") + "\"}"));

        assertThat(accepted.get("oidcSubject").asString()).isEqualTo(alice);
        assertThat(subjectOf(tenant, "alice@bind.example")).isEqualTo(alice);
        assertThat(get("/v1/tenant", TestTokens.token(alice, tenantOnly)).statusCode()).as("the member signs in").isEqualTo(200);
        assertThat(get("/v1/api-keys", TestTokens.token(alice, tenantOnly)).statusCode()).as("as an analyst").isEqualTo(403);
        assertThat(get("/v1/tenant", TestTokens.token(mallory, tenantOnly)).statusCode()).as("another subject").isEqualTo(401);
        assertThat(get("/v1/api-keys", TestTokens.token(alice, Map.of("meridian_tenant", tenant.toString(), "meridian_role", "owner")))
                .statusCode()).as("the membership decides, not the role claim").isEqualTo(403);
        assertThat(body(get("/v1/audit", owner)).toString()).contains("invitation.accepted", alice);
    }

    @Test
    void anotherSubjectCannotTakeOverABoundMembershipWithANewInvitation() throws Exception {
        TenantId tenant = newTenant("inv-takeover");
        String owner = keyFor(tenant, Role.OWNER);
        String alice = "alice-" + UUID.randomUUID();
        post("/v1/invitation-acceptances", signIn(alice), "{\"token\":\"" + invite(tenant, owner, "alice@takeover.example", "VIEWER") + "\"}");
        String promotion = invite(tenant, owner, "alice@takeover.example", "ADMIN");

        HttpResponse<String> byMallory = post("/v1/invitation-acceptances", signIn("mallory-" + UUID.randomUUID()),
                "{\"token\":\"" + promotion + "\"}");

        assertThat(byMallory.statusCode()).isEqualTo(409);
        assertThat(body(byMallory).get("code").asString()).isEqualTo("MEMBERSHIP_CONFLICT");
        assertThat(subjectOf(tenant, "alice@takeover.example")).isEqualTo(alice);
        HttpResponse<String> byAlice = post("/v1/invitation-acceptances", signIn(alice), "{\"token\":\"" + promotion + "\"}");
        assertThat(byAlice.statusCode()).as("the invitation stayed pending for her").isEqualTo(200);
        assertThat(body(byAlice).get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void oneSubjectIsOneMemberAndTheOwnersRowIsNeverTakenOver() throws Exception {
        TenantId tenant = newTenant("inv-one");
        String owner = keyFor(tenant, Role.OWNER);
        String bob = signIn("bob-" + UUID.randomUUID());
        post("/v1/invitation-acceptances", bob, "{\"token\":\"" + invite(tenant, owner, "bob@one.example", "VIEWER") + "\"}");
        String ownerEmail = database.inTenant(tenant, db -> db.sql("select email from tenant_users where role = 'owner'").query(String.class).single());

        HttpResponse<String> secondEmail = post("/v1/invitation-acceptances", bob,
                "{\"token\":\"" + invite(tenant, owner, "bob.two@one.example", "ADMIN") + "\"}");
        HttpResponse<String> ownersEmail = post("/v1/invitation-acceptances", signIn("eve-" + UUID.randomUUID()),
                "{\"token\":\"" + invite(tenant, owner, ownerEmail, "ADMIN") + "\"}");

        assertThat(secondEmail.statusCode()).isEqualTo(409);
        assertThat(ownersEmail.statusCode()).isEqualTo(409);
        assertThat(body(ownersEmail).get("code").asString()).isEqualTo("MEMBERSHIP_CONFLICT");
        List<String> roles = database.inTenant(tenant, db -> db.sql("select role from tenant_users order by role").query(String.class).list());
        assertThat(roles).containsExactly("owner", "viewer");
    }

    private String invite(TenantId tenant, String key, String email, String role) throws Exception {
        HttpResponse<String> created = post("/v1/invitations", key, "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return body(created).get("token").asString();
    }

    /** A person's token from the identity provider, with no Meridian claims yet. */
    private static String signIn(String subject) {
        return TestTokens.token(subject, Map.of());
    }

    private String subjectOf(TenantId tenant, String email) {
        return database.inTenant(tenant, db -> db.sql("select oidc_subject from tenant_users where email = ?").param(email)
                .query(String.class).single());
    }
}
