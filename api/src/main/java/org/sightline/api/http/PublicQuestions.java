package org.sightline.api.http;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.sightline.api.privacy.DisclosurePolicies;
import org.springframework.http.HttpHeaders;

/**
 * What the public's questions have in common for HTTP caching: the public is whoever sends no
 * credentials, and the public's answer to a question is a function of the question, the privacy
 * configuration and the data version, so the question and the configuration are digested together.
 */
final class PublicQuestions {

    private PublicQuestions() {
    }

    /** Whether the request comes from the public (no API key, no token). */
    static boolean anonymous(HttpServletRequest request) {
        return request.getHeader("X-API-Key") == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    /** The privacy configuration as text: equal configurations give equal text on every instance. */
    static String configuration(DisclosurePolicies policies) {
        return policies.matrix() + "|" + policies.settings();
    }

    /** A URL-safe SHA-256 digest of a body (may be empty) and the given parts, newline-separated. */
    static String digest(byte[] body, String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(body);
            for (String part : parts) {
                sha256.update(("\n" + (part == null ? "" : part)).getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
