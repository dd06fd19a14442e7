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

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.security.Role;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Invitations of people into a tenant. The token {@code <tenant id>.<secret>} is shown once; only a SHA-256
 * of the secret is stored (the secret is 256 random bits, so a fast hash is enough). A token works once,
 * until it expires or is revoked; accepting it creates the tenant user with the invited role, bound to the OIDC
 * subject of the person who accepted (see {@link Members}).
 */
@Service
public class Invitations {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final SecureRandom random = new SecureRandom();
    private final TenantDatabase database;
    private final Members members;

    public Invitations(TenantDatabase database, Members members) {
        this.database = database;
        this.members = members;
    }

    public record Invitation(UUID invitationId, String email, Role role, OffsetDateTime expiresAt,
            OffsetDateTime acceptedAt, OffsetDateTime revokedAt) {
    }

    public record IssuedInvitation(UUID invitationId, String token, OffsetDateTime expiresAt) {
    }

    /** @param oidcSubject the subject of the token that accepted: the only sign-in this membership belongs to */
    public record Accepted(TenantId tenant, UUID userId, String email, Role role, String oidcSubject) {
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

    /**
     * Redeems a token once and binds the membership to the OIDC subject of the person redeeming it. Any unusable
     * token gets the same answer, so nothing about it leaks. A membership already bound to another subject, or an
     * owner's, is never taken over: that is a conflict, and the invitation stays pending for its rightful person.
     */
    public Accepted accept(String token, String displayName, String subject) {
        int dot = token == null ? -1 : token.indexOf('.');
        Optional<TenantId> tenant = dot < 0 ? Optional.empty() : parseTenant(token.substring(0, dot));
        if (tenant.isEmpty()) {
            throw unusable();
        }
        byte[] hash = sha256(token.substring(dot + 1));
        Accepted accepted;
        try {
            accepted = database.inTenant(tenant.get(), db -> {
                String[] invited = db.sql("""
                                update user_invitations set accepted_at = now()
                                where token_hash = ? and accepted_at is null and revoked_at is null and expires_at > now()
                                returning email, role""")
                        .param(hash)
                        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                        .optional()
                        .orElseThrow(Invitations::unusable);
                UUID userId = bind(db, tenant.get(), invited[0], invited[1], displayName, subject)
                        .orElseThrow(() -> boundElsewhere(db, invited[0], subject));
                return new Accepted(tenant.get(), userId, invited[0], Role.fromDatabase(invited[1]), subject);
            });
        } catch (DuplicateKeyException e) {
            // the subject's own membership under another email (tenant_users_oidc_subject), perhaps accepted concurrently
            throw new ApiException(ErrorCode.MEMBERSHIP_CONFLICT,
                    "Your sign-in is already a member of this tenant under another email address.");
        }
        members.forget(tenant.get(), subject);
        return accepted;
    }

    // the update only takes a row that is unbound or bound to this very subject, and never an owner's
    private static Optional<UUID> bind(JdbcClient db, TenantId tenant, String email, String role, String displayName, String subject) {
        return db.sql("""
                        insert into tenant_users (tenant_id, email, display_name, role, oidc_subject) values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, email) do update set role = excluded.role, status = 'active',
                            oidc_subject = excluded.oidc_subject,
                            display_name = coalesce(excluded.display_name, tenant_users.display_name), updated_at = now()
                        where tenant_users.role <> 'owner'
                          and (tenant_users.oidc_subject is null or tenant_users.oidc_subject = excluded.oidc_subject)
                        returning user_id""")
                .params(tenant.value(), email, displayName, role, subject).query(UUID.class).optional();
    }

    private static ApiException boundElsewhere(JdbcClient db, String email, String subject) {
        boolean owner = db.sql("select role = 'owner' from tenant_users where email = ?").param(email).query(Boolean.class).single();
        return new ApiException(ErrorCode.MEMBERSHIP_CONFLICT, owner
                ? "This invitation is for the owner's email address; ownership is never changed by invitation."
                : "The membership of this email address is bound to another sign-in; ask the tenant's admins for a new invitation.");
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
