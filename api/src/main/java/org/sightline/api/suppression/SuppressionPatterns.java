package org.sightline.api.suppression;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.characteristics.CharacteristicTypes.StoredValue;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.privacy.DisclosurePolicies;
import org.sightline.api.privacy.PrivacySettings;
import org.sightline.api.releases.ReleasePublished;
import org.sightline.privacy.policy.Access.EffectiveRole;
import org.sightline.privacy.suppression.AdditiveTable;
import org.sightline.privacy.suppression.Relation;
import org.sightline.privacy.suppression.SecondarySuppression;
import org.sightline.privacy.suppression.SuppressedCell;
import org.sightline.privacy.suppression.SuppressionBudget;
import org.sightline.privacy.suppression.SuppressionReason;
import org.sightline.privacy.suppression.SuppressionResult;
import org.sightline.privacy.suppression.SuppressionRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suppression patterns, solved once per release and looked up by every question.
 *
 * <p>{@link #prepare} solves, for every current release of an indicator (the newest published
 * release covering each period), every period, every country with data and every
 * {@link TableKind} the policy matrix needs for the indicator's disclosure class, the whole table
 * of margins of that kind, and stores the withheld cells. It runs when a release is published, in
 * the publishing transaction (so demo data loaded at start gets its patterns too), and is
 * idempotent: what is stored for the current geography is not solved again.
 *
 * <p>{@link #lookup} tells, for the cells of a question, which are withheld. Every question about
 * a cell, at any level and however phrased, reads the same stored pattern, so no cell is withheld
 * in one answer and released in another. A pattern that is missing at question time (the policy
 * matrix was reconfigured, or geography loaded, since the release) is solved then, once, under a
 * lock that other instances wait on.
 *
 * <p>Each table gets {@code sightline.privacy.suppression-budget-seconds}; when the exact pattern
 * takes longer, the table's finest level is withheld whole (see
 * {@link SecondarySuppression#apply(AdditiveTable, SuppressionRule, SuppressionBudget, java.util.function.ToIntFunction)}).
 */
@Component
public class SuppressionPatterns {

    /** Overlapping groupings (and custom areas) are not modelled in the tables, so their cells are withheld. */
    private static final Set<String> NOT_IN_TABLES = Set.of("custom", "msoa", "postcode_sector");
    private static final Logger log = LoggerFactory.getLogger(SuppressionPatterns.class);

    /** One cell of a question: its area, period, the release it was read from and its slot values (total ids for totals). */
    public record QuestionCell(String areaCode, String periodCode, long releaseId, List<Integer> valueIds) {
        public QuestionCell {
            Objects.requireNonNull(areaCode, "areaCode");
            Objects.requireNonNull(periodCode, "periodCode");
            valueIds = List.copyOf(valueIds);
        }
    }

    /**
     * Whether a question's cell is withheld, and if its table was withheld whole from some level
     * because the exact pattern could not be found within budget (said of every withheld cell of
     * such a table, primary or not).
     */
    public record Verdict(boolean withheld, String tableWithheldWholeFrom) {
        static final Verdict RELEASED = new Verdict(false, null);
        static final Verdict WITHHELD = new Verdict(true, null);
    }

    private final StoredPatterns store;
    private final MarginTables marginTables;
    private final AreaDirectory areas;
    private final DisclosurePolicies policies;
    private final Indicators indicators;
    private final TransactionTemplate transaction;
    /** For a question that found a pattern missing: solved and committed on its own, whatever the question's transaction. */
    private final TransactionTemplate ownTransaction;

    SuppressionPatterns(StoredPatterns store, MarginTables marginTables, AreaDirectory areas, DisclosurePolicies policies,
                        Indicators indicators, TransactionTemplate transaction) {
        this.transaction = transaction;
        this.ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.store = store;
        this.marginTables = marginTables;
        this.areas = areas;
        this.policies = policies;
        this.indicators = indicators;
    }

    /** Solves the new release's patterns inside the transaction that publishes it. */
    @EventListener
    public void onReleasePublished(ReleasePublished event) {
        prepare(event.indicatorDbId());
    }

    /** The releases current for some periods changed: solves what the newly current ones lack, in the withdrawing transaction. */
    @EventListener
    public void onReleaseWithdrawn(org.sightline.api.releases.ReleaseWithdrawn event) {
        prepare(event.indicatorDbId());
    }

    /**
     * Solves and stores every pattern the indicator's current releases need and do not have yet.
     *
     * @return how many tables were solved
     */
    public int prepare(int indicatorDbId) {
        // Joins the publishing transaction when there is one; the lock is held to its end.
        Integer solved = transaction.execute(status -> {
            store.lock(indicatorDbId);
            StoredIndicator indicator = indicator(indicatorDbId);
            int tables = 0;
            for (TableKind kind : kindsFor(indicator)) {
                tables += prepareKind(indicator, kind);
            }
            return tables;
        });
        return solved == null ? 0 : solved;
    }

    /** The table kinds the policy matrix needs for the indicator's disclosure class, in a fixed order. */
    public Set<TableKind> kindsFor(StoredIndicator indicator) {
        Set<TableKind> kinds = new LinkedHashSet<>();
        for (EffectiveRole role : EffectiveRole.values()) {
            TableKind.forRule(policies.matrix().ruleFor(role, indicator.definition().disclosureClass())).ifPresent(kinds::add);
        }
        return kinds;
    }

    /** Solves what is missing of one kind, under the indicator's lock: for questions that found a pattern missing. */
    public void ensure(int indicatorDbId, TableKind kind) {
        ownTransaction.executeWithoutResult(status -> {
            // Whoever held the lock before us may have solved it already: prepareKind skips what is stored.
            store.lock(indicatorDbId);
            prepareKind(indicator(indicatorDbId), kind);
        });
    }

    private StoredIndicator indicator(int indicatorDbId) {
        String slug = store.slugOf(indicatorDbId);
        return indicators.find(slug).orElseThrow(() -> new IllegalStateException("no indicator with id " + indicatorDbId));
    }

    private int prepareKind(StoredIndicator indicator, TableKind kind) {
        String stamp = store.geographyStamp();
        Map<StoredPatterns.Slot, StoredPatterns.Pattern> stored = store.patterns(indicator.dbId(), kind);
        int solved = 0;
        for (StoredPatterns.Target target : store.currentTargets(indicator.dbId())) {
            StoredPatterns.Pattern existing = stored.get(target.slot());
            if (existing != null && existing.geographyStamp().equals(stamp)) {
                continue;
            }
            if (existing != null) {
                store.delete(existing.id());
            }
            solve(indicator, kind, target, stamp);
            solved++;
        }
        return solved;
    }

    private void solve(StoredIndicator indicator, TableKind kind, StoredPatterns.Target target, String stamp) {
        long started = System.nanoTime();
        String finestLevel = kind.finestLevel() != null ? kind.finestLevel() : target.releaseGrain();
        List<AreaDirectory.AreaTypeRow> levels = levelsDownTo(finestLevel);
        List<Integer> totalIds = indicator.characteristicTypes().stream().map(SuppressionPatterns::totalId).toList();
        MarginTables.MarginTable margins = marginTables.load(indicator.dbId(), target.slot().releaseId(), target.slot().periodId(),
                target.slot().rootAreaId(), levels.stream().map(AreaDirectory.AreaTypeRow::code).toList(), totalIds);

        // Cell keys for the pure-Java engine: any distinct strings do; they are mapped back, never parsed.
        Map<CellKey, String> names = new HashMap<>();
        Map<String, CellKey> cells = new HashMap<>();
        margins.counts().keySet().forEach(cell -> {
            String name = cell.areaId() + ":" + cell.valueIds();
            names.put(cell, name);
            cells.put(name, cell);
        });
        Map<String, Long> counts = new HashMap<>();
        margins.counts().forEach((cell, count) -> counts.put(names.get(cell), count));
        List<Relation> relations = margins.relations().stream()
                .map(r -> new Relation(names.get(r.total()), r.parts().stream().map(names::get).toList())).toList();
        Map<String, Integer> granularityOf = new HashMap<>();
        margins.areaTypes().forEach((areaId, type) -> granularityOf.put(type, areas.areaType(type).granularity()));
        List<String> known = new ArrayList<>();
        if (kind.exactThrough() != null) {
            int exactThrough = areas.areaType(kind.exactThrough()).granularity();
            margins.counts().keySet().stream()
                    .filter(cell -> granularityOf.get(margins.areaTypes().get(cell.areaId())) <= exactThrough)
                    .forEach(cell -> known.add(names.get(cell)));
        }
        AdditiveTable table = new AdditiveTable(counts, relations, List.of(), known);
        PrivacySettings settings = policies.settings();
        SuppressionRule rule = new SuppressionRule(settings.threshold(), settings.suppressZeros());
        SuppressionBudget budget = SuppressionBudget.ofTime(Duration.ofNanos((long) (settings.suppressionBudgetSeconds() * 1e9)));
        SuppressionResult result = new SecondarySuppression().apply(table, rule, budget,
                name -> granularityOf.get(margins.areaTypes().get(cells.get(name).areaId())));

        Map<CellKey, SuppressionReason> withheld = new HashMap<>();
        for (SuppressedCell cell : result.suppressedCells().values()) {
            withheld.put(cells.get(cell.key()), cell.reason());
        }
        String wholeFrom = result.withheldWholeFromLevel().isEmpty() ? null
                : levels.stream().filter(l -> l.granularity() == result.withheldWholeFromLevel().getAsInt())
                        .map(AreaDirectory.AreaTypeRow::code).findFirst().orElseThrow();
        long millis = (System.nanoTime() - started) / 1_000_000;
        store.insert(indicator.dbId(), kind, target.slot(), finestLevel, stamp, wholeFrom, counts.size(), withheld, millis);
        log.info("Suppression pattern of {} ({}, release {}, period id {}, root area id {}): {} of {} cells withheld{} in {} ms",
                indicator.id(), kind.code(), target.slot().releaseId(), target.slot().periodId(), target.slot().rootAreaId(),
                withheld.size(), counts.size(), wholeFrom == null ? "" : " (budget spent: " + wholeFrom + " and finer withheld whole)",
                millis);
    }

    /** The area types of a table down to the given level, coarsest first. */
    private List<AreaDirectory.AreaTypeRow> levelsDownTo(String finestLevel) {
        int finest = areas.areaType(finestLevel).granularity();
        return areas.areaTypes().stream()
                .filter(t -> t.granularity() <= finest && !NOT_IN_TABLES.contains(t.code()))
                .sorted(java.util.Comparator.comparingInt(AreaDirectory.AreaTypeRow::granularity))
                .toList();
    }

    private static int totalId(StoredType type) {
        return type.values().stream().filter(StoredValue::total).findFirst()
                .orElseThrow(() -> new IllegalStateException("characteristic type " + type.code() + " has no total value"))
                .id();
    }

    /**
     * For each cell of a question, in order, whether the stored pattern withholds it. A cell
     * outside every stored table (an MSOA, an area in no country, a release no longer current) is
     * withheld: with no pattern to say it is safe, it is not published.
     */
    public List<Verdict> lookup(StoredIndicator indicator, TableKind kind, List<QuestionCell> question) {
        if (question.isEmpty()) {
            return List.of();
        }
        Map<String, StoredPatterns.AreaInCountry> areasInCountries =
                store.areasInCountries(question.stream().map(QuestionCell::areaCode).distinct().toList());
        List<Long> releaseIds = question.stream().map(QuestionCell::releaseId).distinct().toList();
        List<String> periodCodes = question.stream().map(QuestionCell::periodCode).distinct().toList();
        Set<Needed> needed = new LinkedHashSet<>();
        for (QuestionCell cell : question) {
            StoredPatterns.AreaInCountry area = areasInCountries.get(cell.areaCode());
            if (area != null && area.countryId() != null) {
                needed.add(new Needed(cell.releaseId(), cell.periodCode(), area.countryId()));
            }
        }
        Map<Needed, StoredPatterns.Pattern> patterns = patternsFor(indicator, kind, releaseIds, periodCodes);
        if (!patterns.keySet().containsAll(needed)) {
            ensure(indicator.dbId(), kind);
            patterns = patternsFor(indicator, kind, releaseIds, periodCodes);
        }
        Map<Needed, StoredPatterns.Pattern> found = patterns;
        List<Long> patternIds = needed.stream().map(found::get).filter(Objects::nonNull).map(StoredPatterns.Pattern::id).toList();
        List<Integer> areaIds = areasInCountries.values().stream().map(StoredPatterns.AreaInCountry::id).toList();
        Set<StoredPatterns.Withheld> withheld = patternIds.isEmpty() ? Set.of()
                : store.withheld(patternIds, areaIds, indicator.characteristicTypes().size());

        List<Verdict> verdicts = new ArrayList<>(question.size());
        for (QuestionCell cell : question) {
            StoredPatterns.AreaInCountry area = areasInCountries.get(cell.areaCode());
            StoredPatterns.Pattern pattern = area == null || area.countryId() == null ? null
                    : found.get(new Needed(cell.releaseId(), cell.periodCode(), area.countryId()));
            if (pattern == null || !inTable(area.type(), pattern.finestLevel())) {
                verdicts.add(Verdict.WITHHELD);
            } else if (withheld.contains(new StoredPatterns.Withheld(pattern.id(), new CellKey(area.id(), cell.valueIds())))) {
                verdicts.add(new Verdict(true, pattern.withheldWholeFrom()));
            } else {
                verdicts.add(Verdict.RELEASED);
            }
        }
        return verdicts;
    }

    /** A table a question needs: the release and period of a cell and the country it lies in. */
    private record Needed(long releaseId, String periodCode, int rootAreaId) {
    }

    /** The stored patterns of the question's releases and periods that were solved on the current geography. */
    private Map<Needed, StoredPatterns.Pattern> patternsFor(StoredIndicator indicator, TableKind kind, List<Long> releaseIds,
                                                           List<String> periodCodes) {
        StoredPatterns.PatternsAndStamp stored = store.patterns(indicator.dbId(), kind, releaseIds, periodCodes);
        Map<Needed, StoredPatterns.Pattern> patterns = new HashMap<>();
        for (StoredPatterns.Pattern pattern : stored.patterns()) {
            if (pattern.geographyStamp().equals(stored.currentStamp())) {
                patterns.put(new Needed(pattern.slot().releaseId(), pattern.periodCode(), pattern.slot().rootAreaId()), pattern);
            }
        }
        return patterns;
    }

    private boolean inTable(String areaType, String finestLevel) {
        return !NOT_IN_TABLES.contains(areaType) && areas.areaType(areaType).granularity() <= areas.areaType(finestLevel).granularity();
    }
}
