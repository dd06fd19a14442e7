package com.meridian.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document equals the checked-in {@code api/openapi.json}. After an intended API change,
 * refresh the file with {@code ./mvnw -pl api verify -Dit.test=OpenApiDocumentIT -Dopenapi.write=true}
 * and review its diff.
 */
class OpenApiDocumentIT extends ApiTestBase {

    private static final Path CHECKED_IN = Path.of("openapi.json");

    @Test
    void theServedDocumentIsTheCheckedInOne() throws Exception {
        JsonNode served = body(get("/v3/api-docs", null));
        JsonMapper pretty = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        String servedText = pretty.writeValueAsString(pretty.treeToValue(served, Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(CHECKED_IN, servedText);
        }

        assertThat(Files.exists(CHECKED_IN)).as("api/openapi.json is checked in").isTrue();
        assertThat(servedText).as("served /v3/api-docs vs api/openapi.json (refresh it with -Dopenapi.write=true)")
                .isEqualTo(Files.readString(CHECKED_IN));
    }
}
