package com.meridian.api.security;

/**
 * A person accepting an invitation: signed in with the identity provider (a verified OIDC token), not yet a member
 * of the tenant, so with no Meridian role. The principal of {@code POST /v1/invitation-acceptances} only.
 *
 * @param subject the token's {@code sub}, which the accepted membership is bound to
 */
public record Invitee(String subject) {
}
