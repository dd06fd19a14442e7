package com.meridian.tenancy;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The identity of a tenant. Every tenant-scoped operation takes one explicitly; there is no ambient
 * "current tenant" that could leak from one request or record into the next.
 */
public record TenantId(@JsonValue UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
