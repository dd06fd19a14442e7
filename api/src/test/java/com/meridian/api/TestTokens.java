package com.meridian.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An identity provider in miniature: an RSA key the tests hold, its public half written where the API's
 * resource server reads it ({@code public-key-location}), and signed access tokens with any claims.
 */
final class TestTokens {

    private static final KeyPair KEYS = generate();
    static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {
    }

    static String token(String subject, Map<String, Object> claims) {
        return sign(KEYS, subject, claims, Instant.now().plusSeconds(300));
    }

    static String expiredToken(String subject, Map<String, Object> claims) {
        return sign(KEYS, subject, claims, Instant.now().minusSeconds(600));
    }

    static String tokenSignedByAnotherKey(String subject, Map<String, Object> claims) {
        return sign(generate(), subject, claims, Instant.now().plusSeconds(300));
    }

    private static String sign(KeyPair keys, String subject, Map<String, Object> claims, Instant expiry) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).issuer("https://idp.test")
                .issueTime(new Date()).expirationTime(Date.from(expiry));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("meridian-test-idp-", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
