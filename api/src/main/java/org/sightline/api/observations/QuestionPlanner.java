package org.sightline.api.observations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.sightline.api.versions.DataVersion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.characteristics.CharacteristicTypes.StoredValue;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.geography.AreaDirectory.AreaGrain;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.privacy.DisclosurePolicies;
import org.sightline.api.privacy.Entitlements;
import org.sightline.api.web.ForbiddenException;
import org.sightline.api.web.NotFoundException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.time.Period;
import org.sightline.privacy.policy.Access;
import org.sightline.privacy.policy.PolicyRule;
import org.sightline.privacy.policy.Treatment;
import org.springframework.stereotype.Component;

/**
 * Turns a question into a {@link QuestionPlan}, making every refusal from the question, the
 * catalogue and the geography alone, before any observation is read - so that "refused" and
 * "empty" never depend on which cells hold data.
 *
 * <p>Areas are judged by what they are made of ({@code area.composed_of}), not by their declared
 * type, and a breakdown or filter by a characteristic whose value is a function of the area (an
 * IMD decile) counts as the finest level the indicator is stored at: such a cell is a set of base
 * areas. The rule of the policy matrix for the caller's standing is read at that grain.
 */
@Component
class QuestionPlanner {

    private static final Map<String, String> NOMINAL_GRAIN = Map.of(
            "country", "country", "region", "region", "cauth", "lad", "county", "lad", "lad", "lad",
            "ward", "ward", "msoa", "lsoa", "lsoa", "lsoa", "oa", "oa");

    private final IndicatorCatalogue indicators;
    private final Entitlements entitlements;
    private final DisclosurePolicies policies;
    private final AreaDirectory areas;
    private final QuestionFacts questionFacts;
    private final DataVersion dataVersion;
    /** The facts of recent questions, per data version: a question asked again costs one primary-key read to plan. */
    private final Cache<FactsKey, QuestionFacts.Facts> factsByVersion = Caffeine.newBuilder().maximumSize(20_000).build();

    QuestionPlanner(IndicatorCatalogue indicators, Entitlements entitlements, DisclosurePolicies policies, AreaDirectory areas,
                    QuestionFacts questionFacts, DataVersion dataVersion) {
        this.indicators = indicators;
        this.entitlements = entitlements;
        this.policies = policies;
        this.areas = areas;
        this.questionFacts = questionFacts;
        this.dataVersion = dataVersion;
    }

    private record FactsKey(long version, int indicatorDbId, ResolvedQuery.AreaTarget areas, Long asOfRelease) {
    }

    QuestionPlan plan(ObservationQuery query, Caller caller) {
        StoredIndicator indicator = indicators.require(query.indicator());
        IndicatorDefinition definition = indicator.definition();
        Entitlements.Standing standing = entitlements.of(caller, indicator);
        PolicyRule rule = policies.matrix().ruleFor(standing.access(), definition.disclosureClass());
        TreatmentDecision decision = new TreatmentDecision(rule, definition, caller, standing, areas);
        decision.requireSomeAccess();
        ResolvedQuery resolved = resolve(indicator, query);
        // The version first, then the facts: facts read later are never older than their key.
        long version = dataVersion.current();
        QuestionFacts.Facts facts = factsByVersion.get(new FactsKey(version, indicator.dbId(), resolved.areas(), query.asOf()),
                key -> questionFacts.read(key.indicatorDbId(), key.areas(), key.asOfRelease()));
        if (query.asOf() != null) {
            if (facts.asOfVersion() == null) {
                throw new NotFoundException("indicator '" + definition.id() + "' has no release " + query.asOf()
                        + " to read as of (releases(indicator:) lists them; withdrawn releases are not read)");
            }
            resolved = resolved.withReleases(ReleaseSet.asOf(query.asOf(), facts.asOfVersion()));
        }
        List<AreaGrain> grains = grainsOf(resolved.areas(), query, facts);
        List<String> customCodes = grains.stream().filter(g -> g.type().equals("custom")).map(AreaGrain::code).toList();
        if (!customCodes.isEmpty()) {
            // Public standing and suppression refusals for custom areas, as before (TreatmentDecision#forCustomAreas).
            decision.forCustomAreas(grains.stream().filter(g -> g.type().equals("custom"))
                    .map(g -> g.composedOf() == null ? "oa" : g.composedOf()).toList());
        }
        Set<String> derived = new LinkedHashSet<>();
        query.breakdown().stream().filter(facts.areaDerivedTypes()::contains).forEach(derived::add);
        query.filter().stream().map(CharacteristicFilter::type).filter(facts.areaDerivedTypes()::contains).forEach(derived::add);

        AreaGrain finest = grains.stream().max(java.util.Comparator.comparingInt(this::granularityOf)).orElse(null);
        int granularity = finest == null ? 0 : granularityOf(finest);
        String grainLevel = finest == null ? null : grainLevelOf(finest);
        if (!derived.isEmpty()) {
            int stored = facts.storedAreaTypes().stream().mapToInt(this::granularityOfType).max().orElse(0);
            if (stored > granularity) {
                granularity = stored;
                grainLevel = facts.storedAreaTypes().stream().max(java.util.Comparator.comparingInt(this::granularityOfType)).orElseThrow();
            }
        }
        Treatment treatment = rule.treatmentAt(granularity);
        if (treatment == Treatment.FORBIDDEN) {
            throw new ForbiddenException(refusal(definition, caller, rule, finest, grainLevel, derived));
        }
        if (treatment == Treatment.SUPPRESS || treatment == Treatment.ROUND) {
            requireSuppressible(definition, caller, treatment, query, grains, derived);
        }
        if (definition.measureType() == MeasureType.NON_ADDITIVE) {
            requireStoredGrain(definition, query, grains, facts);
        }
        requireAvailable(definition, query, resolved.areas(), grains, facts);
        requireWithinCellLimit(indicator, query, facts, facts.areaCount());

        boolean publicStanding = decision.publicStanding();
        QuestionPlan.Source source = QuestionPlan.Source.TRUE_CELLS;
        if (treatment == Treatment.NOISE && customCodes.isEmpty()) {
            PolicyRule publicRule = policies.matrix().ruleFor(new Access(Role.PUBLIC, false, false), definition.disclosureClass());
            if (publicRule.treatment() == Treatment.NOISE && granularity <= publicRule.finestGranularity()) {
                // Inside the public's tables: post-processing of what was drawn at publish time.
                source = QuestionPlan.Source.PUBLIC_TABLES;
            }
        }
        if (treatment == Treatment.NOISE && publicStanding && source != QuestionPlan.Source.PUBLIC_TABLES) {
            throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass()
                    + ": the public sees only the tables drawn when a release is published, and this question is outside them");
        }
        return new QuestionPlan(indicator, resolved, treatment, source, decision, publicStanding, standing.agreementId(),
                Long.toString(version));
    }

    private int granularityOf(AreaGrain grain) {
        return grain.composedOf() == null ? Integer.MAX_VALUE : granularityOfType(grain.composedOf());
    }

    private int granularityOfType(String type) {
        var row = areas.areaType(type);
        return row == null ? Integer.MAX_VALUE : row.granularity();
    }

    private static String grainLevelOf(AreaGrain grain) {
        return grain.composedOf() == null ? "areas finer than any standard level" : grain.composedOf();
    }

    /** The areas of the question with their grains, refusing unknown codes by name (existence of areas is public). */
    private static List<AreaGrain> grainsOf(ResolvedQuery.AreaTarget target, ObservationQuery query, QuestionFacts.Facts facts) {
        List<AreaGrain> grains = facts.areas().stream().map(QuestionFacts.GrainCount::grain).toList();
        if (!target.codes().isEmpty()) {
            Set<String> missing = new LinkedHashSet<>(target.codes());
            grains.forEach(g -> missing.remove(g.code()));
            if (!missing.isEmpty()) {
                if (query.areas().customGeography() != null) {
                    throw new NotFoundException("no custom geography has the id '" + query.areas().customGeography() + "'");
                }
                throw new NotFoundException("no area has the code(s) " + missing);
            }
        } else if (!facts.withinExists()) {
            throw new NotFoundException("no area has the code(s) [" + target.within() + "]");
        }
        return grains;
    }

    private String refusal(IndicatorDefinition definition, Caller caller, PolicyRule rule, AreaGrain finest, String grainLevel,
                           Set<String> derived) {
        String prefix = "indicator '" + definition.id() + "' is " + definition.disclosureClass() + ": your role (" + caller.role()
                + ") may query it at " + rule.finestLevel() + " level or coarser, and ";
        if (!derived.isEmpty()) {
            return prefix + "a breakdown or filter by " + derived + " (a characteristic of the area itself) splits areas into "
                    + "the " + grainLevel + " cells they are made of, which is finer; ask without it";
        }
        if (finest != null && !finest.type().equals(finest.composedOf())) {
            return prefix + "area " + finest.code() + " (declared " + finest.type() + ") is made of " + grainLevel
                    + ", which is finer (areas are judged by the base areas they contain, not by their declared type)";
        }
        return prefix + grainLevel + " is finer";
    }

    /**
     * Suppression patterns cover standard areas and characteristics, fixed when the release was
     * published; an area made of finer areas than its type suggests, or a cell split by an
     * area-derived characteristic, is not a cell of them, so it is refused rather than answered.
     */
    private void requireSuppressible(IndicatorDefinition definition, Caller caller, Treatment treatment, ObservationQuery query,
                                     List<AreaGrain> grains, Set<String> derived) {
        String how = treatment == Treatment.SUPPRESS ? "suppression" : "rounding";
        for (CharacteristicFilter filter : query.filter()) {
            if (!query.breakdown().contains(filter.type()) && filter.values().size() > 1) {
                throw new InvalidQueryException("with " + how + " in force, a filter on '" + filter.type()
                        + "' may keep one value unless " + filter.type() + " is in the breakdown (the sum of several "
                        + "values is not a published margin)");
            }
        }
        if (!derived.isEmpty()) {
            throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass() + ": your role ("
                    + caller.role() + ") gets it with " + how + " here, and a breakdown or filter by " + derived
                    + " (a characteristic of the area itself) would isolate base areas the suppression pattern does not cover; ask without it");
        }
        for (AreaGrain grain : grains) {
            if (grain.type().equals("custom")) {
                continue;
            }
            String nominal = NOMINAL_GRAIN.get(grain.type());
            if (nominal == null || grain.composedOf() == null || granularityOfType(grain.composedOf()) > granularityOfType(nominal)) {
                throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass() + ": your role ("
                        + caller.role() + ") gets it with " + how + ", and area " + grain.code() + " (declared " + grain.type()
                        + ") is made of " + (grain.composedOf() == null ? "areas finer than any standard level" : grain.composedOf())
                        + ", so it is not a cell of the published suppression pattern; ask for standard areas");
            }
        }
    }

    /** A NON_ADDITIVE value cannot be combined: only the areas and breakdown it was supplied at. */
    private void requireStoredGrain(IndicatorDefinition definition, ObservationQuery query, List<AreaGrain> grains,
                                    QuestionFacts.Facts facts) {
        boolean everyType = query.breakdown().containsAll(definition.characteristicTypes());
        boolean storedAreas = grains.stream().allMatch(g -> facts.storedAreaTypes().contains(g.type()));
        if (!everyType || !storedAreas) {
            throw new InvalidQueryException("indicator '" + definition.id() + "' is NON_ADDITIVE (" + definition.unit()
                    + "): its values cannot be combined, so ask for the areas and breakdown it was supplied at ("
                    + String.join(", ", facts.storedAreaTypes()) + " areas, broken down by every characteristic type: "
                    + definition.characteristicTypes() + ")");
        }
    }

    /**
     * A question for a level, areas or periods at which the indicator has no data is answered with
     * an error saying where and when it has data, never with an empty list that looks like "none".
     * Decided from the catalogue alone (the area types and periods of the published releases), so
     * it says nothing about single cells: an area of an available type without cells is answered
     * as before.
     */
    private void requireAvailable(IndicatorDefinition definition, ObservationQuery query, ResolvedQuery.AreaTarget target,
                                  List<AreaGrain> grains, QuestionFacts.Facts facts) {
        if (facts.periodCodes().isEmpty()) {
            throw new NotFoundException("indicator '" + definition.id() + "' has no published data yet");
        }
        Set<String> available = definition.measureType() == MeasureType.NON_ADDITIVE
                ? Set.copyOf(facts.storedAreaTypes()) : facts.availableTypes();
        List<String> outside = new ArrayList<>();
        if (!available.isEmpty() && target.codes().isEmpty()) {
            if (target.level() != null && !target.level().equals("custom") && !available.contains(target.level())) {
                outside.add(target.level());
            }
        } else if (!available.isEmpty()) {
            for (AreaGrain grain : grains) {
                if (grain.type().equals("custom")) {
                    if (grain.composedOf() != null && !available.contains(grain.composedOf())) {
                        outside.add(grain.code() + " (made of " + grain.composedOf() + " areas)");
                    }
                } else if (!available.contains(grain.type())) {
                    outside.add(grain.code() + " (" + grain.type() + ")");
                }
            }
        }
        if (!outside.isEmpty()) {
            List<String> finestFirst = available.stream()
                    .sorted(java.util.Comparator.comparingInt(this::granularityOfType).reversed()).toList();
            throw new NotFoundException("indicator '" + definition.id() + "' exists at " + String.join(", ", finestFirst)
                    + "; not at " + String.join(", ", outside));
        }
        var selector = query.periods();
        String periods = " (available: " + String.join(", ", facts.periodCodes()) + ")";
        if (!selector.codes().isEmpty()) {
            List<String> missing = selector.codes().stream().map(Period::code).filter(c -> !facts.periodCodes().contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new NotFoundException("indicator '" + definition.id() + "' has no data for period"
                        + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + periods);
            }
        } else if ((selector.from() != null || selector.to() != null) && periodsAsked(query, facts) == 0) {
            throw new NotFoundException("indicator '" + definition.id() + "' has no data"
                    + (selector.from() == null ? "" : " from " + selector.from().code())
                    + (selector.to() == null ? "" : " to " + selector.to().code()) + periods);
        }
    }

    /** The most cells the answer can have, from the question alone, against the per-question limit. */
    private void requireWithinCellLimit(StoredIndicator indicator, ObservationQuery query, QuestionFacts.Facts facts,
                                        long areaCount) {
        long periods = periodsAsked(query, facts);
        long cells = areaCount * Math.max(periods, 1);
        for (String type : query.breakdown()) {
            StoredType stored = indicator.characteristicTypes().stream().filter(t -> t.code().equals(type)).findFirst().orElseThrow();
            long values = query.filter().stream().filter(f -> f.type().equals(type)).mapToLong(f -> f.values().size()).findFirst()
                    .orElse(stored.detailValues().size());
            cells *= values;
        }
        int limit = policies.settings().maxCellsPerQuery();
        if (cells > limit) {
            throw new InvalidQueryException("the answer would have more cells than the " + limit
                    + " returned per query (areas x periods x breakdown values): ask for fewer areas, periods or breakdowns");
        }
    }

    private static long periodsAsked(ObservationQuery query, QuestionFacts.Facts facts) {
        var selector = query.periods();
        if (!selector.codes().isEmpty()) {
            return selector.codes().size();
        }
        if (selector.from() == null && selector.to() == null) {
            return 1;
        }
        return facts.periodCodes().stream().map(Period::parse)
                .filter(p -> selector.from() == null || !p.start().isBefore(selector.from().start()))
                .filter(p -> selector.to() == null || !p.start().isAfter(selector.to().start()))
                .count();
    }

    ResolvedQuery resolve(StoredIndicator indicator, ObservationQuery query) {
        List<StoredType> types = indicator.characteristicTypes();
        List<Integer> positions = new ArrayList<>();
        for (String code : query.breakdown()) {
            positions.add(positionOf(indicator, code));
        }
        List<ResolvedQuery.ValueFilter> filters = new ArrayList<>();
        for (CharacteristicFilter filter : query.filter()) {
            int position = positionOf(indicator, filter.type());
            StoredType type = types.get(position - 1);
            List<Integer> ids = new ArrayList<>();
            for (String code : filter.values()) {
                StoredValue value = type.value(code).orElseThrow(() -> new InvalidQueryException("'" + code
                        + "' is not a value of " + type.code() + "; expected one of "
                        + type.values().stream().filter(v -> !v.total()).map(StoredValue::code).toList()));
                if (value.total()) {
                    throw new InvalidQueryException("filter on " + type.code() + " cannot list 'total'; leave "
                            + type.code() + " out of the breakdown to get the total");
                }
                ids.add(value.id());
            }
            filters.add(new ResolvedQuery.ValueFilter(position, ids));
        }
        var selector = query.areas();
        List<String> codes = selector.codes();
        if (selector.customGeography() != null) {
            codes = List.of(selector.customGeography());
        }
        if (selector.level() != null && !areas.isAreaType(selector.level())) {
            throw new InvalidQueryException("level '" + selector.level() + "' is not an area type; expected one of " + areas.areaTypeCodes());
        }
        return new ResolvedQuery(indicator.dbId(),
                new ResolvedQuery.AreaTarget(codes, selector.within(), selector.level()),
                query.periods(), positions, List.copyOf(query.breakdown()), filters, ReleaseSet.CURRENT);
    }

    private static int positionOf(StoredIndicator indicator, String typeCode) {
        List<StoredType> types = indicator.characteristicTypes();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).code().equals(typeCode)) {
                return i + 1;
            }
        }
        throw new InvalidQueryException("indicator '" + indicator.id() + "' is not broken down by '" + typeCode
                + "'; it has " + indicator.definition().characteristicTypes());
    }
}
