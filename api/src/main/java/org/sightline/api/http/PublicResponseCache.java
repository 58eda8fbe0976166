package org.sightline.api.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.sightline.api.privacy.DisclosurePolicies;
import org.sightline.api.versions.DataVersion;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.privacy.policy.Access.EffectiveRole;
import org.sightline.privacy.policy.Treatment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public's GraphQL responses, kept whole. For a caller without credentials a response is a
 * function of the request body, the privacy configuration and the {@link DataVersion data
 * version}: the public has no identity, no budget and no agreements, and every number in the
 * response was produced by the privacy engine when it was first computed. So a repeated public
 * question skips GraphQL execution and serialisation and costs one primary-key read. Kept only
 * when the configuration audits nothing of the public (no policy gives the public exact values of
 * a non-OPEN indicator), only for query documents, and bounded in bytes
 * ({@code sightline.answers.cache-bytes}, default 64 MB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class PublicResponseCache extends OncePerRequestFilter {

    private static final int MAX_QUESTION_BYTES = 64 * 1024;
    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private record Stored(String contentType, byte[] body) {
    }

    private final DataVersion dataVersion;
    private final java.time.Clock clock;
    private final String configuration;
    private final boolean enabled;
    private final Cache<String, Stored> responses;

    PublicResponseCache(DataVersion dataVersion, DisclosurePolicies policies,
                        @Value("${sightline.answers.cache-bytes:67108864}") long maxBytes, java.time.Clock clock) {
        this.dataVersion = dataVersion;
        this.clock = clock;
        this.configuration = PublicQuestions.configuration(policies);
        boolean auditsThePublic = false;
        for (DisclosureClass disclosureClass : DisclosureClass.values()) {
            var rule = policies.matrix().ruleFor(EffectiveRole.PUBLIC, disclosureClass);
            auditsThePublic |= disclosureClass != DisclosureClass.OPEN
                    && (rule.treatment() == Treatment.EXACT || rule.belowFinestLevel() == Treatment.EXACT);
        }
        this.enabled = !auditsThePublic && maxBytes > 0;
        this.responses = Caffeine.newBuilder().maximumWeight(Math.max(maxBytes, 1))
                .weigher((String key, Stored stored) -> stored.body().length + key.length()).build();
    }

    /** Forgets every response (never needed for correctness: for operators and for tests that count work). */
    public void clear() {
        responses.invalidateAll();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !"POST".equals(request.getMethod()) || !"/graphql".equals(request.getRequestURI())
                || !PublicQuestions.anonymous(request)
                || request.getContentLengthLong() > MAX_QUESTION_BYTES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Never more than the limit in memory, whatever the body's declared length.
        byte[] question = request.getInputStream().readNBytes(MAX_QUESTION_BYTES + 1);
        if (question.length > MAX_QUESTION_BYTES) {
            chain.doFilter(new RereadableRequest(request, question, request.getInputStream()), response);
            return;
        }
        if (new String(question, StandardCharsets.UTF_8).contains("mutation")) {
            chain.doFilter(new RereadableRequest(request, question), response);
            return;
        }
        // One version for the whole request: the key here and the planner's caches below.
        try {
            dataVersion.pinnedFor(version -> {
                // Today's date too: an indicator's refresh.overdue turns true at midnight with no new data.
                answer(version + ":" + java.time.LocalDate.now(clock) + ":" + digest(question, request), question, request, response, chain);
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(String key, byte[] question, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Stored stored = responses.getIfPresent(key);
        if (stored != null) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(stored.contentType());
            response.setContentLength(stored.body().length);
            response.getOutputStream().write(stored.body());
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        chain.doFilter(new RereadableRequest(request, question), recorded);
        byte[] body = recorded.getContentAsByteArray();
        if (recorded.getStatus() == HttpServletResponse.SC_OK && body.length <= MAX_ANSWER_BYTES && recorded.getContentType() != null
                && !timedOut(body)) {
            responses.put(key, new Stored(recorded.getContentType(), body));
        }
        recorded.copyBodyToResponse();
    }

    /** Whether a response reports a question stopped at the statement timeout: asked again later, it may be answered. */
    private static boolean timedOut(byte[] body) {
        // Errors come first in a GraphQL response, so only a response that starts with them is searched.
        return body.length > 10 && new String(body, 0, 10, StandardCharsets.UTF_8).startsWith("{\"errors\"")
                && new String(body, StandardCharsets.UTF_8).contains("\"classification\":\"TIMEOUT\"");
    }

    private String digest(byte[] question, HttpServletRequest request) {
        return PublicQuestions.digest(question, request.getHeader(HttpHeaders.ACCEPT), request.getContentType(), configuration);
    }
}
