package org.sightline.api.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.geography.AreaDirectory.AreaTypeRow;
import org.sightline.api.graphql.Connection;
import org.sightline.api.graphql.Cursors;
import org.sightline.api.indicators.IndicatorView;
import org.sightline.api.indicators.Indicators;
import org.sightline.domain.access.Caller;
import org.sightline.domain.catalogue.RefreshFrequency;
import org.sightline.domain.catalogue.RefreshSchedule;
import org.sightline.domain.time.Period;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * GraphQL for the catalogue: {@code catalogue(...)}, the {@code Indicator} fields {@code owner},
 * {@code contact}, {@code topics}, {@code availability} and {@code refresh} (all read for a page
 * of indicators in one statement), and {@code describeIndicator}.
 */
@Controller
class CatalogueGraphQlController {

    static final int MAX_PAGE = 200;

    private final Catalogue catalogue;
    private final IndicatorDescriptions descriptions;
    private final AreaDirectory areas;
    private final Clock clock;

    CatalogueGraphQlController(Catalogue catalogue, IndicatorDescriptions descriptions, AreaDirectory areas, Clock clock,
                               BatchLoaderRegistry loaders) {
        this.catalogue = catalogue;
        this.descriptions = descriptions;
        this.areas = areas;
        this.clock = clock;
        loaders.forTypePair(Integer.class, CatalogueEntry.class)
                .registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> catalogue.entries(ids)));
    }

    @QueryMapping(name = "catalogue")
    Connection<IndicatorView> cataloguePage(@Argument String search, @Argument String areaType, @Argument String characteristic,
                                            @Argument Integer first, @Argument String after) {
        int size = Cursors.pageSize(first, MAX_PAGE);
        Indicators.Page page = catalogue.search(search, areaType, characteristic, Cursors.decode(after), size + 1);
        return Connection.of(page.indicators().stream().map(IndicatorView::of).toList(), size, after != null,
                page.totalCount(), IndicatorView::id);
    }

    /** The organisation that owns an indicator. */
    record IndicatorOwner(String code, String name) {
    }

    /** {@code Availability}: where, when and by what an indicator's published data exists. */
    record Availability(List<AreaTypeRow> areaTypes, List<Period> periods, List<StoredType> characteristicTypes) {
    }

    /** {@code Refresh}: the schedule and where the indicator stands against it today. */
    record Refresh(String frequency, String publicationLag, OffsetDateTime lastRelease, LocalDate nextDue, boolean overdue) {
    }

    @SchemaMapping(typeName = "Indicator")
    CompletableFuture<IndicatorOwner> owner(IndicatorView view, DataLoader<Integer, CatalogueEntry> entries) {
        return entries.load(view.stored().dbId())
                .thenApply(e -> e.ownerCode() == null ? null : new IndicatorOwner(e.ownerCode(), e.ownerName()));
    }

    @SchemaMapping(typeName = "Indicator")
    CompletableFuture<String> contact(IndicatorView view, DataLoader<Integer, CatalogueEntry> entries) {
        return entries.load(view.stored().dbId()).thenApply(CatalogueEntry::contact);
    }

    @SchemaMapping(typeName = "Indicator")
    CompletableFuture<List<String>> topics(IndicatorView view, DataLoader<Integer, CatalogueEntry> entries) {
        return entries.load(view.stored().dbId()).thenApply(CatalogueEntry::topics);
    }

    @SchemaMapping(typeName = "Indicator")
    CompletableFuture<Availability> availability(IndicatorView view, DataLoader<Integer, CatalogueEntry> entries) {
        return entries.load(view.stored().dbId()).thenApply(e -> new Availability(
                e.areaTypes().stream().map(areas::areaType).sorted(Comparator.comparingInt(AreaTypeRow::granularity)).toList(),
                e.periods(), view.stored().characteristicTypes()));
    }

    @SchemaMapping(typeName = "Indicator")
    CompletableFuture<Refresh> refresh(IndicatorView view, DataLoader<Integer, CatalogueEntry> entries) {
        return entries.load(view.stored().dbId()).thenApply(this::refreshOf);
    }

    Refresh refreshOf(CatalogueEntry entry) {
        RefreshSchedule schedule = entry.schedule();
        LocalDate latestEnd = entry.periods().stream().map(Period::end).max(Comparator.naturalOrder()).orElse(null);
        LocalDate nextDue = schedule.nextDue(latestEnd, entry.lastRelease(), clock.getZone());
        return new Refresh(schedule.frequency() == null ? null : schedule.frequency().name(),
                schedule.publicationLag() == null ? null : schedule.publicationLag().toString(),
                entry.lastRelease(), nextDue, RefreshSchedule.overdue(nextDue, LocalDate.now(clock)));
    }

    /** The GraphQL {@code DescribeIndicatorInput}. */
    record DescribeIndicatorInput(String indicator, String contact, List<String> topics, RefreshInput refresh) {
    }

    /** The GraphQL {@code RefreshInput}. */
    record RefreshInput(RefreshFrequency frequency, String publicationLag, LocalDate nextDue) {
    }

    /** The GraphQL {@code DescribeIndicatorPayload}. */
    record DescribeIndicatorPayload(IndicatorView indicator) {
    }

    @MutationMapping
    DescribeIndicatorPayload describeIndicator(@Argument DescribeIndicatorInput input, @ContextValue Caller caller) {
        RefreshSchedule schedule = input.refresh() == null ? null : new RefreshSchedule(input.refresh().frequency(),
                RefreshSchedule.parseLag(input.refresh().publicationLag()), input.refresh().nextDue());
        return new DescribeIndicatorPayload(IndicatorView.of(
                descriptions.describe(caller, input.indicator(), input.contact(), input.topics(), schedule)));
    }
}
