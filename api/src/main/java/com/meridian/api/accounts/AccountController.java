package com.meridian.api.accounts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.audit.AuditTrail;
import com.meridian.api.errors.ApiException;
import com.meridian.api.security.Caller;
import com.meridian.tenancy.TenantDatabase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The tenant's bank accounts. Feeds and imports only accept transactions of accounts registered here. */
@RestController
public class AccountController {

    private final TenantDatabase database;
    private final AuditTrail audit;

    public AccountController(TenantDatabase database, AuditTrail audit) {
        this.database = database;
        this.audit = audit;
    }

    public record Account(UUID accountId, String name, String iban, String accountNumber, String bankIdentifier,
            String currency, String externalRef, String status, OffsetDateTime createdAt) {
    }

    public record NewAccount(@NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", message = "must be an IBAN without spaces") String iban,
            @Size(max = 64) String accountNumber, @Size(max = 64) String bankIdentifier,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Size(max = 200) String externalRef) {
    }

    @GetMapping("/v1/accounts")
    @PreAuthorize("!hasRole('INTEGRATION')")
    public List<Account> list(@AuthenticationPrincipal Caller caller) {
        return database.inTenant(caller.tenant(), db -> db.sql(SELECT + " order by created_at, account_id")
                .query((rs, n) -> map(rs)).list());
    }

    @GetMapping("/v1/accounts/{accountId}")
    @PreAuthorize("!hasRole('INTEGRATION')")
    public Account one(@AuthenticationPrincipal Caller caller, @PathVariable UUID accountId) {
        return database.inTenant(caller.tenant(), db -> db.sql(SELECT + " where account_id = ?").param(accountId)
                .query((rs, n) -> map(rs)).optional()).orElseThrow(() -> ApiException.notFound("account"));
    }

    @PostMapping("/v1/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    public Account create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewAccount request) {
        UUID id = database.inTenant(caller.tenant(), db -> db.sql("""
                        insert into bank_accounts (tenant_id, name, iban, account_number, bank_identifier, currency, external_ref)
                        values (?, ?, ?, ?, ?, ?, ?) returning account_id""")
                .params(caller.tenant().value(), request.name(), request.iban(), request.accountNumber(),
                        request.bankIdentifier(), request.currency(), request.externalRef())
                .query(UUID.class).single());
        audit.record(caller.tenant(), "account.created", "account", id.toString(), Map.of("currency", request.currency()));
        return one(caller, id);
    }

    private static final String SELECT = """
            select account_id, name, iban, account_number, bank_identifier, currency, external_ref, status, created_at
            from bank_accounts""";

    private static Account map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class));
    }
}
