package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.meridian.api.security.Role;
import com.meridian.localstack.LocalStack;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.JsonNode;

/**
 * The audit verification endpoint finds every kind of tampering with a tenant's chain: a changed entry, an entry
 * removed inside the chain, and entries removed from its end, which the hash chain alone cannot show. Tampering
 * is done as the database superuser, the only one who can (with the append-only trigger switched off).
 */
class AuditChainIT extends ApiTestBase {

    @Autowired
    LocalStack stack;

    @Autowired
    TenantDatabase database;

    private TenantId tenant;
    private String owner;

    @BeforeEach
    void tenantWithFiveEntries() throws Exception {
        tenant = newTenant("audit");
        owner = keyFor(tenant, Role.OWNER);
        for (int i = 0; i < 5; i++) {
            assertThat(post("/v1/api-keys", owner, "{\"name\":\"k" + i + "\",\"role\":\"VIEWER\"}").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void anUntouchedChainVerifiesUpToItsHead() throws Exception {
        JsonNode verdict = body(get("/v1/audit/verification", owner));

        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(verdict.get("problem").isNull()).isTrue();
        assertThat(verdict.get("entries").asLong()).isEqualTo(5);
        assertThat(verdict.get("headSeq").asLong()).isEqualTo(5);
    }

    @Test
    void entriesDeletedFromTheEndOfTheChainAreReported() throws Exception {
        tamper("delete from audit_log where tenant_id = '" + tenant + "' and seq >= 4");

        JsonNode verdict = body(get("/v1/audit/verification", owner));

        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenSeq").asLong()).isEqualTo(4);
        assertThat(verdict.get("problem").asString()).isEqualTo("entries missing at the end of the chain");
        assertThat(verdict.get("entries").asLong()).isEqualTo(3);
        assertThat(verdict.get("headSeq").asLong()).isEqualTo(5);
    }

    @Test
    void aTruncatedChainStaysBrokenWhenNewEntriesFollow() throws Exception {
        tamper("delete from audit_log where tenant_id = '" + tenant + "' and seq = 5");
        post("/v1/api-keys", owner, "{\"name\":\"after\",\"role\":\"VIEWER\"}");

        JsonNode verdict = body(get("/v1/audit/verification", owner));

        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenSeq").asLong()).as("the new entry links to the lost one").isEqualTo(6);
    }

    @Test
    void theWholeChainDeletedIsReported() throws Exception {
        tamper("delete from audit_log where tenant_id = '" + tenant + "'");

        JsonNode verdict = body(get("/v1/audit/verification", owner));

        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenSeq").asLong()).isEqualTo(1);
        assertThat(verdict.get("entries").asLong()).isZero();
    }

    @Test
    void changedAndMiddleEntriesAreStillReported() throws Exception {
        tamper("update audit_log set action = 'api_key.viewed' where tenant_id = '" + tenant + "' and seq = 2");
        assertThat(body(get("/v1/audit/verification", owner)).get("firstBrokenSeq").asLong()).isEqualTo(2);

        TenantId other = newTenant("audit-mid");
        String otherOwner = keyFor(other, Role.OWNER);
        for (int i = 0; i < 3; i++) {
            post("/v1/api-keys", otherOwner, "{\"name\":\"m" + i + "\",\"role\":\"VIEWER\"}");
        }
        tamper("delete from audit_log where tenant_id = '" + other + "' and seq = 2");
        JsonNode verdict = body(get("/v1/audit/verification", otherOwner));

        assertThat(verdict.get("firstBrokenSeq").asLong()).isEqualTo(3);
        assertThat(verdict.get("problem").asString()).isEqualTo("entry changed or missing");
    }

    @Test
    void theApplicationCannotMoveItsChainHead() {
        assertThatThrownBy(() -> database.inTenantRun(tenant, db -> db.sql("update audit_chain_heads set last_seq = 3").update()))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> database.inTenantRun(tenant, db -> db.sql("delete from audit_chain_heads").update()))
                .rootCause().hasMessageContaining("permission denied");
    }

    private void tamper(String sql) throws Exception {
        try (Connection superuser = DriverManager.getConnection(stack.database().jdbcUrl(), stack.postgres().superuser(), "");
                Statement statement = superuser.createStatement()) {
            // switched off and on again in one transaction, so no other test ever sees the log unprotected
            superuser.setAutoCommit(false);
            statement.execute("alter table audit_log disable trigger audit_log_append_only");
            statement.execute(sql);
            statement.execute("alter table audit_log enable trigger audit_log_append_only");
            superuser.commit();
        }
    }
}
