package org.sightline.privacy.suppression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

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
 */
public final class SecondarySuppression {

    private static final String SECONDARY_EXPLANATION = "suppressed to protect another cell in the same total";

    /**
     * @return the cells to hide, each with its reason; unpublished cells are not listed
     */
    public SuppressionResult apply(AdditiveTable table, SuppressionRule rule) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rule, "rule");
        return new Run(new IndexedTable(table), rule).suppress(table);
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

        Run(IndexedTable table, SuppressionRule rule) {
            this.table = table;
            this.rule = rule;
            this.preference = ComplementPreference.over(table);
            this.reasons = new SuppressionReason[table.size()];
            this.hidden = new boolean[table.size()];
            this.protectedCells = new boolean[table.size()];
        }

        SuppressionResult suppress(AdditiveTable original) {
            for (int cell = 0; cell < table.size(); cell++) {
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
                protectEveryRelation();
                List<EqualityAudit.Recoverable> recoverable = EqualityAudit.recoverable(table, hidden, protectedCells);
                if (!recoverable.isEmpty()) {
                    breakRecoveries(recoverable);
                    continue;
                }
                List<UpperBoundAudit.SmallCount> provenSmall =
                        UpperBoundAudit.provenSmall(table, hidden, protectedCells, rule.threshold());
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
            return new SuppressionResult(original, suppressed);
        }

        /**
         * Requirements (2) and (3), relation by relation, until no relation needs another complement.
         * Only relations holding a protected cell need protecting; unpublished cells count as hidden
         * there, since the attacker cannot see them either.
         */
        private void protectEveryRelation() {
            while (!relationsToCheck.isEmpty()) {
                int relation = relationsToCheck.pollFirst();
                while (needsAnotherComplement(relation)) {
                    hide(bestComplement(relation), SuppressionReason.SECONDARY);
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
         * The most preferred published cell of the relation. Non-zero cells come first, so a
         * hidden sum that is short of the threshold grows; one always exists then unless every
         * published cell of the relation is zero, in which case the loop ends with the whole
         * relation hidden.
         */
        private int bestComplement(int relation) {
            int[] cells = table.relationCells[relation];
            int best = -1;
            for (int cell : cells) {
                if (!hidden[cell] && (best < 0 || preference.compare(cell, best) < 0)) {
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
        private int nearestComplement(int pinned, List<Integer> used) {
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
                int complement = proof.nearestPublishedCells().stream().filter(cell -> table.counts[cell] > 0)
                        .min(preference)
                        .orElseGet(() -> proof.publishedCellsUsed().stream().filter(cell -> table.counts[cell] > 0)
                                .findFirst()
                                .orElseGet(() -> proof.nearestPublishedCells().stream().min(preference).orElse(-1)));
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
