package org.sightline.api.suppression;

import java.util.Optional;
import org.sightline.privacy.policy.PolicyRule;
import org.sightline.privacy.policy.Treatment;

/**
 * Which table a suppressed answer is cut from: every level from the country down to
 * {@code finestLevel} (or, when it is null, down to the grain each release was stored at), with
 * the levels down to {@code exactThrough} (when set) already known exactly to the reader and so
 * never hidden. One policy rule needs at most one kind, so every question a caller may ask under
 * that rule, at any level, reads the same pattern.
 *
 * @param finestLevel  the finest area type of the table, or null for each release's stored grain
 * @param exactThrough the finest area type the reader sees exactly, or null
 */
public record TableKind(String finestLevel, String exactThrough) {

    private static final String GRAIN = "grain";
    private static final String EXACT = "+exact:";

    public TableKind {
        if (finestLevel != null && finestLevel.isBlank() || exactThrough != null && exactThrough.isBlank()) {
            throw new IllegalArgumentException("levels of a table kind must be null or non-blank");
        }
        if (finestLevel != null && exactThrough != null) {
            // Known levels exist only for a rule that is exact above its finest level and suppressed below.
            throw new IllegalArgumentException("a table kind with known levels goes down to the stored grain, not to " + finestLevel);
        }
    }

    /**
     * The kind of table a rule's SUPPRESS and ROUND answers come from, or empty if it has none.
     * Suppressed or rounded below the rule's finest level: down to the stored grain, the levels
     * above known exactly if the rule publishes them exactly. Suppressed or rounded only down to
     * the finest level: down to that level.
     */
    public static Optional<TableKind> forRule(PolicyRule rule) {
        boolean above = suppresses(rule.treatment());
        boolean below = suppresses(rule.belowFinestLevel());
        if (below || above && rule.finestLevel() == null) {
            return Optional.of(new TableKind(null,
                    rule.treatment() == Treatment.EXACT && rule.finestLevel() != null ? rule.finestLevel() : null));
        }
        return above ? Optional.of(new TableKind(rule.finestLevel(), null)) : Optional.empty();
    }

    private static boolean suppresses(Treatment treatment) {
        return treatment == Treatment.SUPPRESS || treatment == Treatment.ROUND;
    }

    /** The stored name, e.g. {@code ward} or {@code grain+exact:ward}. */
    public String code() {
        return (finestLevel == null ? GRAIN : finestLevel) + (exactThrough == null ? "" : EXACT + exactThrough);
    }
}
