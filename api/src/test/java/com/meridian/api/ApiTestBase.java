package com.meridian.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.meridian.api.apikeys.ApiKeys;
import com.meridian.api.security.Role;
import com.meridian.api.tenants.DemoTenant;
import com.meridian.api.tenants.Tenants;
import com.meridian.tenancy.TenantId;
import com.meridian.localstack.LocalStackTestConfiguration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of the api module's integration tests (so one PostgreSQL and one broker per JVM):
 * the whole application on a random port against the local stack, with the demo tenant and its owner key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LocalStackTestConfiguration.class)
@ActiveProfiles("test")
public abstract class ApiTestBase {

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + TestTokens.PUBLIC_KEY);
    }

    @Autowired
    protected DemoTenant demo;

    @Autowired
    private Tenants tenantOnboarding;

    @Autowired
    private ApiKeys apiKeyIssuer;

    protected String ownerKey() {
        return demo.key().plaintext();
    }

    /** A new tenant of its own for one test class, on a plan that does not throttle tests. */
    protected TenantId newTenant(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return tenantOnboarding.onboard(slug, prefix, "owner@" + slug + ".example", "business").tenant();
    }

    /** A fresh API key of {@code role} for {@code tenant}. */
    protected String keyFor(TenantId tenant, Role role) {
        return apiKeyIssuer.issue(tenant, role.name().toLowerCase() + " key", role).plaintext();
    }

    protected HttpResponse<String> get(String path, String apiKey) throws Exception {
        return send(request(path, apiKey).GET());
    }

    protected HttpResponse<String> post(String path, String apiKey, String body) throws Exception {
        return send(request(path, apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> put(String path, String apiKey, String body) throws Exception {
        return send(request(path, apiKey).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> delete(String path, String apiKey) throws Exception {
        return send(request(path, apiKey).DELETE());
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    protected HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request;
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
