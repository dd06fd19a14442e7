package com.meridian.api.invitations;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.meridian.api.audit.AuditTrail;
import com.meridian.api.errors.ApiException;
import com.meridian.api.errors.ErrorCode;
import com.meridian.api.security.Caller;
import com.meridian.api.security.Invitee;
import com.meridian.api.security.Role;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Inviting people into a tenant (owners and admins), and accepting an invitation (a person signed in with the
 * identity provider who holds its token). Invitations can grant admin, analyst or viewer; ownership is never handed out
 * by invitation.
 */
@RestController
public class InvitationController {

    private final Invitations invitations;
    private final AuditTrail audit;

    public InvitationController(Invitations invitations, AuditTrail audit) {
        this.invitations = invitations;
        this.audit = audit;
    }

    public record Invite(@NotBlank @Email @Size(max = 254) String email, @NotNull Role role) {
    }

    public record Acceptance(@NotBlank @Size(max = 200) String token, @Size(max = 200) String displayName) {
    }

    @PostMapping("/v1/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    public Invitations.IssuedInvitation invite(@AuthenticationPrincipal Caller caller, @Valid @RequestBody Invite request) {
        if (!List.of(Role.ADMIN, Role.ANALYST, Role.VIEWER).contains(request.role())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invitations grant ADMIN, ANALYST or VIEWER.");
        }
        Invitations.IssuedInvitation issued = invitations.invite(caller.tenant(), request.email(), request.role(),
                caller.actorType() + ":" + caller.actorId());
        audit.record(caller.tenant(), "invitation.created", "invitation", issued.invitationId().toString(),
                Map.of("email", request.email().toLowerCase(), "role", request.role().name()));
        return issued;
    }

    @GetMapping("/v1/invitations")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    public List<Invitations.Invitation> list(@AuthenticationPrincipal Caller caller) {
        return invitations.list(caller.tenant());
    }

    @DeleteMapping("/v1/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    public void revoke(@AuthenticationPrincipal Caller caller, @PathVariable UUID invitationId) {
        if (!invitations.revoke(caller.tenant(), invitationId)) {
            throw ApiException.notFound("pending invitation");
        }
        audit.record(caller.tenant(), "invitation.revoked", "invitation", invitationId.toString(), Map.of());
    }

    /**
     * Accepting needs the invitation token and the invitee's own OIDC access token (any tenant or role claims, or
     * none): the membership is bound to that token's subject, and later tokens of any other subject are never taken
     * for this member.
     */
    @PostMapping("/v1/invitation-acceptances")
    public Invitations.Accepted accept(@AuthenticationPrincipal Invitee invitee, @Valid @RequestBody Acceptance request) {
        Invitations.Accepted accepted = invitations.accept(request.token(), request.displayName(), invitee.subject());
        audit.record(accepted.tenant(), "invitation.accepted", "user", accepted.userId().toString(),
                Map.of("email", accepted.email(), "role", accepted.role().name()));
        return accepted;
    }
}
