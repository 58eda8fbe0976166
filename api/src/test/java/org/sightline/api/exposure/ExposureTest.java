package org.sightline.api.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The exposure defaults - open for the demo, metrics closed outside it - and who may read the metrics. */
class ExposureTest {

    @Test
    void theDemoExposesEverythingToEveryone() {
        Exposure demo = Exposure.of(new MockEnvironment(), true);
        assertThat(demo.graphiql()).isTrue();
        assertThat(demo.introspection()).isTrue();
        assertThat(demo.schema()).isTrue();
        assertThat(demo.metricsAnonymous()).isTrue();
        assertThat(demo.allowedOrigins()).containsExactly("*");
        assertThat(ExposureSecurity.mayReadMetrics(demo, new MockHttpServletRequest(), anonymous())).isTrue();
    }

    @Test
    void outsideTheDemoMetricsNeedAnAdminKeyOrTheScrapeTokenAndNoOriginIsTrusted() {
        Exposure production = Exposure.of(new MockEnvironment(), false);
        assertThat(production.graphiql()).isTrue();
        assertThat(production.introspection()).isTrue();
        assertThat(production.metricsAnonymous()).isFalse();
        assertThat(production.allowedOrigins()).isEmpty();

        assertThat(ExposureSecurity.mayReadMetrics(production, new MockHttpServletRequest(), anonymous())).isFalse();
        assertThat(ExposureSecurity.mayReadMetrics(production, new MockHttpServletRequest(), withRole("STEWARD"))).isFalse();
        assertThat(ExposureSecurity.mayReadMetrics(production, new MockHttpServletRequest(), withRole("ADMIN"))).isTrue();
        MockHttpServletRequest scrape = new MockHttpServletRequest();
        scrape.setAttribute(ExposureFilter.SCRAPE_AUTHORISED, Boolean.TRUE);
        assertThat(ExposureSecurity.mayReadMetrics(production, scrape, anonymous())).isTrue();
    }

    @Test
    void theOperatorsSettingsWin() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("sightline.exposure.graphiql", "false")
                .withProperty("sightline.exposure.introspection", "false")
                .withProperty("sightline.exposure.metrics-anonymous", "false")
                .withProperty("sightline.cors.allowed-origins", "https://a.example, https://b.example");
        Exposure demo = Exposure.of(environment, true);
        assertThat(demo.graphiql()).isFalse();
        assertThat(demo.introspection()).isFalse();
        assertThat(demo.metricsAnonymous()).isFalse();
        assertThat(demo.allowedOrigins()).isEqualTo(List.of("https://a.example", "https://b.example"));
    }

    @Test
    void graphiqlSwitchedOffHidesItsPageAndItsFilesButNotTheDashboard() throws Exception {
        Exposure off = Exposure.of(new MockEnvironment().withProperty("sightline.exposure.graphiql", "false"), true);
        ExposureFilter filter = new ExposureFilter(off);
        for (String path : List.of("/graphiql", "/graphiql/", "/graphiql/index.html", "/graphiql/graphiql-page.js")) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("GET", path), response, chain);
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(chain.getRequest()).as(path + " reached no handler").isNull();
        }
        for (String path : List.of("/", "/dashboard/dashboard.js", "/graphql")) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(path).isNotNull();
        }
    }

    @Test
    void onlyThePagesMayLoadAnythingAndOnlyFromThisServer() throws Exception {
        SecurityHeadersFilter headers = new SecurityHeadersFilter();
        for (String path : List.of("/", "/index.html", "/graphiql", "/graphiql/index.html", "/graphql", "/api/v1/observations.csv",
                "/dashboard/dashboard.js")) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            headers.doFilter(new MockHttpServletRequest("GET", path), response, new MockFilterChain());
            String policy = response.getHeader("Content-Security-Policy");
            boolean page = !path.startsWith("/graphql") && !path.startsWith("/api/") && !path.endsWith(".js");
            assertThat(policy).as(path).isEqualTo(page ? SecurityHeadersFilter.PAGE_POLICY : SecurityHeadersFilter.API_POLICY);
        }
        assertThat(SecurityHeadersFilter.PAGE_POLICY).doesNotContain("http").doesNotContain("unsafe").contains("script-src 'self';");
    }

    @Test
    void theScrapeTokenIsComparedWhole() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer scrape-secret");
        assertThat(ExposureFilter.presentsToken(request, "scrape-secret")).isTrue();
        assertThat(ExposureFilter.presentsToken(request, "scrape-secret-longer")).isFalse();
        assertThat(ExposureFilter.presentsToken(new MockHttpServletRequest(), "scrape-secret")).isFalse();
    }

    private static AnonymousAuthenticationToken anonymous() {
        return new AnonymousAuthenticationToken("key", "anonymous", List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));
    }

    private static UsernamePasswordAuthenticationToken withRole(String role) {
        return new UsernamePasswordAuthenticationToken("caller", null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }
}
