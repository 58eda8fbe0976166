package org.sightline.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;

/** People sign in with bearer JWTs from the configured issuer; their role and organisation come from the claims. */
class BearerTokenTest extends SightlineTest {

    private static final String QUERY = "{\"query\":\"{ observations(query: {indicator: \\\"demo-service-contacts\\\", "
            + "areas: {codes: [\\\"Z08000001\\\"]}}) { edges { node { count disclosure { status } } } } }\"}";

    @Test
    void aValidTokenForTheOwningOrganisationsStewardSeesExactValues() throws Exception {
        HttpResponse<String> response = post(token("alice", "STEWARD", "demo-wessex-council", TOKEN_SIGNING_KEY.getPrivate(), 300));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"EXACT\"");
    }

    @Test
    void aPartnersTokenIsHeldToThePartnersRules() throws Exception {
        HttpResponse<String> response = post(token("bob", "PARTNER", "demo-wessex-police", TOKEN_SIGNING_KEY.getPrivate(), 300),
                LSOA_QUERY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("FORBIDDEN").contains("PARTNER");
        HttpResponse<String> steward = post(token("alice", "STEWARD", "demo-wessex-council", TOKEN_SIGNING_KEY.getPrivate(), 300),
                LSOA_QUERY);
        assertThat(steward.body()).doesNotContain("errors").contains("EXACT");
    }

    @Test
    void expiredForgedOrMeaninglessTokensAreRefused() throws Exception {
        KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThat(post(token("alice", "STEWARD", "demo-wessex-council", TOKEN_SIGNING_KEY.getPrivate(), -60)).statusCode()).isEqualTo(401);
        assertThat(post(token("mallory", "STEWARD", "demo-wessex-council", stranger.getPrivate(), 300)).statusCode()).isEqualTo(401);
        assertThat(post(token("carol", "OWNER", "demo-wessex-council", TOKEN_SIGNING_KEY.getPrivate(), 300)).statusCode()).isEqualTo(401);
        assertThat(post(token("dave", "STEWARD", "no-such-org", TOKEN_SIGNING_KEY.getPrivate(), 300)).statusCode()).isEqualTo(401);
        assertThat(post("not-a-jwt").statusCode()).isEqualTo(401);
    }

    private static final String LSOA_QUERY = QUERY.replace("Z08000001", "Z01000001");

    private HttpResponse<String> post(String token) throws Exception {
        return post(token, QUERY);
    }

    private HttpResponse<String> post(String token, String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String subject, String role, String org, PrivateKey key, long validSeconds) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject(subject).claim("role", role).claim("org", org)
                .issueTime(Date.from(now.minusSeconds(120))).expirationTime(Date.from(now.plusSeconds(validSeconds)))
                .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
