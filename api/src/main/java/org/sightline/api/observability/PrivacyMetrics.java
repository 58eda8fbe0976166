package org.sightline.api.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sightline.domain.access.Role;
import org.sightline.privacy.DisclosureStatus;
import org.sightline.privacy.policy.Treatment;
import org.springframework.stereotype.Component;

/**
 * What the privacy engine decided, as counts: cells published per role, treatment and disclosure
 * status ({@code sightline.privacy.cells}), and privacy budget (rho) spent per role
 * ({@code sightline.privacy.budget.spent}). Only counts and the role leave: never a value, a
 * caller or a question.
 */
@Component
public class PrivacyMetrics {

    static final String CELLS = "sightline.privacy.cells";
    static final String BUDGET_SPENT = "sightline.privacy.budget.spent";

    private final MeterRegistry registry;

    PrivacyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the cells of one answer by their disclosure status. */
    public <T> void published(Role role, Treatment treatment, List<T> cells, Function<T, DisclosureStatus> status) {
        Map<DisclosureStatus, Integer> counts = new EnumMap<>(DisclosureStatus.class);
        for (T cell : cells) {
            counts.merge(status.apply(cell), 1, Integer::sum);
        }
        counts.forEach((s, n) -> Counter.builder(CELLS)
                .description("Cells published, by the caller's role, the treatment of the question and the cell's disclosure status")
                .tag("role", role.name()).tag("treatment", treatment.name()).tag("status", s.name())
                .register(registry).increment(n));
    }

    /** Adds rho charged to a caller of {@code role}. */
    public void budgetSpent(Role role, double rho) {
        Counter.builder(BUDGET_SPENT).description("Privacy budget (rho, zCDP) charged, by the caller's role")
                .tag("role", role.name()).register(registry).increment(rho);
    }
}
