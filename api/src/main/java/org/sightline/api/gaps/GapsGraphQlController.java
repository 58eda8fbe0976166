package org.sightline.api.gaps;

import java.util.List;
import org.sightline.api.characteristics.CharacteristicTypes;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.IndicatorView;
import org.sightline.domain.access.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL for the gaps log: {@code gaps}, {@code raiseGap}, {@code closeGap} and the {@code DataGap} fields. */
@Controller
class GapsGraphQlController {

    private final DataGaps gaps;
    private final IndicatorCatalogue indicators;
    private final CharacteristicTypes characteristicTypes;
    private final AreaDirectory areas;

    GapsGraphQlController(DataGaps gaps, IndicatorCatalogue indicators, CharacteristicTypes characteristicTypes, AreaDirectory areas) {
        this.gaps = gaps;
        this.indicators = indicators;
        this.characteristicTypes = characteristicTypes;
        this.areas = areas;
    }

    /** The GraphQL {@code RaiseGapInput}. */
    record RaiseGapInput(String indicator, String characteristicType, String areaType, String description) {
    }

    /** The GraphQL {@code CloseGapInput}. */
    record CloseGapInput(String id, String resolution) {
    }

    /** The GraphQL {@code GapPayload}. */
    record GapPayload(DataGap gap) {
    }

    @QueryMapping(name = "gaps")
    List<DataGap> gapLog(@Argument String indicator) {
        return gaps.list(indicator);
    }

    @MutationMapping
    GapPayload raiseGap(@Argument RaiseGapInput input, @ContextValue Caller caller) {
        return new GapPayload(gaps.raise(caller, input.indicator(), input.characteristicType(), input.areaType(), input.description()));
    }

    @MutationMapping
    GapPayload closeGap(@Argument CloseGapInput input, @ContextValue Caller caller) {
        return new GapPayload(gaps.close(caller, input.id(), input.resolution()));
    }

    @SchemaMapping(typeName = "DataGap")
    IndicatorView indicator(DataGap gap) {
        return gap.indicator() == null ? null : indicators.find(gap.indicator()).map(IndicatorView::of).orElse(null);
    }

    @SchemaMapping(typeName = "DataGap")
    StoredType characteristicType(DataGap gap) {
        return gap.characteristicType() == null ? null : characteristicTypes.find(gap.characteristicType()).orElse(null);
    }

    @SchemaMapping(typeName = "DataGap")
    AreaDirectory.AreaTypeRow areaType(DataGap gap) {
        return gap.areaType() == null ? null : areas.areaType(gap.areaType());
    }
}
