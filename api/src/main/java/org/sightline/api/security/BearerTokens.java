package org.sightline.api.security;

import java.util.Optional;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.sightline.api.organisations.Organisations;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies {@code Authorization: Bearer} JWTs for people signing in through the partnership's
 * identity provider. The decoder is Spring Boot's OAuth2 resource server, configured with the
 * standard properties ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri},
 * {@code jwk-set-uri} or {@code public-key-location}). The token's {@code role} claim (PARTNER,
 * ANALYST, STEWARD or ADMIN) and {@code org} claim (an organisation code) make the caller.
 */
@Component
class BearerTokens {

    private final ObjectProvider<JwtDecoder> decoder;
    private final Organisations organisations;

    BearerTokens(ObjectProvider<JwtDecoder> decoder, Organisations organisations) {
        this.decoder = decoder;
        this.organisations = organisations;
    }

    Optional<Caller> callerOf(String authorization) {
        JwtDecoder jwtDecoder = decoder.getIfAvailable();
        if (jwtDecoder == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            Jwt jwt = jwtDecoder.decode(authorization.substring(7).strip());
            Role role = Role.valueOf(jwt.getClaimAsString("role"));
            Integer organisation = organisations.idOf(jwt.getClaimAsString("org")).orElse(null);
            if (role == Role.PUBLIC || organisation == null || jwt.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(new Caller("jwt:" + jwt.getSubject(), role, organisation));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    String whyRefused(String authorization) {
        if (decoder.getIfAvailable() == null) {
            return "bearer tokens are not accepted: this deployment has no token issuer configured; use X-API-Key";
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "only Bearer tokens are accepted in the Authorization header";
        }
        return "the bearer token is invalid or expired, or its role/org claims are not a known role and organisation";
    }
}
