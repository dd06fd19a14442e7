/**
 * Kafka event contracts: one immutable record per key or value type, each with a versioned JSON Schema under
 * {@code events/} on the classpath.
 *
 * <p>Wire format rules, shared by every type here and enforced by {@link com.meridian.schemas.events.EventJson}:
 * <ul>
 *   <li>Amounts are {@link java.math.BigDecimal} and travel as JSON strings ({@code "-12.50"}) with the scale the
 *       bank sent. No amount ever goes through {@code double} or {@code float}: not in a record, not in a JSON
 *       number, not in a reader. Contracts never round; scaling by currency happens downstream, in one place.</li>
 *   <li>Dates and instants are ISO-8601 strings; absent optional fields are omitted rather than written as null.</li>
 *   <li>Compatibility within a {@code .v1} topic is additive only: new optional fields may appear and every reader
 *       ignores fields it does not know. Removing or renaming a field, changing a type or meaning, making a field
 *       required, or adding an enum value that old readers would reject is a breaking change, published on a new
 *       {@code .v2} topic with a {@code .v2} schema.</li>
 * </ul>
 */
package com.meridian.schemas.events;
