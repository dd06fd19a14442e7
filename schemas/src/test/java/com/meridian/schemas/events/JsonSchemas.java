package com.meridian.schemas.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** Loads the event JSON Schemas by their {@code $id}, resolved to the classpath, with format assertions on. */
final class JsonSchemas {

    /** {@code $id} of a schema = this base + its classpath resource ({@code events/...}). */
    static final String ID_BASE = "https://schemas.meridian.internal/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix(ID_BASE + "events/", "classpath:events/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private JsonSchemas() {
    }

    static Schema schema(String resource) {
        return REGISTRY.getSchema(SchemaLocation.of(ID_BASE + resource));
    }

    static List<Error> validate(String resource, String json) {
        return schema(resource).validate(json, InputFormat.JSON);
    }
}
