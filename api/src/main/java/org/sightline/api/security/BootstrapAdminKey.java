package org.sightline.api.security;

import org.sightline.api.organisations.Organisations;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Registers the operators' first ADMIN key from {@code sightline.bootstrap-admin-key} (e.g. from a
 * secret store at deployment), so a new deployment can load geography and define indicators.
 */
@Component
@Order(0)
class BootstrapAdminKey implements ApplicationRunner {

    private final ApiKeys apiKeys;
    private final Organisations organisations;
    private final String key;

    BootstrapAdminKey(ApiKeys apiKeys, Organisations organisations, @Value("${sightline.bootstrap-admin-key:}") String key) {
        this.apiKeys = apiKeys;
        this.organisations = organisations;
        this.key = key;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!key.isBlank()) {
            int operators = organisations.ensure("sightline-operators", "Sightline operators", "OTHER");
            apiKeys.register(key, "bootstrap admin key", operators, Role.ADMIN);
        }
    }
}
