package com.meridian.api.invitations;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.meridian.api.security.Role;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The tenant's members that are bound to a person's sign-in: the OIDC subject ({@code sub}) of the token that
 * accepted their invitation ({@code tenant_users.oidc_subject}).
 *
 * <p>Business rules: a membership belongs to the subject that accepted it and to no other, whatever the other
 * token's claims say. Looked up on every request that carries a person's token, so each instance caches the answer
 * (also "not a member") for {@link #CACHE_TTL}; the instance that binds a member forgets its answer at once.
 */
@Service
public class Members {

    static final Duration CACHE_TTL = Duration.ofSeconds(10);

    private final TenantDatabase database;
    private final LoadingCache<Binding, Optional<Member>> bound;

    public Members(TenantDatabase database) {
        this.database = database;
        this.bound = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL).maximumSize(100_000).build(this::read);
    }

    /** A member of the tenant: the role the tenant granted, and whether the membership is active. */
    public record Member(UUID userId, Role role, boolean active) {
    }

    private record Binding(TenantId tenant, String subject) {
    }

    /** The member of {@code tenant} bound to {@code subject}, if any. */
    public Optional<Member> boundTo(TenantId tenant, String subject) {
        return bound.get(new Binding(tenant, subject));
    }

    void forget(TenantId tenant, String subject) {
        bound.invalidate(new Binding(tenant, subject));
    }

    private Optional<Member> read(Binding binding) {
        return database.inTenant(binding.tenant(), db -> db.sql("select user_id, role, status from tenant_users where oidc_subject = ?")
                .param(binding.subject())
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), Role.fromDatabase(rs.getString(2)), "active".equals(rs.getString(3))))
                .optional());
    }
}
