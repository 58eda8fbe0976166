package org.sightline.privacy.suppression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Chooses the cells of an {@link AdditiveTable} to hide so that small counts can be neither read
 * directly nor worked out from the published margins.
 *
 * <p>The protected cells are the suppressed ones and the table's unpublished cells whose counts
 * are small. For the rule's threshold {@code t} the result satisfies:
 * <ol>
 *   <li>every count from 1 to {@code t - 1} is hidden (PRIMARY), and so is every zero if the rule
 *       suppresses zeros;</li>
 *   <li>in every relation holding a protected cell, unless all its cells are hidden, at least two
 *       cells are hidden, so no single cell falls out by subtraction;</li>
 *   <li>in every such relation whose total is published, the hidden parts add up to at least
 *       {@code t}, so that total minus published parts does not say that the hidden parts are
 *       small. (When the total is itself hidden the relation only says the total is at least its
 *       published parts; the total is protected by the relations it is a part of.)</li>
 *   <li>no protected cell can be pinned to one value through any combination of relations, as
 *       decided exactly by {@link EqualityAudit}, which also respects that hidden zeros cannot go
 *       below zero (it holds them at zero, which errs on the side of hiding more);</li>
 *   <li>no protected cell can be proved smaller than {@code t} by carrying bounds from relation to
 *       relation ({@link UpperBoundAudit}), the several-relation form of rule 3.</li>
 * </ol>
 * Complementary (SECONDARY) cells are chosen to lose little: non-zero cells before zeros, interior
 * cells before margins, smaller counts first, ties by key. Each new complement can break another
 * relation, so the checks repeat until nothing changes. Unpublished cells count as hidden and are
 * never offered as complements.
 *
 * <p>The answer depends only on the table's content, not on the order its cells or relations were
 * supplied in, so the same cells reached through different queries are treated the same way.
 *
 * <p>What this guards against, and what not: an attacker who knows every relation and that counts
 * are non-negative, and who solves linear programs over the finest cells, is left with an interval
 * for every protected cell rather than a single value. Linear programming can still combine
 * relations more cleverly than bound carrying, so in tables of overlapping areas it can sometimes
 * prove a hidden count is below {@code t} (around 1 protected cell in 80 in the tests); in plain
 * hierarchies it did not. The guarantee needs the table to hold its finest building blocks as
 * cells, published or unpublished, and every relation between them (see {@link AdditiveTable});
 * and it assumes the attacker is not told which hidden cells are PRIMARY (see
 * {@link SuppressionReason}).
 *
 * <p>Cells the table marks known (published elsewhere exactly, e.g. the wards an analyst sees
 * exactly) are never hidden: protection falls on the other cells, typically the finer ones under
 * the known cell. What the known cells alone already give away (an LSOA that is its ward's only
 * LSOA) is not this engine's to protect.
 *
 * <p>Exact elimination over a country's wards can take minutes, so an attempt can be given a
 * {@link SuppressionBudget}. When it runs out, the engine withholds MORE, never less: every cell
 * of the table's finest level (other than known cells), solves the coarser rest of the table
 * within a fresh budget (falling back again, level by level, if need be), and then re-runs the
 * cheap checks (requirements 2, 3 and 5) on the whole table, hiding more if they ask for it. With
 * the finest level withheld whole, the finest cells under a published coarser cell can be any
 * non-negative split of it, so the coarser level's protection carries over to them.
 */
public final class SecondarySuppression {

    private static final String SECONDARY_EXPLANATION = "suppressed to protect another cell in the same total";

    /**
     * The exact pattern, however long it takes.
     *
     * @return the cells to hide, each with its reason; unpublished cells are not listed
     */
    public SuppressionResult apply(AdditiveTable table, SuppressionRule rule) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rule, "rule");
        return new Run(new IndexedTable(table), rule, SuppressionBudget.Meter.unlimited()).suppress(table);
    }

    /**
     * The exact pattern if it can be found within the budget; otherwise the fallback of the class
     * comment, which hides at least every cell of the table's finest level.
     *
     * @param levelOfCell the level of each cell's area, larger numbers finer (e.g. an area type's
     *                    granularity); the fallback withholds the finest level first. The
     *                    fallback is sound when each finest-level cell takes part only in
     *                    relations among finest-level cells and in relations whose total is a
     *                    coarser cell and whose parts are all finest-level cells (a hierarchy of
     *                    areas crossed with characteristics)
     * @return the cells to hide; {@link SuppressionResult#withheldWholeFromLevel()} says whether
     *         and from where whole levels were withheld
     */
    public SuppressionResult apply(AdditiveTable table, SuppressionRule rule, SuppressionBudget budget,
                                   ToIntFunction<String> levelOfCell) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(levelOfCell, "levelOfCell");
        try {
            return new Run(new IndexedTable(table), rule, budget.start()).suppress(table);
        } catch (SuppressionBudget.Exhausted spent) {
            return fallBack(table, rule, budget, levelOfCell);
        }
    }

    /** Withholds the finest level whole, solves the rest, then re-checks the whole table cheaply. */
    private SuppressionResult fallBack(AdditiveTable table, SuppressionRule rule, SuppressionBudget budget,
                                       ToIntFunction<String> levelOfCell) {
        OptionalInt finest = table.counts().keySet().stream()
                .filter(key -> !table.isKnown(key) && !table.isUnpublished(key))
                .mapToInt(levelOfCell).max();
        if (finest.isEmpty()) {
            // Nothing may be hidden at all: every published cell is already known to the reader.
            return new SuppressionResult(table, List.of());
        }
        Set<String> layer = new HashSet<>();
        table.counts().keySet().stream()
                .filter(key -> !table.isKnown(key) && levelOfCell.applyAsInt(key) == finest.getAsInt())
                .forEach(layer::add);
        Map<String, Long> coarserCounts = new TreeMap<>(table.counts());
        coarserCounts.keySet().removeAll(layer);
        List<Relation> coarserRelations = table.relations().stream()
                .filter(relation -> relation.cells().stream().noneMatch(layer::contains))
                .toList();
        List<String> coarserUnpublished = table.unpublished().stream().filter(key -> !layer.contains(key)).toList();
        AdditiveTable coarser = new AdditiveTable(coarserCounts, coarserRelations, coarserUnpublished, table.known());
        SuppressionResult coarserResult = apply(coarser, rule, budget, levelOfCell);

        Run check = new Run(new IndexedTable(table), rule, SuppressionBudget.Meter.unlimited());
        for (String key : layer) {
            if (!table.isUnpublished(key)) {
                check.presetHidden(key, rule.isPrimary(table.count(key)) ? SuppressionReason.PRIMARY : SuppressionReason.SECONDARY);
            }
        }
        coarserResult.suppressedCells().values().forEach(cell -> check.presetHidden(cell.key(), cell.reason()));
        int wholeFrom = Math.min(finest.getAsInt(), coarserResult.withheldWholeFromLevel().orElse(Integer.MAX_VALUE));
        return check.cheapChecksOnly().suppress(table, OptionalInt.of(wholeFrom));
    }

    /** The state of one suppression: which cells are hidden so far, and why. */
    private static final class Run {

        private final IndexedTable table;
        private final SuppressionRule rule;
        private final Comparator<Integer> preference;
        private final SuppressionReason[] reasons;
        /** Cells the attacker cannot see: suppressed or unpublished. */
        private final boolean[] hidden;
        /** Hidden cells that must not be worked out: suppressed ones, and unpublished ones with small counts. */
        private final boolean[] protectedCells;
        /** Relations to (re)check, lowest number first so that the order never depends on input order. */
        private final TreeSet<Integer> relationsToCheck = new TreeSet<>();
        private final SuppressionBudget.Meter meter;
        private final Map<Integer, SuppressionReason> preset = new TreeMap<>();
        private boolean exactAudit = true;

        Run(IndexedTable table, SuppressionRule rule, SuppressionBudget.Meter meter) {
            this.table = table;
            this.rule = rule;
            this.meter = meter;
            this.preference = ComplementPreference.over(table);
            this.reasons = new SuppressionReason[table.size()];
            this.hidden = new boolean[table.size()];
            this.protectedCells = new boolean[table.size()];
        }

        /** Starts with the cell hidden for the given reason (a fallback's decision). */
        void presetHidden(String key, SuppressionReason reason) {
            int cell = java.util.Arrays.binarySearch(table.keys, key);
            if (cell < 0) {
                throw new IllegalArgumentException("no cell '" + key + "'");
            }
            preset.put(cell, reason);
        }

        /**
         * Skips the exact equality audit: after a fallback, whose soundness rests on the withheld
         * finest level, the bound and per-relation checks are the cheap confirmation.
         */
        Run cheapChecksOnly() {
            exactAudit = false;
            return this;
        }

        SuppressionResult suppress(AdditiveTable original) {
            return suppress(original, OptionalInt.empty());
        }

        SuppressionResult suppress(AdditiveTable original, OptionalInt withheldWholeFromLevel) {
            preset.forEach((cell, reason) -> hide(cell, reason));
            for (int cell = 0; cell < table.size(); cell++) {
                if (hidden[cell] || table.known[cell]) {
                    // Known cells are published whatever their count: the reader has them already.
                    continue;
                }
                if (table.unpublished[cell]) {
                    hidden[cell] = true;
                    protectedCells[cell] = rule.isPrimary(table.counts[cell]);
                    for (int relation : table.relationsOfCell[cell]) {
                        relationsToCheck.add(relation);
                    }
                } else if (rule.isPrimary(table.counts[cell])) {
                    hide(cell, SuppressionReason.PRIMARY);
                }
            }
            while (true) {
                meter.spend(table.size());
                protectEveryRelation();
                if (exactAudit) {
                    List<EqualityAudit.Recoverable> recoverable = new ArrayList<>(
                            EqualityAudit.recoverable(table, hidden, protectedCells, meter));
                    // A cell pinned by known cells alone was given away by what the reader already has.
                    recoverable.removeIf(recovery -> recovery.publishedCellsUsed().stream().allMatch(cell -> table.known[cell]));
                    if (!recoverable.isEmpty()) {
                        breakRecoveries(recoverable);
                        continue;
                    }
                }
                List<UpperBoundAudit.SmallCount> provenSmall = new ArrayList<>(
                        UpperBoundAudit.provenSmall(table, hidden, protectedCells, rule.threshold(), meter));
                provenSmall.removeIf(proof -> proof.publishedCellsUsed().stream().allMatch(cell -> table.known[cell]));
                if (provenSmall.isEmpty()) {
                    break;
                }
                breakSmallCountProofs(provenSmall);
            }
            List<SuppressedCell> suppressed = new ArrayList<>();
            for (int cell = 0; cell < table.size(); cell++) {
                if (hidden[cell] && !table.unpublished[cell]) {
                    String explanation = reasons[cell] == SuppressionReason.PRIMARY
                            ? rule.primaryExplanation()
                            : SECONDARY_EXPLANATION;
                    suppressed.add(new SuppressedCell(table.keys[cell], reasons[cell], explanation));
                }
            }
            return new SuppressionResult(original, suppressed, withheldWholeFromLevel);
        }

        /**
         * Requirements (2) and (3), relation by relation, until no relation needs another complement.
         * Only relations holding a protected cell need protecting; unpublished cells count as hidden
         * there, since the attacker cannot see them either.
         */
        private void protectEveryRelation() {
            while (!relationsToCheck.isEmpty()) {
                int relation = relationsToCheck.pollFirst();
                meter.spend(table.relationCells[relation].length);
                while (needsAnotherComplement(relation)) {
                    int complement = bestComplement(relation);
                    if (complement < 0) {
                        // Only known cells are left published: every finer cell is hidden already.
                        break;
                    }
                    hide(complement, SuppressionReason.SECONDARY);
                }
            }
        }

        private boolean needsAnotherComplement(int relation) {
            int[] cells = table.relationCells[relation];
            int hiddenCount = 0;
            long hiddenPartSum = 0;
            boolean protects = false;
            for (int position = 0; position < cells.length; position++) {
                if (hidden[cells[position]]) {
                    protects |= protectedCells[cells[position]];
                    hiddenCount++;
                    if (position > 0) {
                        hiddenPartSum += table.counts[cells[position]];
                    }
                }
            }
            if (!protects || hiddenCount == cells.length) {
                return false;
            }
            if (hiddenCount == 1) {
                return true;
            }
            boolean totalPublished = !hidden[cells[0]];
            return totalPublished && hiddenPartSum < rule.threshold();
        }

        /**
         * The most preferred published cell of the relation that the reader does not already
         * know, or -1 if there is none. Non-zero cells come first, so a hidden sum that is short
         * of the threshold grows; one always exists then unless every published cell of the
         * relation is zero (the loop then ends with the whole relation hidden) or known.
         */
        private int bestComplement(int relation) {
            int[] cells = table.relationCells[relation];
            int best = -1;
            for (int cell : cells) {
                if (!hidden[cell] && !table.known[cell] && (best < 0 || preference.compare(cell, best) < 0)) {
                    best = cell;
                }
            }
            return best;
        }

        /**
         * For each pinned cell, hides the most preferred of the published cells its recovery uses,
         * unless this round has already hidden one of them.
         */
        private void breakRecoveries(List<EqualityAudit.Recoverable> recoverable) {
            boolean[] hiddenThisRound = new boolean[table.size()];
            boolean progress = false;
            for (EqualityAudit.Recoverable recovery : recoverable) {
                if (recovery.publishedCellsUsed().stream().anyMatch(cell -> hiddenThisRound[cell])) {
                    progress = true;
                    continue;
                }
                int complement = nearestComplement(recovery.cell(), recovery.publishedCellsUsed());
                if (complement < 0) {
                    continue;
                }
                hide(complement, SuppressionReason.SECONDARY);
                hiddenThisRound[complement] = true;
                progress = true;
            }
            if (!progress) {
                // Cannot happen: a pinned cell's route always uses a published cell (see EqualityAudit).
                throw new IllegalStateException("no published cell left to hide for "
                        + recoverable.stream().map(r -> table.keys[r.cell()]).toList());
            }
        }

        /**
         * Of the published cells a recovery uses, the most preferred one, looking first at
         * non-zero cells that share a relation with the pinned cell, then at any non-zero cell,
         * then at zeros. A neighbour gives the pinned cell room to move within one relation; a
         * hidden zero is poor cover, since neighbouring published zeros soon pin it in turn.
         */
        private int nearestComplement(int pinned, List<Integer> publishedCellsUsed) {
            List<Integer> used = publishedCellsUsed.stream().filter(cell -> !table.known[cell]).toList();
            boolean[] neighbour = new boolean[table.size()];
            for (int relation : table.relationsOfCell[pinned]) {
                for (int cell : table.relationCells[relation]) {
                    neighbour[cell] = true;
                }
            }
            return used.stream().filter(cell -> neighbour[cell] && table.counts[cell] > 0).min(preference)
                    .orElseGet(() -> used.stream().min(preference).orElse(-1));
        }

        /**
         * For each cell proved small, hides the most preferred non-zero published cell of the
         * nearest relation in its proof (else the nearest non-zero one, else a zero), unless this
         * round has already hidden a cell the proof used.
         */
        private void breakSmallCountProofs(List<UpperBoundAudit.SmallCount> provenSmall) {
            boolean[] hiddenThisRound = new boolean[table.size()];
            boolean progress = false;
            for (UpperBoundAudit.SmallCount proof : provenSmall) {
                if (proof.publishedCellsUsed().stream().anyMatch(cell -> hiddenThisRound[cell])) {
                    progress = true;
                    continue;
                }
                List<Integer> nearest = proof.nearestPublishedCells().stream().filter(cell -> !table.known[cell]).toList();
                List<Integer> used = proof.publishedCellsUsed().stream().filter(cell -> !table.known[cell]).toList();
                int complement = nearest.stream().filter(cell -> table.counts[cell] > 0)
                        .min(preference)
                        .orElseGet(() -> used.stream().filter(cell -> table.counts[cell] > 0)
                                .findFirst()
                                .orElseGet(() -> nearest.stream().min(preference)
                                        .orElseGet(() -> used.stream().min(preference).orElse(-1))));
                if (complement < 0) {
                    continue;
                }
                hide(complement, SuppressionReason.SECONDARY);
                hiddenThisRound[complement] = true;
                progress = true;
            }
            if (!progress) {
                // Cannot happen: a bound below the threshold needs a published count behind it.
                throw new IllegalStateException("no published cell left to hide for "
                        + provenSmall.stream().map(proof -> table.keys[proof.cell()]).toList());
            }
        }

        private void hide(int cell, SuppressionReason reason) {
            hidden[cell] = true;
            protectedCells[cell] = true;
            reasons[cell] = reason;
            for (int relation : table.relationsOfCell[cell]) {
                relationsToCheck.add(relation);
            }
        }
    }
}
