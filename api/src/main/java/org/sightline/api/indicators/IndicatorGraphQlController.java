package org.sightline.api.indicators;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.graphql.Connection;
import org.sightline.api.graphql.Cursors;
import org.sightline.domain.time.Period;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.sightline.api.publictables.PublicTableReleases;
import org.sightline.privacy.noise.Rational;
import org.sightline.privacy.noise.Rho;

/** GraphQL for indicators: {@code indicators}, {@code indicator} and the {@code Indicator} fields. */
@Controller
class IndicatorGraphQlController {

    static final int MAX_PAGE = 200;

    private final Indicators indicators;
    private final PublicTableReleases publicTables;

    IndicatorGraphQlController(Indicators indicators, PublicTableReleases publicTables) {
        this.indicators = indicators;
        this.publicTables = publicTables;
    }

    @QueryMapping(name = "indicators")
    Connection<IndicatorView> indicatorPage(@Argument String search, @Argument Integer first, @Argument String after) {
        int size = Cursors.pageSize(first, MAX_PAGE);
        Indicators.Page page = indicators.page(search, Cursors.decode(after), size + 1);
        return Connection.of(page.indicators().stream().map(IndicatorView::of).toList(), size, after != null,
                page.totalCount(), IndicatorView::id);
    }

    @QueryMapping
    IndicatorView indicator(@Argument String id) {
        return indicators.find(id).map(IndicatorView::of).orElse(null);
    }

    @BatchMapping(typeName = "Indicator", field = "periods")
    Map<IndicatorView, List<Period>> periods(List<IndicatorView> views) {
        Map<Integer, List<Period>> byId = indicators.periodsOf(views.stream().map(v -> v.stored().dbId()).toList());
        return views.stream().collect(Collectors.toMap(v -> v, v -> byId.getOrDefault(v.stored().dbId(), List.of()), (a, b) -> a));
    }

    /** The public's stated loss: {@code Indicator.privacyLoss}. */
    record PrivacyLoss(double rho, String rhoExact, double epsilon, double delta, String mechanism, List<String> tables) {
    }

    @SchemaMapping(typeName = "Indicator", field = "privacyLoss")
    PrivacyLoss privacyLoss(IndicatorView view) {
        List<PublicTableReleases.StatedLoss> losses = publicTables.currentLosses(view.stored().dbId());
        if (losses.isEmpty()) {
            return null;
        }
        Rho total = Rho.ZERO;
        List<String> tables = new java.util.ArrayList<>();
        for (PublicTableReleases.StatedLoss loss : losses) {
            total = total.plus(new Rho(Rational.parse(loss.rho())));
            loss.tables().forEach(t -> tables.add("release " + loss.releaseId() + ", " + t));
        }
        var dp = total.toApproximateDp(PublicTableReleases.DISPLAY_DELTA);
        return new PrivacyLoss(total.doubleValue(), total.value().toString(), dp.epsilon(), dp.delta(),
                losses.get(losses.size() - 1).mechanism(), tables);
    }

    @SchemaMapping(typeName = "Indicator", field = "characteristicTypes")
    List<StoredType> characteristicTypes(IndicatorView view) {
        return view.stored().characteristicTypes();
    }
}
