package org.sightline.api.releases;

import java.util.List;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.web.NotFoundException;
import org.sightline.domain.access.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code releases} (the history with provenance) and {@code withdrawRelease}. */
@Controller
class ReleaseGraphQlController {

    private final ReleaseHistory history;
    private final ReleaseWithdrawal withdrawal;
    private final Indicators indicators;

    ReleaseGraphQlController(ReleaseHistory history, ReleaseWithdrawal withdrawal, Indicators indicators) {
        this.history = history;
        this.withdrawal = withdrawal;
        this.indicators = indicators;
    }

    @QueryMapping
    List<ReleaseHistory.ReleaseView> releases(@Argument String indicator, @ContextValue Caller caller) {
        return history.of(require(indicator), caller);
    }

    @MutationMapping
    ReleaseHistory.ReleaseView withdrawRelease(@Argument String id, @Argument String reason, @ContextValue Caller caller) {
        long releaseId = ReleaseIds.parse(id);
        withdrawal.withdraw(releaseId, reason, caller);
        return history.one(releaseId, caller);
    }

    private StoredIndicator require(String indicator) {
        return indicators.find(indicator).orElseThrow(() -> new NotFoundException("indicator '" + indicator + "' does not exist"));
    }
}
