package com.meridian.api.apikeys;

import com.meridian.api.security.Caller;
import com.meridian.api.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * Issues and verifies API keys of the form {@code mk_<prefix>.<secret>}.
 *
 * <p>Only HMAC-SHA-256(pepper, secret) is stored. The prefix is public and random; it finds the key row
 * before the tenant is known, through the read-only {@code api_key_lookup_by_prefix} policy, which admits
 * exactly the row named by the transaction-local {@code app.api_key_prefix} setting. Looked-up keys (and unknown
 * prefixes) are cached per instance for {@link #CACHE_TTL}, so a busy client costs no database round trip.
 */
@Service
public class ApiKeys {

    /** Every API key starts with this; OIDC tokens never do. */
    public static final String PREFIX = "mk_";

    private static final Pattern KEY = Pattern.compile("(mk_[A-Za-z0-9]{20})\\.([A-Za-z0-9_-]{43})");
    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** How long an instance trusts a looked-up key; bounds how late a revocation reaches other instances. */
    static final Duration CACHE_TTL = Duration.ofSeconds(10);
    /** A busy key is re-read in the background this often, so no request waits for the database on expiry. */
    private static final Duration CACHE_REFRESH = Duration.ofSeconds(5);

    private final SecureRandom random = new SecureRandom();
    private final LoadingCache<String, Optional<StoredKey>> keysByPrefix = Caffeine.newBuilder()
            .refreshAfterWrite(CACHE_REFRESH).expireAfterWrite(CACHE_TTL).maximumSize(100_000)
            .build(this::loadAndRecordUse);
    private final TenantDatabase tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecretKeySpec pepper;

    public ApiKeys(TenantDatabase tenants, DataSource dataSource, PlatformTransactionManager transactionManager,
                   ApiKeyProperties properties) {
        this.tenants = tenants;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.pepper = new SecretKeySpec(properties.pepper().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Creates a key for {@code tenant}; the returned plaintext is the only copy there will ever be. */
    public IssuedApiKey issue(TenantId tenant, String name, Role role) {
        String prefix = "mk_" + randomAlphanumeric(20);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        UUID keyId = tenants.inTenant(tenant, db -> db.sql("""
                        insert into api_keys (tenant_id, key_prefix, secret_hash, name, role)
                        values (?, ?, ?, ?, ?) returning api_key_id""")
                .params(tenant.value(), prefix, hash(secret), name, role.databaseValue())
                .query(UUID.class).single());
        return new IssuedApiKey(keyId, prefix, prefix + "." + secret, role);
    }

    /** The tenant's keys, newest first; never their secrets. */
    public List<ApiKeySummary> list(TenantId tenant) {
        return tenants.inTenant(tenant, db -> db.sql(SUMMARY + " order by created_at desc, api_key_id")
                .query(ApiKeys::summary)
                .list());
    }

    /**
     * Issues a successor with the same name and role; the old key keeps working for {@code grace}, so that
     * clients can switch over without an outage.
     */
    public Optional<IssuedApiKey> rotate(TenantId tenant, UUID keyId, Duration grace) {
        return tenants.inTenant(tenant, db -> live(db, keyId).map(old -> {
            IssuedApiKey successor = issue(tenant, old.name(), old.role());
            db.sql("""
                    update api_keys set replaced_by = ?,
                           expires_at = least(coalesce(expires_at, 'infinity'), now() + make_interval(secs => ?))
                    where api_key_id = ?""")
                    .params(successor.keyId(), grace.toSeconds(), keyId).update();
            keysByPrefix.invalidate(old.prefix());
            return successor;
        }));
    }

    /** Revokes the key at once on this instance, within {@link #CACHE_TTL} on the others; true if it was live. */
    public boolean revoke(TenantId tenant, UUID keyId) {
        Optional<String> prefix = tenants.inTenant(tenant, db -> db.sql(
                        "update api_keys set revoked_at = now() where api_key_id = ? and revoked_at is null returning key_prefix")
                .param(keyId).query(String.class).optional());
        prefix.ifPresent(keysByPrefix::invalidate);
        return prefix.isPresent();
    }

    private static Optional<ApiKeySummary> live(JdbcClient db, UUID keyId) {
        return db.sql(SUMMARY + " where api_key_id = ? and revoked_at is null and (expires_at is null or expires_at > now())")
                .param(keyId)
                .query(ApiKeys::summary)
                .optional();
    }

    /** The principal of a valid, unrevoked, unexpired key; empty for anything else. */
    public Optional<Caller> authenticate(String presented) {
        Matcher parts = presented == null ? null : KEY.matcher(presented);
        if (parts == null || !parts.matches()) {
            return Optional.empty();
        }
        String prefix = parts.group(1);
        Optional<StoredKey> stored = keysByPrefix.get(prefix);
        byte[] presentedHash = hash(parts.group(2));
        return stored.filter(key -> MessageDigest.isEqual(key.secretHash(), presentedHash))
                .filter(StoredKey::usable)
                .map(key -> Caller.apiKey(key.tenant(), key.role(), prefix));
    }

    // a cache miss is also the moment to note the key's use: last-used time is for humans, not for every request
    private Optional<StoredKey> loadAndRecordUse(String prefix) {
        Optional<StoredKey> stored = findByPrefix(prefix);
        stored.filter(StoredKey::usable).ifPresent(this::recordUse);
        return stored;
    }

    private Optional<StoredKey> findByPrefix(String prefix) {
        return transactions.execute(status -> {
            jdbc.sql("select set_config('app.api_key_prefix', ?, true)").param(prefix).query(String.class).single();
            return jdbc.sql("""
                            select tenant_id, api_key_id, secret_hash, role,
                                   revoked_at is null and (expires_at is null or expires_at > now()) as usable
                            from api_keys where key_prefix = ?""")
                    .param(prefix)
                    .query((rs, n) -> new StoredKey(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                            rs.getBytes(3), Role.fromDatabase(rs.getString(4)), rs.getBoolean(5)))
                    .optional();
        });
    }

    private void recordUse(StoredKey key) {
        tenants.inTenantRun(key.tenant(), db -> db.sql("""
                        update api_keys set last_used_at = now()
                        where tenant_id = ? and api_key_id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                .params(key.tenant().value(), key.keyId()).update());
    }

    private byte[] hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return mac.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomAlphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)]);
        }
        return text.toString();
    }

    private static final String SUMMARY = """
            select api_key_id, key_prefix, name, role, created_at, expires_at, revoked_at, last_used_at, replaced_by
            from api_keys""";

    private static ApiKeySummary summary(ResultSet rs, int row) throws SQLException {
        return new ApiKeySummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                Role.fromDatabase(rs.getString(4)), rs.getObject(5, OffsetDateTime.class),
                rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, UUID.class));
    }

    private record StoredKey(TenantId tenant, UUID keyId, byte[] secretHash, Role role, boolean usable) {
    }
}
