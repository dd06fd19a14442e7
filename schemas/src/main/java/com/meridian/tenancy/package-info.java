/**
 * Tenant identity and tenant-scoped database access. Row-level security in PostgreSQL is the guard;
 * {@link com.meridian.tenancy.TenantDatabase} is how code tells PostgreSQL which tenant a transaction serves.
 */
package com.meridian.tenancy;
