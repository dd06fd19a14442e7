package com.meridian.api.apikeys;

import com.meridian.api.security.Role;
import java.util.UUID;

/** A newly issued key. {@code plaintext} exists only here: it is shown once and never stored. */
public record IssuedApiKey(UUID keyId, String prefix, String plaintext, Role role) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + keyId + ", " + prefix + ", " + role + "]";
    }
}
