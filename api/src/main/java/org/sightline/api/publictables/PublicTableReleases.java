package org.sightline.api.publictables;

import static org.sightline.db.Tables.PUBLIC_TABLE_RELEASE;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.geography.AreaGrains;
import org.sightline.api.privacy.DisclosurePolicies;
import org.sightline.api.releases.ReleasePublished;
import org.sightline.domain.access.Role;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.privacy.noise.ApproximateDp;
import org.sightline.privacy.noise.CellIdentity;
import org.sightline.privacy.noise.ConsistentNoise;
import org.sightline.privacy.noise.Rational;
import org.sightline.privacy.noise.Rho;
import org.sightline.privacy.policy.Access;
import org.sightline.privacy.policy.PolicyRule;
import org.sightline.privacy.policy.PublicTableRelease;
import org.sightline.privacy.policy.Treatment;
import org.sightline.privacy.tables.Characteristics;
import org.sightline.privacy.tables.CubeCombination;
import org.sightline.privacy.tables.GeographyForest;
import org.sightline.privacy.tables.GeographyNode;
import org.sightline.privacy.tables.MeasurementKey;
import org.sightline.privacy.tables.MeasurementNoise;
import org.sightline.privacy.noise.DiscreteGaussian;
import org.sightline.privacy.tables.PublicCell;
import org.sightline.privacy.tables.PublicTable;
import org.sightline.privacy.tables.PublicTables;
import org.sightline.privacy.tables.TrueCounts;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public's tables of each release. When a release of an indicator whose public treatment is
 * noise is published, its tables are measured once ({@link PublicTables#publish}: every level of
 * the nested geography from the country down to the finest level the public may see, crossed with
 * the documented characteristic subsets, every period, counts and denominators), made consistent,
 * and stored with the stated loss. Noise is keyed on the server secret, the release and the
 * measurement, so drawing a release's tables again (after the policy changed) gives the same
 * values for the same tables. Every public answer is a sum of stored cells.
 */
@Repository
public class PublicTableReleases {

    /** delta of the (epsilon, delta) shown beside each zCDP loss. */
    public static final double DISPLAY_DELTA = 1e-6;

    private final DSLContext db;
    private final DisclosurePolicies policies;
    private final Map<Long, PublicTableRelease> policiesByRelease = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> checkedIndicators = new ConcurrentHashMap<>();

    private final ApplicationContext context;

    private final AreaDirectory areas;

    PublicTableReleases(DSLContext db, DisclosurePolicies policies, AreaDirectory areas, ApplicationContext context) {
        this.db = db;
        this.policies = policies;
        this.areas = areas;
        this.context = context;
    }

    /** This bean through its proxy, so that {@link #prepareMissing} runs in its own transaction. */
    private PublicTableReleases self() {
        return context.getBean(PublicTableReleases.class);
    }

    /** The public's loss as stated for one release. */
    public record StatedLoss(long releaseId, String rho, double rhoValue, double epsilon, double delta, String mechanism,
                             List<String> tables) {
    }

    /** Draws the tables of a release as it is published, in the publishing transaction. */
    @EventListener
    @Order(10)
    void onPublished(ReleasePublished release) {
        prepare(release.indicatorDbId(), release.releaseId());
        checkedIndicators.remove(release.indicatorDbId());
    }

    /**
     * A withdrawal makes earlier releases current again; their tables were drawn when they were
     * published, and any that lack tables for today's policy are drawn by the next question's check.
     */
    @EventListener
    void onWithdrawn(org.sightline.api.releases.ReleaseWithdrawn release) {
        checkedIndicators.remove(release.indicatorDbId());
    }

    /**
     * Whether {@link #prepareMissing} has run for the indicator in this process. Ask before calling
     * it from inside another transaction: it runs in its own, so it takes a second connection.
     */
    public boolean checked(int indicatorDbId) {
        return checkedIndicators.containsKey(indicatorDbId);
    }

    /**
     * Draws the tables of every current release of the indicator that has none for today's policy
     * (releases published before this existed, or after the public's policy changed). Checked once
     * per indicator per process.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void prepareMissing(int indicatorDbId) {
        if (checkedIndicators.containsKey(indicatorDbId)) {
            return;
        }
        db.execute("SELECT pg_advisory_xact_lock(727001, ?)", indicatorDbId);
        Optional<String> policy = publicPolicy(indicatorDbId);
        if (policy.isPresent()) {
            List<Long> stale = db.fetch("""
                    SELECT r.id FROM release r
                    LEFT JOIN public_table_release p ON p.release_id = r.id
                    WHERE r.indicator_id = ? AND r.status = 'PUBLISHED' AND (p.policy IS NULL OR p.policy <> ?)
                    ORDER BY r.id""", indicatorDbId, policy.get()).getValues(0, Long.class);
            for (long releaseId : stale) {
                prepare(indicatorDbId, releaseId);
            }
        }
        checkedIndicators.put(indicatorDbId, true);
    }

    /**
     * At start-up, draws what is missing for every indicator (a database published before the
     * public's tables existed, or a changed policy), so that no question waits for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void prepareAllMissing() {
        for (Integer indicator : db.fetch("SELECT id FROM indicator ORDER BY id").getValues(0, Integer.class)) {
            self().prepareMissing(indicator);
        }
    }

    /** How released values of a release are described: its mechanism and stated loss. */
    public PublicTableRelease releasePolicy(long releaseId) {
        return policiesByRelease.computeIfAbsent(releaseId, id -> {
            var row = db.selectFrom(PUBLIC_TABLE_RELEASE).where(PUBLIC_TABLE_RELEASE.RELEASE_ID.eq(id)).fetchOne();
            if (row == null) {
                throw new IllegalStateException("release " + id + " has no public tables");
            }
            return new PublicTableRelease(row.getMechanism(), row.getRhoValue(), row.getEpsilon(), row.getDelta());
        });
    }

    /** The stated loss of each current release of the indicator (the newest release of each period), oldest first. */
    public List<StatedLoss> currentLosses(int indicatorDbId) {
        return db.fetch("""
                SELECT p.release_id, p.rho, p.rho_value, p.epsilon, p.delta, p.mechanism, p.tables
                FROM public_table_release p
                WHERE p.release_id IN (SELECT DISTINCT ON (rp.period_id) rp.release_id FROM release_period rp
                                       JOIN release r ON r.id = rp.release_id
                                       WHERE r.indicator_id = ? AND r.status = 'PUBLISHED'
                                       ORDER BY rp.period_id, r.version DESC)
                ORDER BY p.release_id""", indicatorDbId)
                .map(r -> new StatedLoss(r.get(0, Long.class), r.get(1, String.class), r.get(2, Double.class), r.get(3, Double.class),
                        r.get(4, Double.class), r.get(5, String.class), List.of(r.get(6, String.class).split("\n"))));
    }

    /** The public's rule for the indicator, if it is noise down to a level (the only rule that has tables). */
    private Optional<PolicyRule> publicNoiseRule(int indicatorDbId) {
        String disclosureClass = db.fetchOne("SELECT disclosure_class FROM indicator WHERE id = ?", indicatorDbId).get(0, String.class);
        PolicyRule rule = policies.matrix().ruleFor(new Access(Role.PUBLIC, false, false), DisclosureClass.valueOf(disclosureClass));
        return rule.treatment() == Treatment.NOISE && rule.finestLevel() != null ? Optional.of(rule) : Optional.empty();
    }

    /** The public's rule, as the text stored with each release's tables, if the public gets noise. */
    private Optional<String> publicPolicy(int indicatorDbId) {
        return publicNoiseRule(indicatorDbId).map(this::policyText);
    }

    private String policyText(PolicyRule rule) {
        return "PUBLIC NOISE@" + rule.finestLevel() + " rho " + policies.settings().publicRho() + " per period and measure; "
                + org.sightline.privacy.tables.MeasurementKey.VERSION;
    }

    private void prepare(int indicatorDbId, long releaseId) {
        Optional<PolicyRule> publicRule = publicNoiseRule(indicatorDbId);
        if (publicRule.isEmpty()) {
            return;
        }
        PolicyRule rule = publicRule.get();
        String policy = policyText(rule);
        db.execute("DELETE FROM public_table_cell WHERE release_id = ?", releaseId);
        db.execute("DELETE FROM public_table_release WHERE release_id = ?", releaseId);
        // The cells were just copied in this transaction: without statistics the planner reads them badly.
        db.execute("ANALYZE observation");
        List<String> levels = levelsFor(releaseId, rule.finestGranularity());
        if (levels.isEmpty()) {
            return;
        }
        String indicatorSlug = db.fetchOne("SELECT slug FROM indicator WHERE id = ?", indicatorDbId).get(0, String.class);
        Forest forest = forest(releaseId, levels);
        List<SlotValues> allSlots = slotValues(indicatorDbId);
        // Characteristics of the area itself (an IMD decile) split areas into base areas the public
        // may not see, so the public's tables are not broken down by them (they are summed over).
        List<SlotValues> slots = allSlots.stream().filter(slot -> !slot.areaDerived()).toList();
        Characteristics characteristics = Characteristics.of(slots.stream().mapToInt(s -> s.detailIds().size()).toArray());
        Rho rhoPerTableSet = new Rho(Rational.parse(policies.settings().publicRho()));
        ConsistentNoise noise = policies.consistentNoise();

        Map<Integer, String> periods = new LinkedHashMap<>();
        db.fetch("SELECT p.id, p.code FROM release_period rp JOIN period p ON p.id = rp.period_id WHERE rp.release_id = ? "
                + "ORDER BY p.start_date, p.end_date", releaseId).forEach(r -> periods.put(r.get(0, Integer.class), r.get(1, String.class)));
        boolean denominators = db.fetchExists(db.selectOne().from(org.sightline.db.Tables.OBSERVATION)
                .where(org.sightline.db.Tables.OBSERVATION.RELEASE_ID.eq(releaseId))
                .and(org.sightline.db.Tables.OBSERVATION.DENOMINATOR.isNotNull()));
        boolean counts = db.fetchExists(db.selectOne().from(org.sightline.db.Tables.OBSERVATION)
                .where(org.sightline.db.Tables.OBSERVATION.RELEASE_ID.eq(releaseId))
                .and(org.sightline.db.Tables.OBSERVATION.COUNT.isNotNull()));

        StringBuilder copy = new StringBuilder();
        Rho total = Rho.ZERO;
        List<String> tableLines = new ArrayList<>();
        String mechanism = null;
        for (var period : periods.entrySet()) {
            Map<String, PublicTables> measures = new LinkedHashMap<>();
            Map<String, TrueCounts.Builder> builders = new LinkedHashMap<>();
            if (counts) {
                builders.put("count", TrueCounts.builder(forest.forest(), characteristics));
            }
            if (denominators) {
                builders.put("denominator", TrueCounts.builder(forest.forest(), characteristics));
            }
            readTrueCounts(releaseId, period.getKey(), forest, slots, builders);
            for (var measure : builders.entrySet()) {
                String measureName = measure.getKey();
                PublicTables tables = PublicTables.publish(measure.getValue().build(), rhoPerTableSet, new MeasurementNoise() {
                    @Override
                    public long noise(MeasurementKey key, DiscreteGaussian mechanismUsed) {
                        return noise.noiseFor(new CellIdentity(indicatorSlug, Long.toString(releaseId),
                                List.of("period=" + period.getValue(), "measure=" + measureName, key.canonicalForm())), mechanismUsed);
                    }

                    /** Keyed on the secret and the measurement only, so it may be drawn in parallel. */
                    @Override
                    public boolean isPureFunctionOfKey() {
                        return true;
                    }
                });
                measures.put(measureName, tables);
                total = total.plus(tables.design().totalRho());
                mechanism = "discrete-gaussian(sigma^2=" + tables.design().sigmaSquared() + ") on "
                        + tables.design().tables().size() + " tables per period and measure, least-squares consistency, "
                        + "integer rounding that keeps totals";
                for (PublicTable table : tables.design().tables()) {
                    tableLines.add(period.getValue() + " " + measureName + ": " + table.level() + " x "
                            + (table.types().isEmpty() ? "total" : table.types().stream().map(t -> slots.get(t).type()).toList())
                            + " (sigma^2 " + tables.design().sigmaSquared() + ")");
                }
            }
            appendCells(copy, releaseId, period.getKey(), forest, allSlots, slots, measures);
        }
        if (mechanism == null) {
            return;
        }
        db.connection(connection -> connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY public_table_cell (release_id, period_id, area_id, c1_value_id, c2_value_id, c3_value_id, c4_value_id, leaf, "
                        + "count, denominator, count_sd, denominator_sd, noisy_count, noisy_denominator) FROM STDIN (FORMAT csv)",
                new StringReader(copy.toString())));
        ApproximateDp dp = total.toApproximateDp(DISPLAY_DELTA);
        db.insertInto(PUBLIC_TABLE_RELEASE)
                .set(PUBLIC_TABLE_RELEASE.RELEASE_ID, releaseId)
                .set(PUBLIC_TABLE_RELEASE.POLICY, policy)
                .set(PUBLIC_TABLE_RELEASE.FINEST_LEVEL, levels.get(levels.size() - 1))
                .set(PUBLIC_TABLE_RELEASE.RHO, total.value().toString())
                .set(PUBLIC_TABLE_RELEASE.RHO_VALUE, total.doubleValue())
                .set(PUBLIC_TABLE_RELEASE.EPSILON, dp.epsilon())
                .set(PUBLIC_TABLE_RELEASE.DELTA, dp.delta())
                .set(PUBLIC_TABLE_RELEASE.MECHANISM, mechanism)
                .set(PUBLIC_TABLE_RELEASE.TABLES, String.join("\n", tableLines))
                .execute();
        policiesByRelease.remove(releaseId);
    }

    /**
     * The nested levels of the tables: from the country down to the finest level the public may see
     * at which every stored area of the release lies inside an area (a release stored at district
     * level gets district tables, even where the public could see wards).
     */
    private List<String> levelsFor(long releaseId, int finestGranularity) {
        List<String> allowed = AreaGrains.NESTED_LEVELS.stream()
                .filter(level -> areas.areaType(level).granularity() <= finestGranularity)
                .toList();
        for (int finest = allowed.size() - 1; finest >= 0; finest--) {
            boolean everyAreaInside = db.fetchOne("""
                    SELECT NOT EXISTS (SELECT 1 FROM (SELECT DISTINCT area_id FROM observation WHERE release_id = ?) d
                                       WHERE NOT EXISTS (SELECT 1 FROM area_closure c JOIN area a ON a.id = c.ancestor_id
                                                         WHERE c.descendant_id = d.area_id AND a.area_type = ?))""",
                    releaseId, allowed.get(finest)).get(0, Boolean.class);
            if (everyAreaInside) {
                return allowed.subList(0, finest + 1);
            }
        }
        return List.of();
    }

    /** The forest: every area of the levels under the coarsest areas holding the release's data. */
    private record Forest(GeographyForest forest, Map<String, Integer> areaIds, String finestLevel) {
    }

    private Forest forest(long releaseId, List<String> levels) {
        String[] levelArray = levels.toArray(String[]::new);
        List<Integer> roots = db.fetch("""
                SELECT DISTINCT top FROM (
                    SELECT DISTINCT ON (d.area_id) c.ancestor_id AS top
                    FROM (SELECT DISTINCT area_id FROM observation WHERE release_id = ?) d
                    JOIN area_closure c ON c.descendant_id = d.area_id
                    JOIN area a ON a.id = c.ancestor_id
                    JOIN area_type t ON t.code = a.area_type
                    JOIN area_type g ON g.code = a.composed_of
                    WHERE a.area_type = ANY(?) AND g.granularity <= t.granularity
                    ORDER BY d.area_id, t.granularity, a.id) tops""", releaseId, levelArray).getValues(0, Integer.class);
        // Each area of the levels under a root, with its nearest ancestor of the levels (its parent in
        // the forest). Only areas made of their own level (or coarser) take part: an area an operator
        // declared a region around one ward, or a real region sharing its wards with such an area,
        // would count people twice in a table - answers about them are sums of the finest cells.
        var rows = db.fetch("""
                SELECT n.id, n.code, n.area_type,
                       (SELECT p.code FROM area_closure pc JOIN area p ON p.id = pc.ancestor_id JOIN area_type pt ON pt.code = p.area_type
                        JOIN area_type pg ON pg.code = p.composed_of
                        WHERE pc.descendant_id = n.id AND pc.depth > 0 AND p.area_type = ANY(?) AND pg.granularity <= pt.granularity
                          AND EXISTS (SELECT 1 FROM area_closure rc WHERE rc.descendant_id = p.id AND rc.ancestor_id = ANY(?))
                        ORDER BY pc.depth, pt.granularity DESC, p.id LIMIT 1) AS parent_code
                FROM (SELECT DISTINCT a.id, a.code, a.area_type, t.granularity FROM area_closure c
                      JOIN area a ON a.id = c.descendant_id JOIN area_type t ON t.code = a.area_type
                      JOIN area_type g ON g.code = a.composed_of
                      WHERE c.ancestor_id = ANY(?) AND a.area_type = ANY(?) AND g.granularity <= t.granularity) n
                ORDER BY n.granularity, n.code""", levelArray, roots.toArray(Integer[]::new), roots.toArray(Integer[]::new), levelArray);
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> areaIds = new LinkedHashMap<>();
        List<GeographyNode> nodes = new ArrayList<>();
        for (var r : rows) {
            String code = r.get(1, String.class);
            String parent = r.get(3, String.class);
            Integer parentIndex = parent == null ? null : index.get(parent);
            nodes.add(parentIndex == null ? GeographyNode.root(code, r.get(2, String.class))
                    : new GeographyNode(code, r.get(2, String.class), parentIndex));
            index.put(code, nodes.size() - 1);
            areaIds.put(code, r.get(0, Integer.class));
        }
        return new Forest(GeographyForest.of(nodes), areaIds, levels.get(levels.size() - 1));
    }

    /**
     * An indicator's characteristic slot (observation column c{position}): its type code, total
     * value id and detail value ids in order, and whether the type is a function of the area.
     */
    private record SlotValues(int position, String type, int totalId, List<Integer> detailIds, boolean areaDerived) {
    }

    /** Every slot of the indicator, in position order. */
    private List<SlotValues> slotValues(int indicatorDbId) {
        Map<Integer, SlotValues> slots = new LinkedHashMap<>();
        db.fetch("""
                SELECT ict.position, t.code, v.id, v.is_total, t.area_derived FROM indicator_characteristic_type ict
                JOIN characteristic_type t ON t.id = ict.characteristic_type_id
                JOIN characteristic_value v ON v.type_id = t.id
                WHERE ict.indicator_id = ? ORDER BY ict.position, v.sort_order""", indicatorDbId).forEach(r -> {
            int position = r.get(0, Integer.class);
            SlotValues slot = slots.computeIfAbsent(position,
                    p -> new SlotValues(p, r.get(1, String.class), 0, new ArrayList<>(), r.get(4, Boolean.class)));
            if (r.get(3, Boolean.class)) {
                slots.put(position, new SlotValues(position, slot.type(), r.get(2, Integer.class), slot.detailIds(), slot.areaDerived()));
            } else {
                slot.detailIds().add(r.get(2, Integer.class));
            }
        });
        return new ArrayList<>(slots.values());
    }

    /** Sums the release's stored cells of one period into the leaves of the forest, per full combination. */
    private void readTrueCounts(long releaseId, int periodId, Forest forest, List<SlotValues> slots,
                                Map<String, TrueCounts.Builder> builders) {
        List<String> slotColumns = slots.stream().map(slot -> "o.c" + slot.position() + "_value_id").toList();
        String slotList = slotColumns.isEmpty() ? "" : ", " + String.join(", ", slotColumns);
        // Each stored area is summed into the area of the finest level that holds it; areas of that
        // level outside the forest (not trusted as building blocks) are dropped below.
        var rows = db.fetch("SELECT leaf.code, sum(o.count), sum(o.denominator)" + slotList + """
                 FROM observation o
                JOIN area_closure c ON c.descendant_id = o.area_id
                JOIN area leaf ON leaf.id = c.ancestor_id AND leaf.area_type = ?
                WHERE o.release_id = ? AND o.period_id = ?
                GROUP BY leaf.code""" + slotList, forest.finestLevel(), releaseId, periodId);
        java.util.Set<String> leaves = new java.util.HashSet<>();
        forest.forest().leaves().forEach(i -> leaves.add(forest.forest().node(i).code()));
        rows.removeIf(r -> !leaves.contains(r.get(0, String.class)));
        for (var r : rows) {
            int[] values = new int[slots.size()];
            for (int i = 0; i < slots.size(); i++) {
                values[i] = slots.get(i).detailIds().indexOf(r.get(3 + i, Integer.class));
            }
            Long count = r.get(1, Long.class);
            Long denominator = r.get(2, Long.class);
            if (builders.containsKey("count") && count != null) {
                builders.get("count").add(r.get(0, String.class), values, count);
            }
            if (builders.containsKey("denominator") && denominator != null) {
                builders.get("denominator").add(r.get(0, String.class), values, denominator);
            }
        }
    }

    private static void appendCells(StringBuilder copy, long releaseId, int periodId, Forest forest, List<SlotValues> allSlots,
                                    List<SlotValues> slots, Map<String, PublicTables> measures) {
        PublicTables any = measures.values().iterator().next();
        PublicTables counts = measures.get("count");
        PublicTables denominators = measures.get("denominator");
        for (GeographyNode node : any.forest().nodes()) {
            boolean leaf = any.forest().isLeaf(any.forest().indexOf(node.code()));
            for (CubeCombination combination : any.characteristics().cubeCombinations()) {
                copy.append(releaseId).append(',').append(periodId).append(',').append(forest.areaIds().get(node.code()));
                for (int position = 1; position <= 4; position++) {
                    copy.append(',');
                    int p = position;
                    int type = slots.stream().map(SlotValues::position).toList().indexOf(position);
                    if (type >= 0) {
                        copy.append(combination.isTotal(type) ? slots.get(type).totalId()
                                : slots.get(type).detailIds().get(combination.value(type)));
                    } else {
                        allSlots.stream().filter(slot -> slot.position() == p).findFirst().ifPresent(slot -> copy.append(slot.totalId()));
                    }
                }
                copy.append(',').append(leaf);
                PublicCell count = counts == null ? null : counts.cell(node.code(), combination);
                PublicCell denominator = denominators == null ? null : denominators.cell(node.code(), combination);
                copy.append(',').append(count == null ? "" : count.released())
                        .append(',').append(denominator == null ? "" : denominator.released())
                        .append(',').append(count == null ? "" : count.noiseStandardDeviation())
                        .append(',').append(denominator == null ? "" : denominator.noiseStandardDeviation())
                        .append(',').append(count == null || count.measurement() == null ? "" : count.measurement())
                        .append(',').append(denominator == null || denominator.measurement() == null ? "" : denominator.measurement())
                        .append('\n');
            }
        }
    }
}
