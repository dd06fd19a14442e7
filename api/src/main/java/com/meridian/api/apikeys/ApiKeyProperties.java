package com.meridian.api.apikeys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API key settings.
 *
 * @param pepper server-side secret mixed into every key hash; a leaked database alone does not let anyone
 *               verify guesses. Required; rotating it invalidates every key.
 */
@ConfigurationProperties("meridian.api-keys")
public record ApiKeyProperties(String pepper) {

    public ApiKeyProperties {
        if (pepper == null || pepper.length() < 32) {
            throw new IllegalArgumentException("meridian.api-keys.pepper must be set to at least 32 characters");
        }
    }
}
