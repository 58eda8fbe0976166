package org.sightline.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.sightline.api.web.ApiError;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves the caller of every request. No credentials: PUBLIC. {@code X-API-Key}: the key's
 * organisation and role. {@code Authorization: Bearer <JWT>}: the token's {@code role} and
 * {@code org} claims (see {@link BearerTokens}). An unknown or revoked key, or a token that does
 * not verify, is answered 401 at once: presenting bad credentials never silently becomes PUBLIC.
 */
class CallerFilter extends OncePerRequestFilter {


    static final String CALLER_ATTRIBUTE = Caller.class.getName();
    static final String API_KEY_HEADER = "X-API-Key";

    private final ApiKeys apiKeys;
    private final BearerTokens bearerTokens;
    private final JsonMapper json;

    CallerFilter(ApiKeys apiKeys, BearerTokens bearerTokens, JsonMapper json) {
        this.apiKeys = apiKeys;
        this.bearerTokens = bearerTokens;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(API_KEY_HEADER);
        String authorization = request.getHeader("Authorization");
        Caller caller;
        if (key != null) {
            Optional<ApiKeys.KeyRecord> found = apiKeys.find(key.strip());
            if (found.isEmpty() || found.get().revoked()) {
                refuse(response, found.isEmpty() ? "unknown API key" : "this API key has been revoked");
                return;
            }
            caller = found.get().caller();
        } else if (authorization != null) {
            Optional<Caller> fromToken = bearerTokens.callerOf(authorization);
            if (fromToken.isEmpty()) {
                refuse(response, bearerTokens.whyRefused(authorization));
                return;
            }
            caller = fromToken.get();
        } else {
            caller = Caller.PUBLIC;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        if (caller.role() == Role.PUBLIC) {
            // Left anonymous, so an endpoint that needs a role answers 401 (credentials required), not 403.
            chain.doFilter(request, response);
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(caller, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ApiError("UNAUTHORIZED", message, List.of()));
    }
}
