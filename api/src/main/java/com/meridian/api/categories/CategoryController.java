package com.meridian.api.categories;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.meridian.api.audit.AuditTrail;
import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.security.Caller;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The categories a tenant can use: the standard taxonomy (Plaid's personal finance categories) and the tenant's
 * own, each mapped to a standard one so reports stay comparable.
 */
@RestController
public class CategoryController {

    private final TenantDatabase database;
    private final AuditTrail audit;
    // read on every screen that shows a category, changed rarely: cached per tenant, dropped at once on this
    // instance when the tenant adds one, within the cache's ttl (ReferenceCacheProperties) on the others
    private final Cache<TenantId, List<Category>> categoriesByTenant;

    public CategoryController(TenantDatabase database, AuditTrail audit, ReferenceCacheProperties cache) {
        this.database = database;
        this.audit = audit;
        this.categoriesByTenant = Caffeine.newBuilder().expireAfterWrite(cache.ttl()).maximumSize(cache.maxTenants()).build();
    }

    /** {@code standardCode} is the category itself for a standard one, the mapped one for a tenant's own. */
    public record Category(String code, String name, String primaryCode, String standardCode, boolean custom) {
    }

    public record NewCategory(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String code,
            @NotBlank @Size(max = 200) String name, @NotBlank String standardCode) {
    }

    @GetMapping("/v1/categories")
    public List<Category> list(@AuthenticationPrincipal Caller caller) {
        return categoriesByTenant.get(caller.tenant(), this::read);
    }

    private List<Category> read(TenantId tenant) {
        return List.copyOf(database.inTenant(tenant, db -> db.sql("""
                        select code, description, primary_code, code, false from standard_categories
                        union all
                        select c.code, c.name, s.primary_code, c.standard_code, true
                        from categories c join standard_categories s on s.code = c.standard_code where not c.archived
                        order by 5, 3, 1""")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list()));
    }

    @PostMapping("/v1/categories")
    @ResponseStatus(HttpStatus.CREATED)
    public Category create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewCategory request) {
        Category created = database.inTenant(caller.tenant(), db -> {
            String primary = db.sql("select primary_code from standard_categories where code = ?").param(request.standardCode())
                    .query(String.class).optional()
                    .orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_FAILED, "standardCode is not a standard category"));
            if (db.sql("select count(*) from standard_categories where code = ?").param(request.code()).query(Long.class).single() > 0) {
                throw new ApiException(ErrorCode.CONFLICT, "code is a standard category already");
            }
            db.sql("insert into categories (tenant_id, code, name, standard_code) values (?, ?, ?, ?)")
                    .params(caller.tenant().value(), request.code(), request.name(), request.standardCode()).update();
            return new Category(request.code(), request.name(), primary, request.standardCode(), true);
        });
        categoriesByTenant.invalidate(caller.tenant());
        audit.record(caller.tenant(), "category.created", "category", request.code(), Map.of("standardCode", request.standardCode()));
        return created;
    }
}
