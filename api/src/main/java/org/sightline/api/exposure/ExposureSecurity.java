package org.sightline.api.exposure;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * The part of the security chain that {@link Exposure} decides: who reads the metrics.
 * {@code SecurityConfiguration} applies it. (Security headers and CORS are servlet filters ahead of
 * the public response cache, whose stored answers never pass through the security chain.)
 */
@Component
public class ExposureSecurity {

    private final Exposure exposure;

    ExposureSecurity(Exposure exposure) {
        this.exposure = exposure;
    }

    /** Who may read {@code /actuator/prometheus}. */
    public String metricsPath() {
        return ExposureFilter.PROMETHEUS;
    }

    /** Anyone in the demo (or when configured), otherwise an ADMIN key or the configured scrape token. */
    public AuthorizationManager<RequestAuthorizationContext> metricsAccess() {
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) ->
                new AuthorizationDecision(mayReadMetrics(exposure, context.getRequest(), authentication.get()));
    }

    static boolean mayReadMetrics(Exposure exposure, HttpServletRequest request, Authentication authentication) {
        if (exposure.metricsAnonymous() || Boolean.TRUE.equals(request.getAttribute(ExposureFilter.SCRAPE_AUTHORISED))) {
            return true;
        }
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
