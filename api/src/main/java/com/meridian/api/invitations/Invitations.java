package com.meridian.api.invitations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.security.Role;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Invitations of people into a tenant. The token {@code <tenant id>.<secret>} is shown once; only a SHA-256
 * of the secret is stored (the secret is 256 random bits, so a fast hash is enough). A token works once,
 * until it expires or is revoked; accepting it creates the tenant user with the invited role.
 */
@Service
public class Invitations {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final SecureRandom random = new SecureRandom();
    private final TenantDatabase database;

    public Invitations(TenantDatabase database) {
        this.database = database;
    }

    public record Invitation(UUID invitationId, String email, Role role, OffsetDateTime expiresAt,
            OffsetDateTime acceptedAt, OffsetDateTime revokedAt) {
    }

    public record IssuedInvitation(UUID invitationId, String token, OffsetDateTime expiresAt) {
    }

    public record Accepted(TenantId tenant, UUID userId, String email, Role role) {
    }

    /** @param invitedBy the inviting actor, as the audit log names it ({@code api_key:mk_...}, {@code user:<subject>}) */
    public IssuedInvitation invite(TenantId tenant, String email, Role role, String invitedBy) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return database.inTenant(tenant, db -> db.sql("""
                        insert into user_invitations (tenant_id, email, role, token_hash, invited_by_actor, expires_at)
                        values (?, ?, ?, ?, ?, now() + make_interval(secs => ?)) returning invitation_id, expires_at""")
                .params(tenant.value(), email.toLowerCase(), role.databaseValue(), sha256(encoded), invitedBy, VALIDITY.toSeconds())
                .query((rs, n) -> new IssuedInvitation(rs.getObject(1, UUID.class), tenant + "." + encoded,
                        rs.getObject(2, OffsetDateTime.class)))
                .single());
    }

    public List<Invitation> list(TenantId tenant) {
        return database.inTenant(tenant, db -> db.sql("""
                        select invitation_id, email, role, expires_at, accepted_at, revoked_at from user_invitations
                        order by created_at desc""")
                .query((rs, n) -> new Invitation(rs.getObject(1, UUID.class), rs.getString(2), Role.fromDatabase(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
                .list());
    }

    public boolean revoke(TenantId tenant, UUID invitationId) {
        return database.inTenant(tenant, db -> db.sql("""
                        update user_invitations set revoked_at = now()
                        where invitation_id = ? and revoked_at is null and accepted_at is null""")
                .param(invitationId).update()) == 1;
    }

    /** Redeems a token once; any unusable token gets the same answer, so nothing about it leaks. */
    public Accepted accept(String token, String displayName) {
        int dot = token == null ? -1 : token.indexOf('.');
        Optional<TenantId> tenant = dot < 0 ? Optional.empty() : parseTenant(token.substring(0, dot));
        if (tenant.isEmpty()) {
            throw unusable();
        }
        byte[] hash = sha256(token.substring(dot + 1));
        return database.inTenant(tenant.get(), db -> db.sql("""
                        update user_invitations set accepted_at = now()
                        where token_hash = ? and accepted_at is null and revoked_at is null and expires_at > now()
                        returning email, role""")
                .param(hash)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .map(invited -> new Accepted(tenant.get(), db.sql("""
                                insert into tenant_users (tenant_id, email, display_name, role) values (?, ?, ?, ?)
                                on conflict (tenant_id, email) do update set role = excluded.role, status = 'active',
                                    display_name = coalesce(excluded.display_name, tenant_users.display_name), updated_at = now()
                                returning user_id""")
                        .params(tenant.get().value(), invited[0], displayName, invited[1]).query(UUID.class).single(),
                        invited[0], Role.fromDatabase(invited[1])))
                .orElseThrow(Invitations::unusable));
    }

    private static Optional<TenantId> parseTenant(String text) {
        try {
            return Optional.of(TenantId.of(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ApiException unusable() {
        return new ApiException(ErrorCode.INVITATION_UNUSABLE, "This invitation cannot be used: it is unknown, expired, revoked or already used.");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
