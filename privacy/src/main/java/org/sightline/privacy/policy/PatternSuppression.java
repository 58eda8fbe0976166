package org.sightline.privacy.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sightline.privacy.Disclosure;
import org.sightline.privacy.DisclosurePolicy;
import org.sightline.privacy.DisclosureStatus;
import org.sightline.privacy.ProtectedCell;
import org.sightline.privacy.TableCell;

/**
 * The SUPPRESS and ROUND treatments: releases an answer under a suppression pattern solved once
 * for the whole table of margins when the release was published (see
 * {@link org.sightline.privacy.suppression.SecondarySuppression}), so every question about a cell
 * gets the same status. Withheld cells all give the same reason - telling "small" apart from
 * "withheld to protect a small one" would tell an attacker which cells are small. With a rounding
 * base, every released count and denominator is then rounded on its own.
 */
public final class PatternSuppression implements DisclosurePolicy {

    /**
     * The pattern's verdict on one cell of the answer.
     *
     * @param withheld           whether the pattern withholds the cell
     * @param wholeLevelWithheld the level from which the cell's table was withheld whole because
     *                           its exact pattern ran out of budget, else null
     */
    public record Verdict(boolean withheld, String wholeLevelWithheld) {
    }

    private final List<Verdict> verdicts;
    private final int threshold;
    private final RoundToBase rounding;

    /**
     * @param verdicts  one per cell of the table {@link #protect} will get, in its order
     * @param threshold the suppression threshold, for the reason withheld cells give
     * @param rounding  the base to round released numbers to (ROUND), or null (SUPPRESS)
     */
    public PatternSuppression(List<Verdict> verdicts, int threshold, RoundToBase rounding) {
        this.verdicts = List.copyOf(verdicts);
        this.threshold = threshold;
        this.rounding = rounding;
    }

    @Override
    public List<ProtectedCell> protect(List<TableCell> table) {
        if (table.size() != verdicts.size()) {
            throw new IllegalArgumentException("the pattern has " + verdicts.size() + " verdicts for a table of " + table.size() + " cells");
        }
        List<ProtectedCell> result = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            TableCell cell = table.get(i);
            Verdict verdict = Objects.requireNonNull(verdicts.get(i), "verdict");
            if (verdict.withheld()) {
                result.add(new ProtectedCell(null, null, Disclosure.suppressed(reason(verdict), "cell-suppression")));
            } else if (rounding == null) {
                result.add(new ProtectedCell(cell.count(), cell.denominator(), Disclosure.EXACT));
            } else {
                result.add(new ProtectedCell(rounding.round(cell.count()), rounding.round(cell.denominator()),
                        new Disclosure(DisclosureStatus.ROUNDED, "rounded to the nearest " + rounding.base(),
                                "cell-suppression+round(" + rounding.base() + ")", null, null, null)));
            }
        }
        return result;
    }

    private String reason(Verdict verdict) {
        String reason = "withheld: fewer than " + threshold + ", or would let a number below " + threshold
                + " be worked out from published totals";
        return verdict.wholeLevelWithheld() == null ? reason
                : reason + " (in this table every " + verdict.wholeLevelWithheld() + " and finer figure is withheld)";
    }
}
